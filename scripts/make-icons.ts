// Draws the app's icons (public/icons/*.png and icon.svg) with no image tools: a stack of two flashcards on the
// accent colour. PNGs are written by hand (zlib + CRC from node:zlib). Run: npx tsx scripts/make-icons.ts
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

const ACCENT = [0x4f, 0x46, 0xe5];
const WHITE = [0xff, 0xff, 0xff];
const PALE = [0xc7, 0xd2, 0xfe];

type Rgb = number[];

/** Inside a rounded rectangle (all in 0..1 units of the icon). */
function inRound(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The picture; `inset` shrinks the cards into the maskable safe zone; `rounded` gives the tile round corners. */
function pixel(x: number, y: number, inset: number, rounded: boolean): Rgb | null {
  if (rounded && !inRound(x, y, 0, 0, 1, 1, 0.18)) return null;
  const s = (v: number) => 0.5 + (v - 0.5) * inset;
  if (inRound(x, y, s(0.15), s(0.36), s(0.7), s(0.8), 0.05 * inset)) {
    // Two lines of "text" on the front card.
    const line = (yy: number, x1: number) => y > s(yy) && y < s(yy + 0.05) && x > s(0.23) && x < s(x1);
    return line(0.48, 0.6) || line(0.6, 0.5) ? ACCENT : WHITE;
  }
  if (inRound(x, y, s(0.3), s(0.2), s(0.85), s(0.62), 0.05 * inset)) return PALE;
  return ACCENT;
}

function png(size: number, inset: number, rounded: boolean): Buffer {
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    rows[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      const c = pixel((px + 0.5) / size, (py + 0.5) / size, inset, rounded);
      const o = py * (size * 4 + 1) + 1 + px * 4;
      rows[o] = c?.[0] ?? 0;
      rows[o + 1] = c?.[1] ?? 0;
      rows[o + 2] = c?.[2] ?? 0;
      rows[o + 3] = c ? 255 : 0;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="18" fill="${hex(ACCENT)}"/>
  <rect x="30" y="20" width="55" height="42" rx="5" fill="${hex(PALE)}"/>
  <rect x="15" y="36" width="55" height="44" rx="5" fill="${hex(WHITE)}"/>
  <rect x="23" y="48" width="37" height="5" fill="${hex(ACCENT)}"/>
  <rect x="23" y="60" width="27" height="5" fill="${hex(ACCENT)}"/>
</svg>
`;

writeFileSync('public/icons/icon.svg', svg);
writeFileSync('public/icons/icon-192.png', png(192, 1, true));
writeFileSync('public/icons/icon-512.png', png(512, 1, true));
writeFileSync('public/icons/maskable-512.png', png(512, 0.75, false));
console.log('wrote public/icons/icon.svg, icon-192.png, icon-512.png, maskable-512.png');
