// Bytes → text for documents of unknown encoding: pure, shared by the folder loader and browser uploads.
import { decodeWindows1252 } from './mojibake';

/** UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 for legacy files. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
