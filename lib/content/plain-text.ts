// Gives plain text (slides, notes, pages copied from a browser) Markdown structure: infers headings
// from line shape and spacing, turns runs of short lines into lists and drops in-page tables of contents.

import { stripCitationMarkers } from './citations';
import {
  ATX_HEADING,
  BULLET,
  FENCE,
  isBlank,
  isGlued,
  isHeadingShaped,
  isProse,
  isSentenceLike,
  isTitleCase,
  normaliseTitle,
  stripGluedLabel,
  sectionNumberDepth,
  wordCount,
} from './text-lines';

type Entry =
  | { kind: 'atx'; depth: number; text: string; blanksBefore: number }
  | { kind: 'setext'; depth: number; text: string; blanksBefore: number }
  | { kind: 'bullet'; raw: string; blanksBefore: number }
  | { kind: 'fence'; raw: string[]; blanksBefore: number }
  | { kind: 'text'; text: string; blanksBefore: number; marked?: boolean };

interface Decided {
  entry: Entry;
  heading?: { level: number; text: string };
  label?: boolean;
  drop?: boolean;
}

const ENDS_SENTENCE = /[.!?:;…"”')\]]$/u;
const QUESTION_LINE = /^(?:Q|Question)\s*\d*\s*[:.)]\s+(\S.*)$/i;
const ANSWER_LINE = /^(?:A|Answer)\s*\d*\s*[:.)]\s*(.*)$/i;
const SETEXT_UNDERLINE = /^\s*(=+|-+)\s*$/;
/** A lone bracketed link label ("[edit]") on its own line. */
const EDIT_LABEL = /^\s*\[\p{Ll}[\p{Ll} ]{1,18}\]\s*$/u;

/** Does an unmarked line continue the list item above it (a wrapped item) rather than start a paragraph? */
function continuesItem(item: string, line: string): boolean {
  if (/^\s{4,}\S/.test(line) || BULLET.test(line)) return false;
  if (/^\s*\p{Ll}/u.test(line)) return !ENDS_SENTENCE.test(item.trim()) || /\p{L}-$/u.test(item.trim());
  return false;
}

function toEntries(lines: readonly string[]): Entry[] {
  const entries: Entry[] = [];
  let blanks = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      blanks += 1;
      continue;
    }
    const previous = entries[entries.length - 1];
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const raw = [line];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(marker)) raw.push(lines[i++] ?? '');
      if (i < lines.length) raw.push(lines[i] ?? '');
      entries.push({ kind: 'fence', raw, blanksBefore: blanks });
    } else if (ATX_HEADING.test(line)) {
      const m = ATX_HEADING.exec(line);
      entries.push({ kind: 'atx', depth: m?.[1]?.length ?? 1, text: (m?.[2] ?? '').trim(), blanksBefore: blanks });
    } else if (
      SETEXT_UNDERLINE.test(lines[i + 1] ?? '') &&
      (lines[i + 1] ?? '').trim().length >= 3 &&
      wordCount(line) <= 15 &&
      !BULLET.test(line)
    ) {
      const depth = (lines[i + 1] ?? '').trim().startsWith('=') ? 1 : 2;
      entries.push({ kind: 'setext', depth, text: line.trim(), blanksBefore: blanks });
      i += 1;
    } else if (BULLET.test(line) && (!(sectionNumberDepth(line) > 0 && isHeadingShaped(line)) || (blanks === 0 && previous?.kind === 'bullet'))) {
      // A numbered line right under a list item is the next item, however much it looks like a heading.
      entries.push({ kind: 'bullet', raw: line, blanksBefore: blanks });
    } else if (blanks === 0 && previous?.kind === 'bullet' && continuesItem(previous.raw, line)) {
      // A hard-wrapped list item continues on an unmarked line.
      previous.raw = `${previous.raw.replace(/-$/, '')}${/-$/.test(previous.raw) ? '' : ' '}${line.trim()}`;
      continue;
    } else if (EDIT_LABEL.test(line)) {
      // A wiki edit link copied onto its own line marks the line above as a heading.
      const prev = entries[entries.length - 1];
      if (prev?.kind === 'text' && blanks <= 2 && isHeadingShaped(prev.text)) prev.marked = true;
      continue;
    } else {
      const text = line.trim();
      const stripped = stripGluedLabel(text);
      if (stripped !== text && isHeadingShaped(stripped)) entries.push({ kind: 'text', text: stripped, blanksBefore: blanks, marked: true });
      else entries.push({ kind: 'text', text, blanksBefore: blanks });
    }
    blanks = 0;
  }
  return entries;
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

type DepthOf = (text: string) => number;

/**
 * Numbering depth of a line: "2.", "1.3" and "IV." always count; a bare "2 Title" only when it is one
 * of a run of such lines numbered in sequence (1, 2, 3 …), as in books and PDF exports.
 */
function numberingDepth(entries: readonly Entry[]): DepthOf {
  const bare = entries.flatMap((e) => {
    if (e.kind !== 'text' || sectionNumberDepth(e.text) > 0) return [];
    const m = /^(\d{1,2})\s+[\p{Lu}"'“‘(]/u.exec(e.text);
    return m && isHeadingShaped(e.text, 14) && !ENDS_SENTENCE.test(e.text) ? [{ text: e.text, n: Number(m[1]) }] : [];
  });
  const numbers = new Set(bare.map((b) => b.n));
  const accepted = new Set(bare.filter((b) => numbers.has(b.n - 1) || numbers.has(b.n + 1)).map((b) => b.text));
  return (text) => sectionNumberDepth(text) || (accepted.has(text) ? 1 : 0);
}

/** Decides which text lines are headings, walking bottom-up so a heading may introduce a sub-heading. */
function decideHeadings(entries: readonly Entry[], depthOf: DepthOf): Decided[] {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.kind === 'text') counts.set(e.text, (counts.get(e.text) ?? 0) + 1);
  const isLabel = (e: Entry | undefined): boolean =>
    e?.kind === 'text' && (counts.get(e.text) ?? 0) >= 3 && wordCount(e.text) <= 3 && isHeadingShaped(e.text);

  const decided: Decided[] = entries.map((entry) => ({ entry }));
  const sparseBlanks = entries.length >= 6 && entries.filter((e) => e.blanksBefore > 0).length < entries.length * 0.1;
  const isHeadingAt = (i: number): boolean => {
    const d = decided[i];
    return !!d && (d.entry.kind === 'atx' || d.entry.kind === 'setext' || !!d.heading);
  };

  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const e = entries[i];
    if (!e || e.kind !== 'text') continue;
    const q = QUESTION_LINE.exec(e.text);
    if (q && entries[i + 1]) {
      decided[i] = { entry: e, heading: { level: 0, text: (q[1] ?? '').trim() } };
      continue;
    }
    if (isLabel(e)) {
      decided[i] = { entry: e, label: true };
      continue;
    }
    if (e.marked) {
      decided[i] = { entry: e, heading: { level: 0, text: e.text } };
      continue;
    }
    const numbered = depthOf(e.text) > 0;
    const words = wordCount(e.text);
    if (!isHeadingShaped(e.text, numbered ? 14 : 12)) continue;
    // Text laid out in columns ("Lecturer: J. Ortega      Autumn term") is a table row or a title-page line.
    if (/\S[ \t]{3,}\S/.test(e.text)) continue;
    // Longer unnumbered lines are captions or list items unless written in Title Case.
    if (!numbered && words > 6 && !isTitleCase(e.text)) continue;
    const prev = entries[i - 1];
    // Headings start a block; a heading right under another (still undecided) title-like line may chain.
    const prevMayBeHeading =
      prev?.kind === 'text' && prev.blanksBefore >= 1 && isHeadingShaped(prev.text) && !isLabel(prev);
    // Without blank lines between paragraphs, a heading can only be recognised by the sentence ending above it.
    const afterParagraph = sparseBlanks && prev?.kind === 'text' && isProse(prev.text) && ENDS_SENTENCE.test(prev.text);
    const precededOk = !prev || e.blanksBefore >= 1 || isHeadingAt(i - 1) || prevMayBeHeading || afterParagraph;
    if (!precededOk) continue;
    const next = entries[i + 1];
    if (!next) continue;
    let nextOk = false;
    if (next.kind === 'text') {
      const nextText = next.text;
      if (isLabel(next)) nextOk = isProse((entries[i + 2] as { text?: string } | undefined)?.text ?? '');
      else if (isHeadingAt(i + 1)) nextOk = numbered || e.blanksBefore >= 1 || !prev;
      else nextOk = isProse(nextText) && (isSentenceLike(nextText) || words <= 5 || numbered);
      if (/\?$/.test(e.text) && /\?$/.test(nextText)) nextOk = false;
      if (ANSWER_LINE.test(nextText)) nextOk = true;
    } else if (next.kind === 'bullet' || next.kind === 'fence') {
      nextOk = true;
    } else {
      nextOk = numbered || e.blanksBefore >= 2;
    }
    if (nextOk) decided[i] = { entry: e, heading: { level: 0, text: e.text } };
  }
  return decided;
}

/**
 * Levels: explicit Markdown levels stay; numbering depth gives the level; entries of the table of
 * contents keep their place there; other headings sit one level under the last numbered/listed one.
 */
function assignLevels(decided: readonly Decided[], tocLevels: ReadonlyMap<string, number>, depthOf: DepthOf): void {
  let context = 1;
  for (const d of decided) {
    const e = d.entry;
    if (e.kind === 'atx' || e.kind === 'setext') {
      context = e.depth;
      continue;
    }
    if (!d.heading || e.kind !== 'text') continue;
    const depth = depthOf(e.text);
    const listed = tocLevels.get(normaliseTitle(e.text));
    if (QUESTION_LINE.test(e.text)) d.heading.level = Math.min(6, context + 1);
    else if (depth > 0) {
      d.heading.level = Math.min(6, 1 + depth);
      context = d.heading.level;
    } else if (listed !== undefined || isAllCaps(e.text)) {
      d.heading.level = listed ?? 2;
      context = d.heading.level;
    } else {
      d.heading.level = Math.min(6, context + 1);
    }
  }
}

/**
 * Drops a block of short lines that mostly repeats the document's own headings (an in-page table of
 * contents) and returns the level each listed heading has there: a lone entry followed by a group of
 * unnumbered entries is their parent.
 */
function dropTablesOfContents(decided: Decided[], depthOf: DepthOf): Map<string, number> {
  const levels = new Map<string, number>();
  const headingTexts = new Set<string>();
  for (const d of decided) {
    const e = d.entry;
    if (d.heading) headingTexts.add(normaliseTitle(d.heading.text));
    if (e.kind === 'atx' || e.kind === 'setext') headingTexts.add(normaliseTitle(e.text));
  }
  const isShortText = (d: Decided | undefined): boolean =>
    !!d && d.entry.kind === 'text' && !d.heading && !d.label && !isProse(d.entry.text) && wordCount(d.entry.text) <= 8;
  let i = 0;
  while (i < decided.length) {
    if (!isShortText(decided[i])) {
      i += 1;
      continue;
    }
    let j = i;
    while (isShortText(decided[j])) j += 1;
    const region = decided.slice(i, j);
    const texts = region.map((d) => (d.entry.kind === 'text' ? d.entry.text : ''));
    const matches = texts.filter((t) => headingTexts.has(normaliseTitle(t))).length;
    if (region.length >= 4 && matches >= 4 && matches / region.length >= 0.6) {
      for (const d of region) d.drop = true;
      // Groups are separated by blank lines.
      const groups: string[][] = [];
      region.forEach((d, k) => {
        if (k === 0 || d.entry.blanksBefore > 0) groups.push([]);
        groups[groups.length - 1]?.push(texts[k] ?? '');
      });
      let parentLevel = 0;
      groups.forEach((group, g) => {
        const previous = groups[g - 1];
        const isChildGroup =
          group.length > 1 && previous?.length === 1 && depthOf(previous[0] ?? '') === 0 && parentLevel > 0;
        for (const t of group) {
          if (depthOf(t) > 0 || !headingTexts.has(normaliseTitle(t))) continue;
          levels.set(normaliseTitle(t), isChildGroup ? parentLevel + 1 : 2);
        }
        parentLevel = group.length === 1 ? (levels.get(normaliseTitle(group[0] ?? '')) ?? 0) : 0;
      });
    }
    i = j;
  }
  return levels;
}

function escapePlain(text: string): string {
  return text
    .replace(/\$/g, '\\$')
    .replace(/<(?=[/!?\p{L}])/gu, '\\<')
    .replace(/^(#{1,6}\s|>|[+*-]\s)/, '\\$1');
}

function escapeListItem(text: string): string {
  return escapePlain(text).replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
}

type HeadingStyle = 'caps' | 'title' | 'sentence' | 'unclear';

function headingStyle(text: string): HeadingStyle {
  if (isAllCaps(text)) return 'caps';
  // One capitalised word ("Cost") fits every style.
  if ((text.match(/[\p{L}\p{N}]{4,}/gu) ?? []).length < 2) return 'unclear';
  return isTitleCase(text) ? 'title' : 'sentence';
}

/**
 * A title-like first line is the document's title: when it stands apart (blank line or capitals), or,
 * if it already reads as a heading, when no other heading is written in its style (the title is in
 * Title Case or capitals, the sections are not) or there is no other heading at all.
 */
function promoteTitle(kept: readonly Decided[], depthOf: DepthOf): void {
  const first = kept[0];
  const hasExplicitTitle = kept.some((d) => (d.entry.kind === 'atx' || d.entry.kind === 'setext') && d.entry.depth === 1);
  if (first?.entry.kind !== 'text' || first.label || hasExplicitTitle) return;
  const text = first.entry.text;
  if (depthOf(text) > 0 || !isHeadingShaped(text) || QUESTION_LINE.test(text)) return;
  if (!first.heading) {
    if (isAllCaps(text) || isTitleCase(text) || (kept[1]?.entry.blanksBefore ?? 0) > 0) first.heading = { level: 1, text };
    return;
  }
  const others = kept
    .slice(1)
    .filter((d) => d.entry.kind === 'atx' || d.entry.kind === 'setext' || (d.heading && d.entry.kind === 'text' && !QUESTION_LINE.test(d.entry.text)))
    .map((d) => (d.entry.kind === 'text' || d.entry.kind === 'atx' || d.entry.kind === 'setext' ? d.entry.text : ''));
  const style = headingStyle(text);
  const distinct = style !== 'sentence' && style !== 'unclear' && others.every((o) => headingStyle(o) !== style);
  if (others.length === 0 || distinct) first.heading = { level: 1, text };
}

const TEX_ALT_TEXT = /\{\\(?:display|text|script)style\b/g;

/**
 * Browsers copy a formula twice: as the rendered symbols and as its LaTeX source in braces
 * ("f(x) = w · x {\displaystyle f(x)=w\cdot x}"). The LaTeX copy (a balanced brace group) goes.
 */
export function stripTexAltText(line: string): string {
  let out = line;
  TEX_ALT_TEXT.lastIndex = 0;
  for (let m = TEX_ALT_TEXT.exec(out); m; m = TEX_ALT_TEXT.exec(out)) {
    let depth = 0;
    let end = -1;
    for (let k = m.index; k < out.length; k += 1) {
      const c = out.charAt(k);
      if (c === '\\') k += 1;
      else if (c === '{') depth += 1;
      else if (c === '}' && --depth === 0) {
        end = k;
        break;
      }
    }
    if (end < 0) break;
    out = `${out.slice(0, m.index).replace(/[ \t]+$/, '')}${out.slice(end + 1)}`;
    TEX_ALT_TEXT.lastIndex = 0;
  }
  return out;
}

/**
 * Citation markers and LaTeX alt text are stripped once headings have been recognised (a glued
 * "[edit]" marks a heading).
 */
function stripEntryCitations(entries: Entry[]): Entry[] {
  const texts = entries.map((e) => stripTexAltText(e.kind === 'text' ? e.text : e.kind === 'bullet' ? e.raw : ''));
  const stripped = stripCitationMarkers(texts);
  return entries.map((e, i) => {
    const t = (stripped[i] ?? '').replace(/[ \t]+$/, '');
    if (e.kind === 'text') return { ...e, text: t.trim() || e.text };
    if (e.kind === 'bullet') return { ...e, raw: t || e.raw };
    return e;
  });
}

/**
 * The width a hard-wrapped text (notes, PDF exports) is wrapped at, or undefined when lines are whole
 * paragraphs (text copied from a browser). Most long lines then end within a quarter of that width.
 */
function wrapWidth(kept: readonly Decided[]): number | undefined {
  const lengths = kept
    .flatMap((d) => (d.entry.kind === 'text' && !d.heading && !d.label ? [d.entry.text.length] : []))
    .filter((n) => n >= 30)
    .sort((a, b) => a - b);
  if (lengths.length < 5) return undefined;
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  if (width > 120) return undefined;
  const full = lengths.filter((n) => n >= 0.75 * width).length;
  return full / lengths.length >= 0.5 ? width : undefined;
}

/** Words of the document (lower-case), without the halves of words hyphenated at a line end. */
export interface Vocabulary {
  words: Set<string>;
  compounds: Set<string>;
}

export function buildVocabulary(lines: readonly string[]): Vocabulary {
  const words = new Set<string>();
  const compounds = new Set<string>();
  let cutBefore = false;
  for (const raw of lines) {
    let line = raw.trim();
    if (cutBefore) line = line.replace(/^\p{L}+/u, '');
    cutBefore = /\p{L}-$/u.test(line);
    if (cutBefore) line = line.replace(/\p{L}+-$/u, '');
    for (const m of line.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      if (m[0].includes('-')) compounds.add(m[0]);
      for (const w of m[0].split('-')) words.add(w);
    }
  }
  return { words, compounds };
}

/**
 * Re-joins a word hyphenated at a line end: "connec-" + "tionist" → "connectionist", but "single-" +
 * "layer" stays "single-layer" when the document writes it so, or uses both halves as words of their own.
 */
export function joinHyphenated(paragraph: string, next: string, vocabulary: Vocabulary): string {
  const head = /(\p{L}+)-$/u.exec(paragraph)?.[1] ?? '';
  const tail = /^\p{L}+/u.exec(next)?.[0] ?? '';
  const joined = `${head}${tail}`.toLowerCase();
  const known = (w: string): boolean => vocabulary.words.has(w.toLowerCase());
  // Syllable breaks leave a tail that is no word ("tionist"); prefixes are short ("re-", "dis-").
  const keep =
    !vocabulary.words.has(joined) &&
    (vocabulary.compounds.has(`${head}-${tail}`.toLowerCase()) ||
      (known(head) && known(tail) && tail.length >= 3) ||
      (head.length >= 4 && tail.length >= 4 && known(tail)));
  return keep ? `${paragraph}${next}` : `${paragraph.slice(0, -1)}${next}`;
}

/** Does `next` continue the paragraph whose last line is `previous`? */
function continuesParagraph(previous: string, next: string, wrap: number | undefined): boolean {
  if (!ENDS_SENTENCE.test(previous) && /^\p{Ll}/u.test(next)) return true;
  // A line that runs to the wrap margin was broken by the wrapping, not by the author.
  return wrap !== undefined && previous.length >= 0.75 * wrap && /^[\p{L}\p{N}("'“‘]/u.test(next);
}

/** Converts plain-text lines into Markdown; `title` becomes the `#` heading when given. */
export function plainTextToMarkdown(lines: readonly string[], options: { title?: string } = {}): string {
  const entries = stripEntryCitations(toEntries(lines));
  const depthOf = numberingDepth(entries);
  const decided = decideHeadings(entries, depthOf);
  assignLevels(decided, dropTablesOfContents(decided, depthOf), depthOf);
  const kept = decided.filter((d) => !d.drop);
  const wrap = wrapWidth(kept);
  const vocabulary = buildVocabulary(lines);

  const blocks: string[] = [];
  if (options.title) blocks.push(`# ${escapePlain(options.title)}`);
  else promoteTitle(kept, depthOf);
  let i = 0;
  while (i < kept.length) {
    const d = kept[i] as Decided;
    const e = d.entry;
    if (e.kind === 'atx' || e.kind === 'setext') {
      blocks.push(`${'#'.repeat(e.depth)} ${e.text}`);
      i += 1;
    } else if (e.kind === 'fence') {
      blocks.push(e.raw.join('\n'));
      i += 1;
    } else if (e.kind === 'bullet') {
      const items: string[] = [];
      let baseIndent: number | null = null;
      while (kept[i]?.entry.kind === 'bullet' && (items.length === 0 || (kept[i]?.entry.blanksBefore ?? 0) <= 1)) {
        const raw = (kept[i]?.entry as { raw: string }).raw;
        const m = BULLET.exec(raw);
        const lead = m?.[1]?.length ?? 0;
        baseIndent ??= lead;
        const indent = Math.floor(Math.max(0, lead - baseIndent) / 2) * 2;
        const marker = /^\s*\d/.test(raw) ? (/^\s*(\d{1,3}[.)])/.exec(raw)?.[1] ?? '1.') : '-';
        items.push(`${' '.repeat(indent)}${marker} ${escapePlain(raw.slice(m?.[0].length ?? 0).trim())}`);
        i += 1;
      }
      blocks.push(items.join('\n'));
    } else if (d.heading) {
      blocks.push(`${'#'.repeat(Math.max(1, d.heading.level))} ${escapePlain(d.heading.text)}`);
      i += 1;
    } else if (d.label) {
      const next = kept[i + 1];
      if (next && next.entry.kind === 'text' && !next.heading && !next.label && next.entry.blanksBefore === 0) {
        blocks.push(`**${escapePlain(e.text)}:** ${escapePlain(next.entry.text)}`);
        i += 2;
      } else {
        blocks.push(`**${escapePlain(e.text)}**`);
        i += 1;
      }
    } else {
      // Adjacent short lines are a list (menu-free by now); other lines are paragraphs, re-joining hard wraps.
      const run: string[] = [];
      let j = i;
      while (true) {
        const c = kept[j];
        if (!c || c.entry.kind !== 'text' || c.heading || c.label) break;
        if (j > i && c.entry.blanksBefore > 0) break;
        run.push(c.entry.text);
        j += 1;
      }
      // Lines filled up to the document's wrap width are one paragraph however short the width.
      const wrappedRun = wrap !== undefined && run.length >= 2 && run.slice(0, -1).every((t) => t.length >= 0.75 * wrap);
      const shortRun = !wrappedRun && run.length >= 2 && run.every((t) => !isProse(t) && wordCount(t) <= 10 && !isGlued(t));
      // Lines introduced by "...:" and shaped alike (no sentence inside) are the items of a list.
      const introduced =
        !wrappedRun &&
        run.length >= 2 &&
        /:$/.test(blocks[blocks.length - 1] ?? '') &&
        run.every((t) => wordCount(t) <= 25 && !/\p{Ll}{2,}[.!?]\s+\p{Lu}/u.test(t));
      if (shortRun || introduced) {
        blocks.push(run.map((t) => `- ${escapeListItem(t.replace(ANSWER_LINE, '$1'))}`).join('\n'));
      } else {
        let paragraph = '';
        let previous = '';
        for (const raw of run) {
          const t = escapePlain(raw.replace(ANSWER_LINE, '$1'));
          if (paragraph && /\p{L}-$/u.test(previous) && /^\p{Ll}/u.test(raw)) paragraph = joinHyphenated(paragraph, t, vocabulary);
          else if (paragraph && continuesParagraph(previous, raw, wrap)) paragraph += ` ${t}`;
          else {
            if (paragraph) blocks.push(paragraph);
            paragraph = t;
          }
          previous = raw;
        }
        if (paragraph) blocks.push(paragraph);
      }
      i = j;
    }
  }
  return blocks.filter((b) => b.trim() !== '').join('\n\n') + '\n';
}
