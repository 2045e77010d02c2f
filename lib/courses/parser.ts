// The one place that decides which parser reads uploads: lib/content's text formats today; switch to
// lib/courses/parse's parseUpload (PDF, DOCX) when it lands — callers only see UploadParser.
import { textParser, type UploadParser } from './upload';

export const uploadParser: UploadParser = textParser;
