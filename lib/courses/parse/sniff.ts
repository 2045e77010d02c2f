// What a file's bytes are, from their first bytes (magic numbers), whatever its name says.

export type Sniffed =
  | 'pdf'
  | 'zip'
  | 'ole' // Compound File: legacy .doc/.xls, and password-protected Office files of any age
  | 'executable'
  | 'image'
  | 'archive'
  | 'media'
  | 'binary'
  | 'text';

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Human words for a kind, for messages ("a ZIP archive", "a program"). */
export const SNIFFED_LABEL: Record<Sniffed, string> = {
  pdf: 'a PDF',
  zip: 'a ZIP archive',
  ole: 'an older Microsoft Office file',
  executable: 'a program (executable)',
  image: 'an image',
  archive: 'a compressed archive',
  media: 'an audio or video file',
  binary: 'binary data',
  text: 'text',
};

export function sniff(bytes: Uint8Array): Sniffed {
  // A PDF may have a few junk bytes before its header; readers accept up to 1 KB.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (
    startsWith(bytes, ascii('MZ')) ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(bytes, ascii('\0asm'))
  ) {
    return 'executable';
  }
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, ascii('GIF8')) ||
    (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) ||
    (startsWith(bytes, ascii('BM')) && bytes.length > 14 && bytes[14] === 40)
  ) {
    return 'image';
  }
  if (
    startsWith(bytes, [0x1f, 0x8b]) ||
    startsWith(bytes, ascii('7z\xbc\xaf\x27\x1c')) ||
    startsWith(bytes, ascii('Rar!')) ||
    startsWith(bytes, ascii('BZh')) ||
    startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])
  ) {
    return 'archive';
  }
  if (startsWith(bytes, ascii('ID3')) || startsWith(bytes, ascii('ftyp'), 4) || startsWith(bytes, ascii('OggS')) || startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    return 'media';
  }
  return looksLikeText(bytes) ? 'text' : 'binary';
}

/**
 * Text when the sample has no NUL byte (UTF-16 with a BOM aside) and hardly any control characters
 * other than tab, newlines and form feed.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control += 1;
  }
  return control <= Math.max(2, sample.length * 0.01);
}
