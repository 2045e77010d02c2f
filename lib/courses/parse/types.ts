// Plain data of the upload parsing layer: what goes in (a file's name and bytes), what comes out
// (a SourceDocument for lib/content's buildCourse, or a refusal with a code and a message for the form).

import type { SourceDocument } from '@/lib/content';

export type UploadFormat = 'markdown' | 'text' | 'html' | 'pdf' | 'docx';

export interface UploadFile {
  /** The file name as the browser sent it (no folders are trusted; only the base name is used). */
  name: string;
  bytes: Uint8Array;
  /** The MIME type the browser declared; a hint only, the bytes decide. */
  declaredType?: string;
}

/** A parsed upload: exactly the SourceDocument buildCourse takes, plus what the preview shows. */
export interface ParsedDocument extends SourceDocument {
  format: UploadFormat;
  /** The document's title (its `#` heading after cleaning), when it has one. */
  title?: string;
  /** Page count of a PDF. */
  pages?: number;
  /** Things the instructor should know that did not stop the parse ("3 pages without text were skipped"). */
  warnings: string[];
}

export type ParseErrorCode =
  | 'empty'
  | 'too_large'
  | 'unsupported_type'
  | 'wrong_type'
  | 'binary'
  | 'pdf_encrypted'
  | 'pdf_no_text'
  | 'pdf_corrupt'
  | 'pdf_too_many_pages'
  | 'docx_encrypted'
  | 'docx_legacy_doc'
  | 'docx_not_docx'
  | 'docx_zip_bomb'
  | 'docx_corrupt'
  | 'no_text'
  | 'timeout'
  | 'too_many_files'
  | 'total_too_large'
  | 'duplicate_name';

export interface ParseFailure {
  ok: false;
  code: ParseErrorCode;
  /** A sentence for the upload form, naming the file. */
  message: string;
}

export type ParseResult = { ok: true; document: ParsedDocument } | ParseFailure;

export interface ParseLimits {
  /** Per file (default 20 MB). */
  maxFileBytes: number;
  /** Files per upload (default 50). */
  maxFiles: number;
  /** All files of one upload together (default 100 MB). */
  maxTotalBytes: number;
  /** Pages of one PDF (default 2,000). */
  maxPdfPages: number;
  /** Wall-clock budget for one file (default 120 s); checked between PDF pages. */
  timeoutMs: number;
  /** DOCX: sum of the entries' uncompressed sizes (default 200 MB). */
  maxUnzippedBytes: number;
  /** DOCX: entries in the archive (default 5,000). */
  maxZipEntries: number;
  /** DOCX: uncompressed / compressed size of an entry over 1 MB (default 200). */
  maxCompressionRatio: number;
  /** Text of one parsed document, in characters (default 5,000,000). */
  maxTextChars: number;
}

export interface BatchResult {
  /** One entry per file sent, in the order sent. `name` is the name the document got (renamed duplicates). */
  files: { name: string; originalName: string; result: ParseResult }[];
  /** The documents that parsed, ready for buildCourse. */
  documents: ParsedDocument[];
}

export type ParseBatchResult = ({ ok: true } & BatchResult) | ParseFailure;
