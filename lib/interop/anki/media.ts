// Media files of an Anki package (the `media` JSON map of numbered ZIP entries to file names): which ones a
// note refers to, whether we accept them, and their type decided from the bytes, never from the name.
// Accepted: PNG, JPEG, GIF, WebP images and MP3, Ogg, WAV sound; SVG and everything else is refused
// (an SVG can carry scripts). Limits keep one import from filling the database.

export const MAX_MEDIA_FILES = 500;
export const MAX_MEDIA_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_MEDIA_TOTAL_BYTES = 60 * 1024 * 1024;

export const MEDIA_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'audio/mpeg', 'audio/ogg', 'audio/wav'] as const;
export type MediaContentType = (typeof MEDIA_CONTENT_TYPES)[number];

/** A media file accepted for import; `key` is the reader's placeholder id used in the card text's tokens. */
export interface ImportedMedia {
  key: string;
  name: string;
  contentType: MediaContentType;
  bytes: Uint8Array;
}

export type MediaRefusal = 'missing' | 'type' | 'size' | 'limit';

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, at: number, s: string) => starts(b, [...s].map((c) => c.charCodeAt(0)), at);

/** The content type of a media file from its first bytes, or null when it is not one we serve. */
export function sniffMediaType(b: Uint8Array): MediaContentType | null {
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WAVE')) return 'audio/wav';
  if (ascii(b, 0, 'OggS')) return 'audio/ogg';
  if (ascii(b, 0, 'ID3') || (b.length > 1 && b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  return null;
}

export const isImageType = (t: MediaContentType): boolean => t.startsWith('image/');

/** Parses the legacy `media` entry: {"0": "cat.jpg", …} → file name → ZIP entry name. Not JSON → empty. */
export function parseMediaMap(bytes: Uint8Array | null): Map<string, string> {
  const byName = new Map<string, string>();
  if (!bytes || bytes.length === 0) return byName;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      for (const [entry, name] of Object.entries(parsed)) if (typeof name === 'string' && /^\d{1,9}$/.test(entry)) byName.set(name, entry);
    }
  } catch {
    // the newer format's media list is protobuf: no media from it
  }
  return byName;
}

/**
 * Collects the media a package's notes refer to, under the limits. `load(entry, budget)` returns an entry's
 * bytes, 'too-large' past the budget, or null; each name is loaded once. `take(name)` gives the placeholder key, or null with a reason.
 */
export function mediaCollector(map: ReadonlyMap<string, string>, load: (entry: string, budget: number) => Uint8Array | 'too-large' | null) {
  const taken = new Map<string, ImportedMedia | MediaRefusal>();
  const files: ImportedMedia[] = [];
  const refused: Record<MediaRefusal, number> = { missing: 0, type: 0, size: 0, limit: 0 };
  let total = 0;
  const refuse = (name: string, why: MediaRefusal): null => {
    taken.set(name, why);
    refused[why]++;
    return null;
  };
  function take(name: string): ImportedMedia | null {
    const seen = taken.get(name);
    if (seen !== undefined) return typeof seen === 'string' ? null : seen;
    const entry = map.get(name);
    if (entry === undefined) return refuse(name, 'missing');
    if (files.length >= MAX_MEDIA_FILES || total >= MAX_MEDIA_TOTAL_BYTES) return refuse(name, 'limit');
    let bytes: Uint8Array | 'too-large' | null;
    try {
      bytes = load(entry, MAX_MEDIA_FILE_BYTES);
    } catch {
      return refuse(name, 'missing'); // a damaged entry is as good as none
    }
    if (bytes === 'too-large' || (bytes && bytes.length > MAX_MEDIA_FILE_BYTES)) return refuse(name, 'size');
    if (!bytes) return refuse(name, 'missing');
    if (total + bytes.length > MAX_MEDIA_TOTAL_BYTES) return refuse(name, 'limit');
    const contentType = sniffMediaType(bytes);
    if (!contentType) return refuse(name, 'type');
    const file: ImportedMedia = { key: `m${files.length}`, name: name.slice(0, 200), contentType, bytes };
    total += bytes.length;
    files.push(file);
    taken.set(name, file);
    return file;
  }
  return { take, files, refused, has: (name: string) => map.has(name) };
}
