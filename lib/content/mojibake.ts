// Repairs mojibake: UTF-8 text that was decoded as Windows-1252 / Latin-1 (`â€™` → `’`,
// `Â ` → no-break space, `ðŸ˜„` → 😄). Reverses the wrong decoding only where the bytes form valid UTF-8.

/** Windows-1252 characters for bytes 0x80–0x9F (undefined bytes map to the C1 control of the same value). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
] as const;

/** Unicode code point → the single byte Windows-1252 (or Latin-1 for its holes) encodes it as. */
const CHAR_TO_BYTE: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (let b = 0; b < 0x100; b += 1) map.set(b, b);
  CP1252_HIGH.forEach((cp, i) => map.set(cp, 0x80 + i));
  return map;
})();

/**
 * Decodes bytes as Windows-1252. (Node's TextDecoder treats the label as Latin-1, which turns curly
 * quotes and the euro sign into invisible control characters.)
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCodePoint(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b);
  return out;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decodes one UTF-8 sequence starting at `bytes[0]`, or null when it is not valid and complete. */
function decodeSequence(bytes: readonly number[]): string | null {
  const [lead, ...rest] = bytes;
  if (lead === undefined) return null;
  const len = sequenceLength(lead);
  if (len === 0 || bytes.length !== len) return null;
  if (!rest.every((b) => b >= 0x80 && b <= 0xbf)) return null;
  let cp = lead & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
  for (const b of rest) cp = (cp << 6) | (b & 0x3f);
  // Reject overlong forms, surrogates and out-of-range values: those are not what a UTF-8 encoder writes.
  const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return String.fromCodePoint(cp);
}

function repairRun(run: string): string {
  const chars = Array.from(run);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] as string;
    const lead = CHAR_TO_BYTE.get(ch.codePointAt(0) ?? -1);
    const len = lead === undefined ? 0 : sequenceLength(lead);
    if (lead !== undefined && len > 0 && i + len <= chars.length) {
      const bytes = [lead];
      for (let k = 1; k < len; k += 1) {
        const b = CHAR_TO_BYTE.get(chars[i + k]?.codePointAt(0) ?? -1);
        if (b === undefined) break;
        bytes.push(b);
      }
      const decoded = decodeSequence(bytes);
      if (decoded !== null) {
        out += decoded;
        i += len;
        continue;
      }
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** Runs of characters that Windows-1252 encodes to bytes >= 0x80: the only places mojibake can hide. */
const HIGH_RUN =
  /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}/gu;

function repairOnce(text: string): string {
  return text.replace(HIGH_RUN, repairRun);
}

/** Quick test so clean text skips the per-character pass. */
const SUSPECT = /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/u;

/** Repairs text decoded with the wrong code page; repeated up to 3 times for double-encoded text. */
export function repairMojibake(text: string): string {
  let current = text;
  for (let pass = 0; pass < 3 && SUSPECT.test(current); pass += 1) {
    const next = repairOnce(current);
    if (next === current) break;
    current = next;
  }
  // A no-break space whose second byte was later turned into a plain space leaves `Â ` behind.
  // A closing quote (E2 80 9D) has a third byte Windows-1252 cannot show: it is lost or replaced by `�`.
  return current.replace(/(?<!\p{Lu})\u00c2(?= )/gu, '').replace(/â€(?:\ufffd|(?=[\s.,;:!?)]|$))/gmu, '”');
}
