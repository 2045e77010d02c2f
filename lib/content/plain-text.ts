// Gives plain text (slides, notes, pages copied from a browser) Markdown structure: infers headings
// from line shape and spacing, turns runs of short lines into lists and drops in-page tables of contents.

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
  | { kind: 'text'; text: string; blanksBefore: number };

interface Decided {
  entry: Entry;
  heading?: { level: number; text: string };
  label?: boolean;
  drop?: boolean;
}

const QUESTION_LINE = /^(?:Q|Question)\s*\d*\s*[:.)]\s+(\S.*)$/i;
const ANSWER_LINE = /^(?:A|Answer)\s*\d*\s*[:.)]\s*(.*)$/i;
const SETEXT_UNDERLINE = /^\s*(=+|-+)\s*$/;

function toEntries(lines: readonly string[]): Entry[] {
  const entries: Entry[] = [];
  let blanks = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      blanks += 1;
      continue;
    }
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
    } else if (BULLET.test(line) && !(sectionNumberDepth(line) > 0 && isHeadingShaped(line))) {
      entries.push({ kind: 'bullet', raw: line, blanksBefore: blanks });
    } else {
      const text = line.trim();
      const stripped = stripGluedLabel(text);
      entries.push({ kind: 'text', text: stripped !== text && isHeadingShaped(stripped) ? stripped : text, blanksBefore: blanks });
    }
    blanks = 0;
  }
  return entries;
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Decides which text lines are headings, walking bottom-up so a heading may introduce a sub-heading. */
function decideHeadings(entries: readonly Entry[]): Decided[] {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.kind === 'text') counts.set(e.text, (counts.get(e.text) ?? 0) + 1);
  const isLabel = (e: Entry | undefined): boolean =>
    e?.kind === 'text' && (counts.get(e.text) ?? 0) >= 3 && wordCount(e.text) <= 3 && isHeadingShaped(e.text);

  const decided: Decided[] = entries.map((entry) => ({ entry }));
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
    const numbered = sectionNumberDepth(e.text) > 0;
    const words = wordCount(e.text);
    if (!isHeadingShaped(e.text, numbered ? 14 : 12)) continue;
    // Longer unnumbered lines are captions or list items unless written in Title Case.
    if (!numbered && words > 6 && !isTitleCase(e.text)) continue;
    const prev = entries[i - 1];
    // Headings start a block; a heading right under another (still undecided) title-like line may chain.
    const prevMayBeHeading =
      prev?.kind === 'text' && prev.blanksBefore >= 1 && isHeadingShaped(prev.text) && !isLabel(prev);
    const precededOk = !prev || e.blanksBefore >= 1 || isHeadingAt(i - 1) || prevMayBeHeading;
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
function assignLevels(decided: readonly Decided[], tocLevels: ReadonlyMap<string, number>): void {
  let context = 1;
  for (const d of decided) {
    const e = d.entry;
    if (e.kind === 'atx' || e.kind === 'setext') {
      context = e.depth;
      continue;
    }
    if (!d.heading || e.kind !== 'text') continue;
    const depth = sectionNumberDepth(e.text);
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
function dropTablesOfContents(decided: Decided[]): Map<string, number> {
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
          group.length > 1 && previous?.length === 1 && sectionNumberDepth(previous[0] ?? '') === 0 && parentLevel > 0;
        for (const t of group) {
          if (sectionNumberDepth(t) > 0 || !headingTexts.has(normaliseTitle(t))) continue;
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

const ENDS_SENTENCE = /[.!?:;…"”')\]]$/u;

/** Converts plain-text lines into Markdown; `title` becomes the `#` heading when given. */
export function plainTextToMarkdown(lines: readonly string[], options: { title?: string } = {}): string {
  const entries = toEntries(lines);
  const decided = decideHeadings(entries);
  assignLevels(decided, dropTablesOfContents(decided));
  const kept = decided.filter((d) => !d.drop);

  const blocks: string[] = [];
  if (options.title) blocks.push(`# ${escapePlain(options.title)}`);
  else {
    // A title-like first line standing apart (blank line or capitals) is the document's title.
    const first = kept[0];
    const hasExplicitTitle = kept.some((d) => (d.entry.kind === 'atx' || d.entry.kind === 'setext') && d.entry.depth === 1);
    if (
      first?.entry.kind === 'text' &&
      !first.heading &&
      !first.label &&
      !hasExplicitTitle &&
      sectionNumberDepth(first.entry.text) === 0 &&
      isHeadingShaped(first.entry.text) &&
      (isAllCaps(first.entry.text) || isTitleCase(first.entry.text) || (kept[1]?.entry.blanksBefore ?? 0) > 0)
    ) {
      first.heading = { level: 1, text: first.entry.text };
    }
  }
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
      const shortRun = run.length >= 2 && run.every((t) => !isProse(t) && wordCount(t) <= 10 && !isGlued(t));
      // Lines introduced by "...:" and shaped alike (no sentence inside) are the items of a list.
      const introduced =
        run.length >= 2 &&
        /:$/.test(blocks[blocks.length - 1] ?? '') &&
        run.every((t) => wordCount(t) <= 25 && !/\p{Ll}{2,}[.!?]\s+\p{Lu}/u.test(t));
      if (shortRun || introduced) {
        blocks.push(run.map((t) => `- ${escapeListItem(t.replace(ANSWER_LINE, '$1'))}`).join('\n'));
      } else {
        let paragraph = '';
        for (const raw of run) {
          const t = escapePlain(raw.replace(ANSWER_LINE, '$1'));
          if (paragraph && !ENDS_SENTENCE.test(paragraph) && /^\p{Ll}/u.test(raw)) paragraph += ` ${t}`;
          else {
            if (paragraph) blocks.push(paragraph);
            paragraph = t;
          }
        }
        if (paragraph) blocks.push(paragraph);
      }
      i = j;
    }
  }
  return blocks.filter((b) => b.trim() !== '').join('\n\n') + '\n';
}
