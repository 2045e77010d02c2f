// Shape tests for single lines of text (prose, menu item, heading-like, glued chrome), shared by
// the web-page extractor and the plain-text structurer. Structural only: no lists of known strings.

import { countPlainWords } from './words';

export const isBlank = (line: string): boolean => line.trim() === '';

/** Line tests run many times over the same lines; a bounded memo keeps them cheap. */
function memo<T>(fn: (line: string) => T): (line: string) => T {
  const cache = new Map<string, T>();
  return (line) => {
    const hit = cache.get(line);
    if (hit !== undefined) return hit;
    if (cache.size > 20_000) cache.clear();
    const value = fn(line);
    cache.set(line, value);
    return value;
  };
}

export const wordCount = memo((line: string): number => countPlainWords(line));

/** Ends like a sentence, or holds a sentence break inside. */
export function isSentenceLike(line: string): boolean {
  const t = line.trim();
  // An inner break needs a real word before the stop, so initials ("J. Devlin") do not count.
  return /[.!?…:;]["'”’)\]]*$/u.test(t) || /\p{Ll}{2,}[.!?]["'”’)]?\s+\p{Lu}/u.test(t);
}

/** Words run together without spaces, as when a browser copies a row of buttons ("mainBranchesTagsGo to file"). */
export const isGlued = memo((line: string): boolean => {
  const t = line.trim();
  const joins = (t.match(/\p{Ll}\p{Lu}/gu) ?? []).length;
  const words = Math.max(1, wordCount(t));
  if (joins >= 4 && joins / words > 0.25) return true;
  return t.split(/\s+/).some((token) => token.length > 45 && !/^(https?:|www\.)/i.test(token) && !/[/\\=]/.test(token));
});

/** Share of the line's characters that sit inside Markdown text links. */
export function linkDensity(line: string): number {
  const t = line.trim();
  if (!t) return 0;
  let inLinks = 0;
  // Images are content, not navigation: only text links count.
  for (const m of t.matchAll(/(?<!!)\[([^\]]*)\]\(([^)]*)\)/g)) inLinks += m[0].length;
  for (const m of t.matchAll(/<https?:[^>]+>/g)) inLinks += m[0].length;
  return inLinks / t.length;
}

export function isCopyrightLine(line: string): boolean {
  return /©|\(c\)\s*\d{4}|&copy;/iu.test(line) && wordCount(line) <= 20;
}

export const BULLET = /^(\s*)(?:[-*+•◦▪▫‣⁃●○■□–]|\d{1,3}[.)])\s+/u;
export const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$/;
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** A line a reader takes as running text: long enough and shaped like a sentence or a long caption. */
export const isProse = memo((line: string): boolean => {
  const t = line.trim();
  const words = wordCount(t);
  if (isGlued(t)) return false;
  return words >= 8 && (isSentenceLike(t) || t.length >= 50);
});

/** Short line with the shape of a title: few words, no closing sentence punctuation, starts with a capital, digit or quote. */
export function isHeadingShaped(line: string, maxWords = 12): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 90) return false;
  const words = wordCount(t);
  if (words === 0 || words > maxWords) return false;
  if (/[.,;!]$/.test(t) && !/\d\.$/.test(t)) return false;
  if (/:$/.test(t)) return false;
  if (!/^["'“‘(\p{Lu}\p{N}]/u.test(t)) return false;
  if (/^(https?:|www\.)/i.test(t) || isGlued(t)) return false;
  if (linkDensity(t) > 0.5) return false;
  // Titles are made of words: formulas and codes ("C(y, f(x))", "x = 2") are not.
  if (!/\p{L}{3,}/u.test(t)) return false;
  const visible = t.replace(/\s+/g, '');
  if ((visible.match(/[\p{L}\p{N}]/gu) ?? []).length / Math.max(1, visible.length) < 0.6) return false;
  return true;
}

/** Most longer words capitalised, as in "A Good Approximation". */
export function isTitleCase(text: string): boolean {
  const long = text.match(/[\p{L}\p{N}]{4,}/gu) ?? [];
  if (long.length === 0) return false;
  return long.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length / long.length >= 0.8;
}

/** A wiki-style link label glued to the end of a heading ("History[edit]") is page furniture. */
export function stripGluedLabel(line: string): string {
  return line.replace(/(?<=[\p{L}\p{N})])\[[\p{L}\s]{2,20}\]\s*$/u, '');
}

/** Section numbering at the start of a line ("2. Narratives", "1.3 Optimization", "IV. Results"): depth 1, 2, ... */
export function sectionNumberDepth(line: string): number {
  const t = line.trim();
  const m = /^(\d{1,2}(?:\.\d{1,2})*)(\.?)\s+\S/.exec(t);
  if (m) {
    const groups = (m[1] ?? '').split('.').length;
    if (groups === 1 && m[2] !== '.') return 0;
    return groups;
  }
  if (/^(?=[IVX]{1,5}\.\s)(X{0,3})(IX|IV|V?I{0,3})\.\s+\S/.test(t)) return 1;
  return 0;
}

/** Normalised text for comparing a table-of-contents entry with a heading. */
export function normaliseTitle(text: string): string {
  return text
    .replace(/^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Indices of the lines inside fenced code blocks (fence lines included), which cleaning never touches. */
export function fencedLineIndices(lines: readonly string[]): Set<number> {
  const inside = new Set<number>();
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const m = FENCE.exec(line);
    if (fence !== null || m) inside.add(i);
    if (fence === null && m) fence = (m[1] ?? '```').charAt(0);
    else if (fence !== null && m && (m[1] ?? '').charAt(0) === fence) fence = null;
  });
  return inside;
}
