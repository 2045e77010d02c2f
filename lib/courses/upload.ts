// Uploaded files → documents the pipeline reads. Limits are checked here (on the server, whatever the
// browser said), each file gets its own clear error, and the parser sits behind one small interface so the
// PDF/DOCX parsers (lib/courses/parse) can be switched in without touching the callers. Pure.

import { createHash } from 'node:crypto';
import { decodeText } from '@/lib/content/decode';
import { SUPPORTED_EXTENSIONS } from '@/lib/content/clean';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILES = 50;
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
export const MAX_NAME_LENGTH = 200;

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

/** Our own codes, or a parser's (lib/courses/parse's ParseErrorCode, e.g. "pdf_no_text"). */
export type UploadErrorCode = 'too-large' | 'too-many' | 'empty' | 'unsupported' | 'duplicate' | 'bad-name' | 'unreadable' | 'no-text' | (string & {});

export interface UploadError {
  name: string;
  code: UploadErrorCode;
  message: string;
}

export interface ParsedFile {
  name: string;
  /** Things the parser noticed that did not stop it (e.g. pages without text). */
  warnings?: string[];
  mediaType: string;
  /** Text the lesson pipeline reads (Markdown, plain text or HTML). */
  text: string;
  sha256: string;
}

export type ParseOutcome = { ok: true; mediaType: string; text: string; warnings?: string[] } | { ok: false; code: UploadErrorCode; message: string };

/** Turns one file's bytes into pipeline text. PDF and DOCX come with lib/courses/parse. */
export type UploadParser = (file: UploadFile) => Promise<ParseOutcome>;

const MEDIA_TYPES: Record<string, string> = {
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
};

export function extensionOf(name: string): string {
  return /\.[^./\\]+$/.exec(name)?.[0]?.toLowerCase() ?? '';
}

/** The text formats lib/content reads itself. */
export const textParser: UploadParser = async ({ name, bytes }) => {
  const ext = extensionOf(name);
  const mediaType = MEDIA_TYPES[ext];
  if (!mediaType) {
    return { ok: false, code: 'unsupported', message: `“${ext || 'no extension'}” files are not supported: upload Markdown (.md), plain text (.txt) or HTML (.html).` };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, code: 'unreadable', message: 'This is not a text file (it contains binary data).' };
  const text = decodeText(bytes);
  if (!/\p{L}/u.test(text)) return { ok: false, code: 'no-text', message: 'The file contains no text.' };
  return { ok: true, mediaType, text };
};

/** Extensions the current parser accepts, for the file input's `accept`. */
export const ACCEPTED_EXTENSIONS: readonly string[] = [...SUPPORTED_EXTENSIONS];

const EXTENSION_OF_TYPE: Record<string, string> = { 'text/markdown': '.md', 'text/plain': '.txt', 'text/html': '.html' };

/**
 * The path lib/content cleans the text under, whose extension tells it the format: the file's own name when
 * that matches what the text is, else the name with the right extension added (parsed PDF/DOCX are Markdown).
 */
export function pipelinePath(name: string, mediaType = ''): string {
  const wanted = EXTENSION_OF_TYPE[mediaType] ?? '.md';
  const ext = extensionOf(name);
  const same = MEDIA_TYPES[ext] !== undefined && (mediaType === '' || MEDIA_TYPES[ext] === mediaType);
  return same && (SUPPORTED_EXTENSIONS as readonly string[]).includes(ext) ? name : `${name}${wanted}`;
}

function cleanName(raw: string): string {
  // Browsers send a bare name; strip any folder part and control characters a client might add.
  return (raw.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim();
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/**
 * Checks limits and parses every file. Returns the parsed files and one error per refused file; the caller
 * writes nothing when there is any error, so an upload is all or nothing.
 */
export async function parseUploads(
  files: readonly UploadFile[],
  parser: UploadParser = textParser,
): Promise<{ files: ParsedFile[]; errors: UploadError[] }> {
  const errors: UploadError[] = [];
  const parsed: ParsedFile[] = [];
  if (files.length === 0) return { files: [], errors: [{ name: '', code: 'empty', message: 'Choose at least one file.' }] };
  if (files.length > MAX_FILES) {
    return { files: [], errors: [{ name: '', code: 'too-many', message: `At most ${MAX_FILES} files in one upload (you chose ${files.length}).` }] };
  }
  const total = files.reduce((n, f) => n + f.bytes.byteLength, 0);
  if (total > MAX_UPLOAD_BYTES) {
    return { files: [], errors: [{ name: '', code: 'too-large', message: `The upload is ${formatBytes(total)}; at most ${formatBytes(MAX_UPLOAD_BYTES)} at once.` }] };
  }
  const seen = new Set<string>();
  for (const file of files) {
    const name = cleanName(file.name);
    if (!name || name.length > MAX_NAME_LENGTH || name.startsWith('.')) {
      errors.push({ name: file.name, code: 'bad-name', message: 'The file name is empty, hidden or too long.' });
      continue;
    }
    if (seen.has(name.toLowerCase())) {
      errors.push({ name, code: 'duplicate', message: 'Two files have this name; rename one and upload again.' });
      continue;
    }
    seen.add(name.toLowerCase());
    if (file.bytes.byteLength === 0) {
      errors.push({ name, code: 'empty', message: 'The file is empty.' });
      continue;
    }
    if (file.bytes.byteLength > MAX_FILE_BYTES) {
      errors.push({ name, code: 'too-large', message: `The file is ${formatBytes(file.bytes.byteLength)}; at most ${formatBytes(MAX_FILE_BYTES)} per file.` });
      continue;
    }
    let outcome: ParseOutcome;
    try {
      outcome = await parser({ name, bytes: file.bytes });
    } catch {
      outcome = { ok: false, code: 'unreadable', message: 'The file could not be read.' };
    }
    if (!outcome.ok) errors.push({ name, code: outcome.code, message: outcome.message });
    else parsed.push({ name, mediaType: outcome.mediaType, text: outcome.text, sha256: sha256(file.bytes), ...(outcome.warnings?.length ? { warnings: outcome.warnings } : {}) });
  }
  return { files: parsed, errors };
}
