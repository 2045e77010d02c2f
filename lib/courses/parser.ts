// The one place that decides which parser reads uploads: lib/courses/parse (Markdown, text, HTML, PDF's text
// layer, DOCX; the bytes decide the type, zip bombs and encrypted files refused). Callers only see UploadParser.
import { ACCEPTED_EXTENSIONS as PARSE_EXTENSIONS, parseUpload, type UploadFormat } from './parse';
import type { UploadParser } from './upload';

const MEDIA_TYPE: Record<UploadFormat, string> = {
  markdown: 'text/markdown',
  text: 'text/plain',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const ACCEPTED_EXTENSIONS: readonly string[] = PARSE_EXTENSIONS;

export const uploadParser: UploadParser = async (file) => {
  const result = await parseUpload({ name: file.name, bytes: file.bytes });
  if (!result.ok) return { ok: false, code: result.code, message: result.message };
  return { ok: true, mediaType: MEDIA_TYPE[result.document.format], text: result.document.text, warnings: result.document.warnings };
};
