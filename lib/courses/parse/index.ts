// Upload parsing: a file's bytes → the SourceDocument lib/content's buildCourse takes (Markdown, or
// the decoded text of a Markdown/text/HTML file), or a refusal with a code and a message for the form.
// Pure over bytes: no database, no framework, no environment. The bytes decide the type, not the name.

import { cleanDocument, decodeText, documentTitle } from '@/lib/content';
import { docxToMarkdown } from './docx';
import { formatBytes, resolveLimits } from './limits';
import { pdfToMarkdown } from './pdf';
import { SNIFFED_LABEL, sniff, type Sniffed } from './sniff';
import type { ParseBatchResult, ParsedDocument, ParseFailure, ParseLimits, ParseResult, UploadFile, UploadFormat } from './types';

export type * from './types';
export { DEFAULT_LIMITS, formatBytes } from './limits';

const TEXT_EXTENSIONS: Record<string, UploadFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
};
const BINARY_EXTENSIONS: Record<string, UploadFormat> = { '.pdf': 'pdf', '.docx': 'docx' };
const MIME_FORMATS: Record<string, UploadFormat> = {
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
  'text/html': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};
const FORMAT_EXTENSION: Record<UploadFormat, string> = { markdown: '.md', text: '.txt', html: '.html', pdf: '.pdf', docx: '.docx' };

/** The accepted extensions, for the file input's `accept` attribute. */
export const ACCEPTED_EXTENSIONS = [...Object.keys(TEXT_EXTENSIONS), ...Object.keys(BINARY_EXTENSIONS)];

function fail(code: ParseFailure['code'], message: string): ParseFailure {
  return { ok: false, code, message };
}

/** The base name only (no folders, no control characters), never empty. */
export function safeFileName(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean && clean !== '.' && clean !== '..' ? clean : 'document';
}

function extensionOf(name: string): string {
  const m = /\.[^.]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

/** The format a file claims by its extension (else its declared MIME type). */
function claimedFormat(name: string, declaredType?: string): UploadFormat | undefined {
  const ext = extensionOf(name);
  return TEXT_EXTENSIONS[ext] ?? BINARY_EXTENSIONS[ext] ?? (declaredType ? MIME_FORMATS[declaredType.split(';')[0]?.trim().toLowerCase() ?? ''] : undefined);
}

function withTitle(doc: Omit<ParsedDocument, 'title'>): ParsedDocument {
  let title: string | undefined;
  try {
    title = documentTitle(cleanDocument(doc.text, doc.path));
  } catch {
    title = undefined;
  }
  return title ? { ...doc, title } : doc;
}

/**
 * Parses one uploaded file. Never throws for bad input: every refusal has a `code` and a `message`
 * that names the file and says what to do.
 */
export async function parseUpload(file: UploadFile, limits?: Partial<ParseLimits>): Promise<ParseResult> {
  const l = resolveLimits(limits);
  const name = safeFileName(file.name);
  const q = `“${name}”`;
  if (file.bytes.length === 0) return fail('empty', `${q} is empty (0 bytes). Choose the file again; it may not have finished saving.`);
  if (file.bytes.length > l.maxFileBytes) {
    return fail('too_large', `${q} is ${formatBytes(file.bytes.length)}; files can be at most ${formatBytes(l.maxFileBytes)}. Split it into smaller documents.`);
  }
  const claimed = claimedFormat(name, file.declaredType);
  const actual: Sniffed = sniff(file.bytes);
  const accepted = 'Markdown (.md), plain text (.txt), HTML (.html), PDF (.pdf) or Word (.docx)';
  if (actual === 'ole') {
    // Office encrypts even .docx files into the old Compound File container.
    if (claimed === 'docx') return fail('docx_encrypted', `${q} is password-protected (encrypted). Remove the password in Word (File › Info › Protect Document) and upload it again.`);
    return fail('docx_legacy_doc', `${q} is an older Word (.doc) or Office file. Open it in Word or LibreOffice and save it as .docx or PDF.`);
  }
  if (!claimed && actual !== 'pdf' && actual !== 'zip' && actual !== 'text') {
    return fail('unsupported_type', `${q} is ${SNIFFED_LABEL[actual]}, which cannot be made into a course. Upload ${accepted}.`);
  }
  const warnings: string[] = [];
  // The bytes decide; a supported format under the wrong extension is read as what it is.
  let format: UploadFormat;
  if (actual === 'pdf') format = 'pdf';
  else if (actual === 'zip') format = 'docx';
  else if (actual === 'text') {
    if (claimed === 'pdf' || claimed === 'docx') {
      return fail('wrong_type', `${q} is named like a ${claimed === 'pdf' ? 'PDF' : 'Word document'} but contains plain text. Rename it to .txt or .md, or export it again.`);
    }
    format = claimed ?? 'text';
  } else {
    return fail(
      actual === 'binary' ? 'binary' : 'wrong_type',
      `${q} is named like ${claimed === 'pdf' ? 'a PDF' : claimed === 'docx' ? 'a Word document' : 'a text document'} but contains ${SNIFFED_LABEL[actual]}. Upload ${accepted}.`,
    );
  }
  if (claimed && claimed !== format && (format === 'pdf' || format === 'docx')) {
    if (format === 'docx') {
      // A ZIP under another name: only a Word document inside is accepted.
      warnings.push(`${q} is not named .docx but is a Word document; it was read as one.`);
    } else warnings.push(`${q} is not named .pdf but is a PDF; it was read as one.`);
  }
  // The document's path keeps the name the instructor knows, with the extension of what it really is.
  const ext = extensionOf(name);
  const known = ext in TEXT_EXTENSIONS || ext in BINARY_EXTENSIONS;
  // (A name without a known extension, typed by its MIME type or its bytes, gets one, so the pipeline reads it right.)
  const path = claimed === format && known ? name : known ? `${name.slice(0, -ext.length)}${FORMAT_EXTENSION[format]}` : `${name}${FORMAT_EXTENSION[format]}`;

  if (format === 'pdf') {
    const r = await pdfToMarkdown(file.bytes, l);
    if (!r.ok) {
      switch (r.kind) {
        case 'encrypted':
          return fail('pdf_encrypted', `${q} is password-protected (encrypted). Save a copy without a password (or print it to a new PDF) and upload that.`);
        case 'no_text':
          return fail('pdf_no_text', `This PDF has no text layer (scanned?): ${q} holds only images of pages. Run it through OCR (text recognition) first, or upload the original document.`);
        case 'too_many_pages':
          return fail('pdf_too_many_pages', `${q} has ${r.pages ?? 'too many'} pages; a PDF can have at most ${l.maxPdfPages}. Split it into parts.`);
        case 'timeout':
          return fail('timeout', `${q} took too long to read (${r.reason}). Split it into smaller PDFs.`);
        default:
          return fail('pdf_corrupt', `${q} cannot be read as a PDF: it is damaged or incomplete (${r.reason.replace(/\.$/, '')}). Export it again and upload the new file.`);
      }
    }
    if (r.markdown.length > l.maxTextChars) return fail('too_large', `${q} holds more text than one document can (${l.maxTextChars.toLocaleString('en')} characters). Split it.`);
    return { ok: true, document: withTitle({ path, text: r.markdown, format, pages: r.pages, warnings: [...warnings, ...r.warnings] }) };
  }
  if (format === 'docx') {
    const r = await docxToMarkdown(file.bytes, l);
    if (!r.ok) {
      switch (r.kind) {
        case 'not_docx':
          return fail(claimed === 'docx' ? 'docx_not_docx' : 'wrong_type', `${q} cannot be used: ${r.reason}. Upload ${accepted}.`);
        case 'bomb':
          return fail('docx_zip_bomb', `${q} was refused: ${r.reason}, far more than any real Word document. Save it again from Word and upload the new file.`);
        case 'encrypted':
          return fail('docx_encrypted', `${q} is password-protected (encrypted). Remove the password in Word and upload it again.`);
        default:
          return fail('docx_corrupt', `${q} cannot be read as a Word document: it is damaged or incomplete (${r.reason.replace(/\.$/, '')}). Save it again from Word.`);
      }
    }
    if (!r.markdown.trim()) return fail('no_text', `${q} has no text to make lessons from.`);
    if (r.markdown.length > l.maxTextChars) return fail('too_large', `${q} holds more text than one document can (${l.maxTextChars.toLocaleString('en')} characters). Split it.`);
    return { ok: true, document: withTitle({ path, text: r.markdown, format, warnings: [...warnings, ...r.warnings] }) };
  }
  const text = decodeText(file.bytes);
  if (!text.replace(/^\uFEFF/, '').trim()) return fail('empty', `${q} holds only blank space.`);
  if (text.length > l.maxTextChars) return fail('too_large', `${q} holds more text than one document can (${l.maxTextChars.toLocaleString('en')} characters). Split it.`);
  return { ok: true, document: withTitle({ path, text, format, warnings }) };
}

/** "notes.md" taken → "notes (2).md", "notes (3).md", … (case-insensitive, as file systems often are). */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  const ext = extensionOf(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export interface BatchOptions {
  /** What to do with a second file of the same name: rename it "name (2).ext" (default) or refuse it. */
  duplicates?: 'rename' | 'refuse';
  /** Names already in the course (a new upload must not replace them by accident). */
  existingNames?: readonly string[];
}

/**
 * Parses the files of one upload, one after another (bounded memory). The whole upload is refused
 * for too many files or too many bytes; otherwise each file has its own result.
 */
export async function parseUploads(
  files: readonly UploadFile[],
  limits?: Partial<ParseLimits>,
  options: BatchOptions = {},
): Promise<ParseBatchResult> {
  const l = resolveLimits(limits);
  if (files.length === 0) return fail('empty', 'No files were chosen. Choose one or more documents to upload.');
  if (files.length > l.maxFiles) return fail('too_many_files', `${files.length} files were chosen; one upload can hold at most ${l.maxFiles}. Upload them in several goes.`);
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > l.maxTotalBytes) {
    return fail('total_too_large', `The files add up to ${formatBytes(total)}; one upload can hold at most ${formatBytes(l.maxTotalBytes)}. Upload them in several goes.`);
  }
  const taken = new Set((options.existingNames ?? []).map((n) => n.toLowerCase()));
  const out: ({ ok: true } & { files: { name: string; originalName: string; result: ParseResult }[]; documents: ParsedDocument[] }) = {
    ok: true,
    files: [],
    documents: [],
  };
  for (const file of files) {
    const originalName = safeFileName(file.name);
    if (taken.has(originalName.toLowerCase()) && options.duplicates === 'refuse') {
      out.files.push({
        name: originalName,
        originalName,
        result: fail('duplicate_name', `“${originalName}” was chosen twice (or is already in the course). Rename one of them, or upload it as a new version of the existing document.`),
      });
      continue;
    }
    const name = uniqueName(originalName, taken);
    const result = await parseUpload({ ...file, name }, l);
    if (result.ok) {
      const document = { ...result.document };
      // The path can differ from the name (a PDF sent as .docx); it must be unique too.
      if (document.path !== name) document.path = uniqueName(document.path, taken);
      if (name !== originalName) document.warnings = [`“${originalName}” was chosen twice; this copy is named “${name}”.`, ...document.warnings];
      taken.add(document.path.toLowerCase());
      taken.add(name.toLowerCase());
      out.documents.push(document);
      out.files.push({ name: document.path, originalName, result: { ok: true, document } });
    } else {
      taken.add(name.toLowerCase());
      out.files.push({ name, originalName, result });
    }
  }
  return out;
}
