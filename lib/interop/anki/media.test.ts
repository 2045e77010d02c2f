import { describe, expect, it } from 'vitest';
import { MAX_MEDIA_FILE_BYTES, mediaCollector, parseMediaMap, sniffMediaType } from './media';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('media files of a package', () => {
  it('decides the type from the bytes, refusing SVG and HTML', () => {
    expect(sniffMediaType(png)).toBe('image/png');
    expect(sniffMediaType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(sniffMediaType(new TextEncoder().encode('RIFF1234WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(new TextEncoder().encode('OggS....'))).toBe('audio/ogg');
    expect(sniffMediaType(new TextEncoder().encode('<svg onload="alert(1)"/>'))).toBeNull();
    expect(sniffMediaType(new TextEncoder().encode('<html><script>'))).toBeNull();
  });

  it('reads the legacy media map and ignores anything else', () => {
    expect([...parseMediaMap(new TextEncoder().encode('{"0":"a.png","x":"b.png","1":5}'))]).toEqual([['a.png', '0']]);
    expect(parseMediaMap(Uint8Array.from([0x0a, 0x03]))).toEqual(new Map());
  });

  it('loads each name once, and refuses missing, oversized and over-count files', () => {
    const loads: string[] = [];
    const c = mediaCollector(new Map([['a.png', '0'], ['big.png', '1'], ['txt.png', '2']]), (entry, budget) => {
      loads.push(entry);
      if (entry === '1') return budget < MAX_MEDIA_FILE_BYTES + 1 ? 'too-large' : null;
      return entry === '0' ? png : new TextEncoder().encode('hello');
    });
    expect(c.take('a.png')?.key).toBe('m0');
    expect(c.take('a.png')?.key).toBe('m0');
    expect(c.take('big.png')).toBeNull();
    expect(c.take('txt.png')).toBeNull();
    expect(c.take('nope.png')).toBeNull();
    expect(loads).toEqual(['0', '1', '2']);
    expect(c.refused).toEqual({ missing: 1, type: 1, size: 1, limit: 0 });
    expect(c.files).toHaveLength(1);
  });
});
