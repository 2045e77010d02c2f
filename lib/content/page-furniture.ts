// Removes what printing and pagination leave in a text (PDF exports, page-by-page copies): page
// numbers, running headers/footers, dot-leader tables of contents, reference back-link lists, and
// re-joins the paragraphs a page break cut in two. Decided by repetition and position, never by wording.

import { ATX_HEADING, BULLET, FENCE, fencedLineIndices, isBlank, isHeadingShaped, isSentenceLike, wordCount } from './text-lines';

/** A page break (form feed) is kept as a line of its own until furniture is removed. */
export const PAGE_BREAK = '\f';

const PAGE_NUMBER = /^\s*(?:page\s+)?[-–—([]?\s*(\d{1,4})\s*[-–—)\]]?\s*(?:(?:of|\/)\s*\d{1,4})?\s*$/i;
/** "1 Origins . . . . . 3", "Introduction ........ 12": a table-of-contents entry with a dot leader. */
const DOT_LEADER = /\S.*?(?:\s?\.){4,}\s*\d{1,4}\s*$/;
/** Wikipedia-style reference entries start with a back-link caret ("^ a b Author (1999) ..."). */
const REFERENCE_BACKLINK = /^\s*[\^↑]\s*(?:[a-z]{1,2}\s+)*\S/u;

function normalise(line: string): string {
  return line.trim().replace(/\s+/g, ' ').replace(/\d+/g, '#').toLowerCase();
}

function isStructural(line: string): boolean {
  return ATX_HEADING.test(line) || BULLET.test(line) || /^\s*[>|]/.test(line) || FENCE.test(line);
}

/**
 * Lines that hold only a page number ("12", "- 3 -", "Page 4 of 10"). Bare numbers count only when
 * they run upwards through the document, several lines apart, as page numbers do.
 */
function pageNumberLines(lines: readonly string[], skip: ReadonlySet<number>): Set<number> {
  const candidates: { index: number; n: number; explicit: boolean }[] = [];
  lines.forEach((line, index) => {
    if (skip.has(index)) return;
    const m = PAGE_NUMBER.exec(line);
    if (m) candidates.push({ index, n: Number(m[1]), explicit: /page|of|\//i.test(line) });
  });
  const found = new Set<number>();
  const explicit = candidates.filter((c) => c.explicit);
  if (explicit.length >= 2) for (const c of explicit) found.add(c.index);
  const bare = candidates.filter((c) => !c.explicit);
  if (bare.length >= 2) {
    let rising = 0;
    let spread = 0;
    for (let k = 1; k < bare.length; k += 1) {
      const step = (bare[k]?.n ?? 0) - (bare[k - 1]?.n ?? 0);
      if (step >= 1 && step <= 2) rising += 1;
      spread += (bare[k]?.index ?? 0) - (bare[k - 1]?.index ?? 0);
    }
    const pairs = bare.length - 1;
    if (rising / pairs >= 0.7 && spread / pairs >= 8) for (const c of bare) found.add(c.index);
  }
  return found;
}

/** Non-blank neighbours (up to `reach` on each side) of a line, skipping blank lines. */
function nearIndices(lines: readonly string[], index: number, reach: number): number[] {
  const out: number[] = [];
  for (const dir of [-1, 1]) {
    let seen = 0;
    for (let k = index + dir; k >= 0 && k < lines.length && seen < reach; k += dir) {
      if (isBlank(lines[k] ?? '')) continue;
      out.push(k);
      seen += 1;
    }
  }
  return out;
}

/**
 * Running headers and footers: the same line (numbers aside) on many pages. A title-like line of four
 * to fifteen words repeated three times is furniture anywhere; others only when they sit next to page breaks.
 */
function runningLines(lines: readonly string[], skip: ReadonlySet<number>, boundaries: ReadonlySet<number>): Set<number> {
  const byText = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (skip.has(i) || boundaries.has(i) || isBlank(line) || isStructural(line)) return;
    const key = normalise(line);
    const seen = byText.get(key);
    if (seen) seen.push(i);
    else byText.set(key, [i]);
  });
  const pages = [...boundaries].filter((i) => lines[i] === PAGE_BREAK).length + 1;
  const found = new Set<number>();
  for (const indices of byText.values()) {
    const sample = lines[indices[0] ?? 0] ?? '';
    const words = wordCount(sample);
    // A repeated sentence can be a refrain of the text; a repeated title-like line is a running header.
    if (indices.length >= 3 && words >= 4 && words <= 15 && !isSentenceLike(sample)) {
      indices.forEach((i) => found.add(i));
      continue;
    }
    if (indices.length < 2 || boundaries.size < 2 || words > 20) continue;
    const atBoundary = indices.filter((i) => nearIndices(lines, i, 2).some((k) => boundaries.has(k))).length;
    if (atBoundary / indices.length >= 0.75 && indices.length >= Math.min(3, pages)) indices.forEach((i) => found.add(i));
  }
  return found;
}

/** Dot-leader table-of-contents lines, and the short "Contents" line right above them. */
function dotLeaderLines(lines: readonly string[], skip: ReadonlySet<number>): Set<number> {
  const found = new Set<number>();
  const entries = lines.map((l, i) => !skip.has(i) && DOT_LEADER.test(l));
  if (entries.filter(Boolean).length < 2) return found;
  entries.forEach((isEntry, i) => {
    if (!isEntry) return;
    found.add(i);
    const above = i - 1;
    const line = lines[above] ?? '';
    if (above >= 0 && !entries[above] && !isBlank(line) && wordCount(line) <= 3 && !isSentenceLike(line) && !found.has(above - 1)) {
      if (!entries[above - 1]) found.add(above);
    }
  });
  return found;
}

export function isReferenceEntry(line: string): boolean {
  return REFERENCE_BACKLINK.test(line);
}

/**
 * Reference lists whose entries start with a back-link caret ("^ a b Author (1999) …"): the citation
 * markers they answer are stripped, so the list goes too (when there are at least two entries).
 */
export function removeReferenceEntries(lines: readonly string[]): string[] {
  const fenced = fencedLineIndices(lines);
  const entries = lines.filter((l, i) => !fenced.has(i) && isReferenceEntry(l)).length;
  if (entries < 2) return [...lines];
  return lines.filter((l, i) => fenced.has(i) || !isReferenceEntry(l));
}

const ENDS_SENTENCE = /[.!?:;…"”')\]]$/u;

/**
 * Removes page furniture. Where a page break cut a paragraph (the line before does not end a sentence
 * or ends in a hyphen), the two halves are brought back together so the paragraph can be re-joined.
 */
export function removePageFurniture(lines: readonly string[]): string[] {
  const fenced = fencedLineIndices(lines);
  const numbers = pageNumberLines(lines, fenced);
  const boundaries = new Set<number>(numbers);
  lines.forEach((l, i) => {
    if (l === PAGE_BREAK) boundaries.add(i);
  });
  const drop = new Set<number>([
    ...boundaries,
    ...runningLines(lines, fenced, boundaries),
    ...dotLeaderLines(lines, fenced),
  ]);
  if (drop.size === 0) return [...lines];
  const out: string[] = [];
  let removedSinceText = false;
  lines.forEach((line, i) => {
    if (drop.has(i)) {
      removedSinceText = true;
      return;
    }
    if (isBlank(line)) {
      out.push(line);
      return;
    }
    if (removedSinceText && boundariesBetween(out, line)) {
      while (out.length && isBlank(out[out.length - 1] ?? '')) out.pop();
    }
    removedSinceText = false;
    out.push(line);
  });
  return out;
}

/** True when the last kept text line and `next` are the two halves of one paragraph split by a page. */
function boundariesBetween(out: readonly string[], next: string): boolean {
  const prev = [...out].reverse().find((l) => !isBlank(l));
  if (!prev || isStructural(prev) || isStructural(next)) return false;
  const p = prev.trim();
  if (/^\s*\p{Ll}/u.test(next)) return !ENDS_SENTENCE.test(p) || /\p{L}-$/u.test(p);
  // A long line cut mid-sentence continues on the next page, unless that page opens with a heading.
  return !ENDS_SENTENCE.test(p) && wordCount(p) >= 8 && !isHeadingShaped(next);
}
