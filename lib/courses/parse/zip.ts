// Reads a ZIP archive's central directory by hand and inflates its entries under hard caps, so a
// zip bomb is refused before any library sees it. Only stored and deflated entries (all DOCX use).

import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {
  constructor(
    readonly kind: 'corrupt' | 'bomb' | 'encrypted' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Lists the entries from the central directory (declared sizes; nothing is inflated). */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const dv = view(bytes);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i -= 1) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('corrupt', 'the archive has no end record (truncated or not a ZIP file)');
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('unsupported', 'ZIP64 archives are not supported');
  if (count > maxEntries) throw new ZipError('bomb', `the archive holds ${count} entries (limit ${maxEntries})`);
  if (cdOffset + cdSize > bytes.length) throw new ZipError('corrupt', 'the archive is truncated');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL) throw new ZipError('corrupt', 'the archive directory is damaged');
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const entry: ZipEntry = {
      flags: dv.getUint16(p + 8, true),
      method: dv.getUint16(p + 10, true),
      compressedSize: dv.getUint32(p + 20, true),
      uncompressedSize: dv.getUint32(p + 24, true),
      localHeaderOffset: dv.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) {
      throw new ZipError('unsupported', 'ZIP64 archives are not supported');
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export interface ZipCaps {
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
}

/** Refuses, from the declared sizes alone, archives that would inflate past the caps. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], caps: ZipCaps): void {
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw new ZipError('encrypted', `entry "${e.name}" is encrypted`);
    total += e.uncompressedSize;
    if (total > caps.maxTotalBytes) throw new ZipError('bomb', `it would unpack to more than ${Math.round(caps.maxTotalBytes / 1048576)} MB`);
    if (e.uncompressedSize > 1048576 && e.uncompressedSize / Math.max(1, e.compressedSize) > caps.maxRatio) {
      throw new ZipError('bomb', `entry "${e.name}" is compressed ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} to 1`);
    }
  }
}

/**
 * Inflates one entry, never producing more than its declared size (a lying header cannot make it
 * bigger) nor more than `budget` bytes.
 */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  const dv = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL) throw new ZipError('corrupt', `entry "${entry.name}" is damaged`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('corrupt', `entry "${entry.name}" is truncated`);
  const data = bytes.subarray(start, end);
  const limit = Math.min(entry.uncompressedSize, budget);
  if (entry.method === 0) {
    if (entry.compressedSize > limit) throw new ZipError('bomb', `entry "${entry.name}" is larger than declared`);
    return data.slice();
  }
  if (entry.method !== 8) throw new ZipError('unsupported', `entry "${entry.name}" uses an unsupported compression method (${entry.method})`);
  const out = new Uint8Array(limit);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > limit) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  const CHUNK = 16 * 1024;
  try {
    for (let i = 0; i < data.length && !overflow; i += CHUNK) {
      inflater.push(data.subarray(i, Math.min(data.length, i + CHUNK)), i + CHUNK >= data.length);
    }
  } catch {
    throw new ZipError('corrupt', `entry "${entry.name}" cannot be decompressed`);
  }
  if (overflow) throw new ZipError('bomb', `entry "${entry.name}" unpacks to more than its declared size`);
  return written === out.length ? out : out.slice(0, written);
}
