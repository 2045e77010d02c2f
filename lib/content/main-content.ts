// Finds the main content of text copied from a web page: scores each line by length, sentence
// shape and link density, then keeps the densest run (maximum-sum segment), dropping menus and footers.

import { isReferenceEntry } from './page-furniture';
import {
  ATX_HEADING,
  BULLET,
  FENCE,
  isBlank,
  isCopyrightLine,
  isGlued,
  isHeadingShaped,
  isProse,
  isSentenceLike,
  isTitleCase,
  linkDensity,
  wordCount,
} from './text-lines';

export interface MainContent {
  lines: string[];
  /** Title line found above the content (a page `<title>` the browser copied), if any. */
  pageTitle?: string;
}

function isStructuralMarkdown(line: string): boolean {
  return ATX_HEADING.test(line) || BULLET.test(line) || /^\s*>/.test(line) || /^\s*\|/.test(line) || FENCE.test(line);
}

/** Many tiny menu-like lines and long blank runs: the signature of a page saved as text. */
export function looksLikeWebPage(lines: readonly string[]): boolean {
  const nonBlank = lines.filter((l) => !isBlank(l));
  if (nonBlank.length < 20) return false;
  // A short line that introduces a paragraph is a heading, not a menu entry; rules (=== / ---) are neither.
  const menuLike = nonBlank.filter((l, i) => {
    if (isStructuralMarkdown(l) || wordCount(l) === 0) return false;
    if (isGlued(l) || isCopyrightLine(l)) return true;
    return wordCount(l) <= 3 && !isSentenceLike(l) && !isProse(nonBlank[i + 1] ?? '');
  }).length;
  let longBlankRuns = 0;
  let run = 0;
  for (const l of lines) {
    if (isBlank(l)) run += 1;
    else {
      if (run >= 5) longBlankRuns += 1;
      run = 0;
    }
  }
  const ratio = menuLike / nonBlank.length;
  return ratio >= 0.3 || (ratio >= 0.15 && longBlankRuns >= 5);
}

function lineScore(line: string, inFence: boolean): number {
  const t = line.trim();
  if (!t) return 0;
  if (inFence || FENCE.test(t)) return 0.5;
  if (isGlued(t) || isCopyrightLine(t)) return -4;
  // Reference entries and legal notices (licence, trademark) close a page; they are not its content.
  if (isReferenceEntry(t)) return -2;
  if (/[©®]/u.test(t) && wordCount(t) <= 60) return -2;
  // Words of a bare URL are not prose.
  const words = wordCount(t.replace(/\bhttps?:\/\/\S+/g, ' '));
  if (linkDensity(t) > 0.6) return words >= 8 ? -0.5 : -1.5;
  if (ATX_HEADING.test(t)) return 1;
  if (words >= 8 && isProse(t)) return Math.min(words, 40) / 4;
  if (BULLET.test(line) && words >= 4) return 1;
  if (words >= 4) return isSentenceLike(t) ? 0.5 : -0.25;
  return -1;
}

/** Maximum-sum contiguous run of line scores (Kadane), with a cost for long blank gaps. */
function densestRun(lines: readonly string[]): [number, number] | null {
  const scores: number[] = [];
  let inFence = false;
  let blankRun = 0;
  for (const line of lines) {
    if (isBlank(line)) {
      blankRun += 1;
      // Every blank line beyond the second costs a little, so long gaps separate regions.
      scores.push(blankRun > 2 && blankRun <= 10 ? -0.5 : 0);
      continue;
    }
    blankRun = 0;
    const fence = FENCE.test(line);
    scores.push(lineScore(line, inFence));
    if (fence) inFence = !inFence;
  }
  let best = 0;
  let bestRange: [number, number] | null = null;
  let sum = 0;
  let start = 0;
  scores.forEach((s, i) => {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += s;
    if (sum > best) {
      best = sum;
      bestRange = [start, i];
    }
  });
  return bestRange;
}

function prevNonBlank(lines: readonly string[], from: number, maxGap: number): number {
  for (let i = from, gap = 0; i >= 0 && gap <= maxGap; i -= 1) {
    if (!isBlank(lines[i] ?? '')) return i;
    gap += 1;
  }
  return -1;
}

/** Separates the parts of a page title ("Topic | Site", "Site - Topic"). */
export const TITLE_SEPARATOR = /\s+[|·•»\-–—]\s+/u;

/** Drops short site-name segments from a page title ("GitHub - owner/repo: about" → "owner/repo: about"). */
export function stripSiteName(title: string): string {
  const parts = title.split(TITLE_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  const longest = Math.max(0, ...parts.map((p) => wordCount(p)));
  const isSiteName = (p: string | undefined): boolean => wordCount(p ?? '') <= 2 && wordCount(p ?? '') < longest;
  while (parts.length > 1 && isSiteName(parts[0])) parts.shift();
  while (parts.length > 1 && isSiteName(parts[parts.length - 1])) parts.pop();
  return parts.join(' - ');
}

function significantWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []).map((w) => w));
}

function wordFrequencies(text: string): Map<string, number> {
  const freq = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? []) freq.set(w, (freq.get(w) ?? 0) + 1);
  return freq;
}

/**
 * The page title a browser copies as the first line ("Topic - Site"): kept when it is about the
 * content; of its " - " / " | " segments, the one the content talks about most is kept.
 */
function findPageTitle(lines: readonly string[], blockStart: number, blockLines: readonly string[]): string | undefined {
  const firstIdx = lines.findIndex((l) => !isBlank(l));
  if (firstIdx < 0 || firstIdx >= blockStart) return undefined;
  const raw = (lines[firstIdx] ?? '').trim().replace(/^#+\s*/, '');
  const words = wordCount(raw);
  if (words < 1 || words > 30 || raw.length > 200 || isGlued(raw) || isCopyrightLine(raw)) return undefined;
  const freq = wordFrequencies(blockLines.join(' ').slice(0, 20000));
  const score = (segment: string): number => {
    const ws = [...significantWords(segment)];
    if (ws.length === 0) return 0;
    return ws.reduce((n, w) => n + Math.min(freq.get(w) ?? 0, 5), 0) / ws.length;
  };
  const segments = raw.split(TITLE_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  // The article repeats its own title as a line above the text; the site name sits among the menus.
  // Of the segments the page repeats as lines, the one nearest the start of the content is the title.
  const nearest = (segment: string): number => {
    let at = -1;
    lines.forEach((l, i) => {
      if (i !== firstIdx && i <= blockStart && l.trim().toLowerCase() === segment.toLowerCase()) at = i;
    });
    return at;
  };
  if (segments.length > 1) {
    const repeated = segments.map((seg) => ({ seg, at: nearest(seg) })).filter((x) => x.at >= 0 && wordCount(x.seg) >= 2);
    const closest = repeated.sort((a, b) => b.at - a.at)[0];
    if (closest && blockStart - closest.at <= 40) return closest.seg;
  }
  const best = [...segments].sort((a, b) => score(b) - score(a))[0] ?? raw;
  const title = segments.length > 1 && score(best) > 2 * Math.max(...segments.filter((s) => s !== best).map(score)) ? best : stripSiteName(raw);
  const titleWords = [...significantWords(title)];
  const shared = titleWords.filter((w) => (freq.get(w) ?? 0) > 0).length;
  if (titleWords.length === 0 || shared / titleWords.length < 0.5 || score(title) < 1) return undefined;
  return title;
}

const isFragment = (line: string): boolean => wordCount(line) >= 1 && wordCount(line) <= 4 && !isSentenceLike(line) && !isStructuralMarkdown(line);

/**
 * A sign-up box or similar widget inside an article: a group of lines (no blank between them) made only
 * of short sentences and of form-like fragments ("Enter your email address", "Sign up") that follow a
 * sentence rather than an introducing colon. Article paragraphs are longer; lists are introduced.
 */
function isWidget(group: readonly string[]): boolean {
  if (group.length < 3 || group.some((l) => wordCount(l) > 15 || isStructuralMarkdown(l))) return false;
  if (!group.some((l) => isSentenceLike(l) && wordCount(l) >= 5)) return false;
  let fragments = 0;
  group.forEach((line, i) => {
    if (i === 0 || !isFragment(line)) return;
    let k = i - 1;
    while (k > 0 && isFragment(group[k] ?? '')) k -= 1;
    if (!/:$/.test((group[k] ?? '').trim())) fragments += 1;
  });
  return fragments >= 2;
}

/**
 * Removes chrome that sits inside the article: widget groups, and teaser lines ("Read more: Title")
 * whose title is repeated among the page's links outside the article.
 */
function dropInlineChrome(block: readonly string[], outside: readonly string[]): string[] {
  const outsideLines = new Set(outside.map((l) => l.trim().toLowerCase()).filter((l) => wordCount(l) >= 2));
  const out: string[] = [];
  let group: string[] = [];
  const flush = (): void => {
    if (!isWidget(group)) out.push(...group);
    group = [];
  };
  for (const line of block) {
    const t = line.trim();
    // Only a labelled line counts: a heading may well repeat a line of the page's table of contents.
    const teaser = /^([^:]{1,30}):\s+(.+)$/.exec(t);
    if (teaser && wordCount(teaser[1] ?? '') <= 3 && outsideLines.has((teaser[2] ?? '').toLowerCase()) && !isProse(t)) continue;
    if (isBlank(line)) {
      flush();
      out.push(line);
    } else group.push(line);
  }
  flush();
  return out;
}

/**
 * Keeps the main content of a page saved as text. Returns the input unchanged when it does not look
 * like a web page (so ordinary documents are never trimmed).
 */
export function extractMainContent(lines: readonly string[]): MainContent {
  if (!looksLikeWebPage(lines)) return { lines: [...lines] };
  const range = densestRun(lines);
  if (!range) return { lines: [...lines] };
  const end = range[1];
  let start = range[0];
  // A title sitting right above the first paragraph belongs to the content even though short lines score low.
  const above = prevNonBlank(lines, start - 1, 2);
  if (above >= 0) {
    const candidate = lines[above] ?? '';
    const beforeCandidate = prevNonBlank(lines, above - 1, 0);
    const titleLike = isTitleCase(candidate) || wordCount(candidate) <= 3;
    if (isHeadingShaped(candidate) && titleLike && beforeCandidate < 0 && isProse(lines[start] ?? '')) {
      start = above;
    }
  }
  const block = dropInlineChrome(lines.slice(start, end + 1), [...lines.slice(0, start), ...lines.slice(end + 1)]);
  const pageTitle = findPageTitle(lines, start, block);
  return pageTitle ? { lines: block, pageTitle } : { lines: block };
}
