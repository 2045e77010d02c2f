// Splits a clean Markdown document into lessons along its heading hierarchy: tiny sections merge
// with neighbours, long ones split at sub-headings or paragraphs; keys come from headings, never text.

import type { Lesson } from './types';
import {
  type Block,
  buildTree,
  type Section,
  sectionHasContent,
  sectionWords,
} from './markdown-tree';
import { createSlugger, shortSlug, type Slugger } from './slug';
import { countWords } from './words';

export const MIN_LESSON_WORDS = 150;
export const MAX_LESSON_WORDS = 1500;
/** Sections shorter than this are merged into a lesson without adding their heading to its title. */
const MIN_TITLED_WORDS = 20;

type Item =
  | { kind: 'heading'; depth: number; inline: string; title: string; lead: boolean }
  | { kind: 'block'; block: Block };

interface Unit {
  title: string;
  items: Item[];
  words: number;
  /** 1 for a whole section or its first part, 2+ for later parts of a section split at paragraphs. */
  part: number;
  totalParts: number;
}

export interface SplitOptions {
  moduleKey: string;
  sourceFile: string;
  /** Title for text before the first heading when the document has no title of its own (e.g. the module title). */
  fallbackTitle?: string;
  minWords?: number;
  maxWords?: number;
  /** Shared slugger so keys stay unique when a module draws from several documents. */
  slugger?: Slugger;
  /** Position of the first lesson (when lessons of several documents share a module). */
  startOrder?: number;
}

interface DocumentOutline {
  title?: string;
  content: Section;
}

/** The document's own title (its single top heading, or a heading-only title slide) and the content under it. */
function outline(root: Section): DocumentOutline {
  const introHasContent = root.blocks.some((b) => b.type !== 'thematicBreak' && b.type !== 'html' && b.words > 0);
  const top = root.children;
  const first = top[0];
  if (!introHasContent && top.length === 1 && first?.heading) {
    return { title: first.heading.title, content: { blocks: first.blocks, children: first.children } };
  }
  if (!introHasContent && first?.heading && !sectionHasContent(first) && top.length > 1) {
    return { title: first.heading.title, content: { blocks: [], children: top.slice(1) } };
  }
  return { content: root };
}

/** Title of a document: its own title, else its first heading. */
export function documentTitle(markdown: string): string | undefined {
  const { root } = buildTree(markdown);
  const doc = outline(root);
  if (doc.title) return doc.title;
  const first = (section: Section): string | undefined =>
    section.heading?.title ?? section.children.map(first).find((t) => t !== undefined);
  return first(root);
}

function sectionItems(section: Section, lead: boolean): Item[] {
  const items: Item[] = [];
  if (section.heading) items.push({ kind: 'heading', ...section.heading, lead });
  for (const block of section.blocks) items.push({ kind: 'block', block });
  for (const child of section.children) if (sectionHasContent(child)) items.push(...sectionItems(child, false));
  return items;
}

function itemWords(items: readonly Item[]): number {
  return items.reduce((n, it) => n + (it.kind === 'block' ? it.block.words : 0), 0);
}

/** Breaks an oversized list into its items and an oversized paragraph into sentences, so it can be divided. */
function divisibleBlocks(block: Block, maxWords: number): Block[] {
  if (block.words <= maxWords) return [block];
  const pieces =
    block.type === 'list'
      ? block.source.split(/\n(?=\s{0,3}(?:[-*+]|\d+[.)])\s)/)
      : block.type === 'paragraph'
        ? block.source.split(/(?<=[.!?])\s+(?=\p{Lu})/u)
        : [block.source];
  if (pieces.length < 2) return [block];
  const joiner = block.type === 'list' ? '\n' : ' ';
  // Group the pieces into blocks of at most ~maxWords/2 words so the parts can be balanced.
  const out: Block[] = [];
  let current: string[] = [];
  let words = 0;
  for (const piece of pieces) {
    const w = countWords(piece);
    if (current.length && words + w > maxWords / 2) {
      out.push({ ...block, source: current.join(joiner), words, refs: block.refs, nestedHeadings: [] });
      current = [];
      words = 0;
    }
    current.push(piece);
    words += w;
  }
  if (current.length) out.push({ ...block, source: current.join(joiner), words, refs: block.refs, nestedHeadings: [] });
  return out;
}

/** Splits a run of items (a section without usable sub-headings) into balanced parts at block boundaries. */
function splitIntoParts(title: string, items: Item[], maxWords: number): Unit[] {
  const expanded: Item[] = items.flatMap((it) =>
    it.kind === 'block' ? divisibleBlocks(it.block, maxWords).map((block): Item => ({ kind: 'block', block })) : [it],
  );
  const total = itemWords(expanded);
  const parts = Math.max(1, Math.ceil(total / maxWords));
  const target = total / parts;
  const chunks: Item[][] = [[]];
  let words = 0;
  for (const it of expanded) {
    const w = it.kind === 'block' ? it.block.words : 0;
    const chunk = chunks[chunks.length - 1] as Item[];
    if (chunks.length < parts && words > 0 && words + w / 2 > target * chunks.length) chunks.push([it]);
    else chunk.push(it);
    words += w;
  }
  return chunks.map((chunk, i) => ({ title, items: chunk, words: itemWords(chunk), part: i + 1, totalParts: chunks.length }));
}

function unitsOf(section: Section, title: string, maxWords: number, whole: boolean): Unit[] {
  if (!sectionHasContent(section)) return [];
  const total = sectionWords(section);
  if (whole && total <= maxWords) {
    const items = sectionItems(section, true);
    return [{ title, items, words: total, part: 1, totalParts: 1 }];
  }
  const units: Unit[] = [];
  const intro: Item[] = [];
  if (section.heading) intro.push({ kind: 'heading', ...section.heading, lead: true });
  for (const block of section.blocks) intro.push({ kind: 'block', block });
  if (intro.some((it) => it.kind === 'block')) units.push(...splitIntoParts(title, intro, maxWords));
  else if (section.heading) {
    // A heading with no text of its own still leads its first sub-section.
    units.push({ title, items: intro, words: 0, part: 1, totalParts: 1 });
  }
  for (const child of section.children) {
    units.push(...unitsOf(child, child.heading?.title ?? title, maxWords, true));
  }
  return units;
}

function groupWords(group: readonly Unit[]): number {
  return group.reduce((n, u) => n + u.words, 0);
}

/**
 * Merges sections under `min` words into a neighbour, smallest first and into the smaller neighbour,
 * never past `max`. A heading with no text of its own always joins the section after it.
 */
function mergeSmall(units: readonly Unit[], min: number, max: number): Unit[][] {
  const groups: Unit[][] = [];
  let pending: Unit[] = [];
  for (const unit of units) {
    if (unit.words === 0) pending.push(unit);
    else {
      groups.push([...pending, unit]);
      pending = [];
    }
  }
  if (pending.length) {
    if (groups.length) groups[groups.length - 1]?.push(...pending);
    else groups.push(pending);
  }
  const stuck = new Set<Unit[]>();
  while (groups.length > 1) {
    let index = -1;
    groups.forEach((g, k) => {
      if (stuck.has(g) || groupWords(g) >= min) return;
      if (index < 0 || groupWords(g) < groupWords(groups[index] as Unit[])) index = k;
    });
    if (index < 0) break;
    const group = groups[index] as Unit[];
    const words = groupWords(group);
    const prev = groups[index - 1];
    const next = groups[index + 1];
    const prevTotal = prev ? groupWords(prev) + words : Infinity;
    const nextTotal = next ? groupWords(next) + words : Infinity;
    if (prev && prevTotal <= max && prevTotal <= nextTotal) {
      prev.push(...group);
      groups.splice(index, 1);
    } else if (next && nextTotal <= max) {
      next.unshift(...group);
      groups.splice(index, 1);
    } else stuck.add(group);
  }
  return groups;
}

function partTitle(unit: Unit): string {
  return unit.part > 1 ? `${unit.title} (part ${unit.part})` : unit.title;
}

function joinTitles(titles: readonly string[]): string {
  if (titles.length <= 1) return titles[0] ?? '';
  return `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
}

/**
 * One title for several merged sections: the bare parent heading leading them, "Shared prefix: a and b",
 * "A and B", or the first one. `anchor` is the section the lesson key is derived from.
 */
function lessonTitle(group: readonly Unit[]): { title: string; anchor: Unit } {
  const content = group.filter((u) => u.words > 0);
  const leader = group[0] as Unit;
  const anchor = content[0] ?? leader;
  if (group.length === 1 || content.length <= 1) return { title: partTitle(anchor), anchor };
  if (leader.words === 0) return { title: partTitle(leader), anchor: leader };
  // A line or two (a subtitle, a one-sentence intro) does not earn its heading a place in the title.
  const substantial = content.filter((u) => u.words >= MIN_TITLED_WORDS);
  return { title: combinedTitle(substantial.length ? substantial : content), anchor };
}

function combinedTitle(content: readonly Unit[]): string {
  const titles = [...new Set(content.map(partTitle))];
  const first = titles[0] ?? '';
  if (titles.length <= 1) return first;
  const split = (t: string): string[] => t.split(/\s+[-–—:|]\s+|:\s+/);
  const parts = titles.map(split);
  const prefix = parts[0]?.[0] ?? '';
  if (parts.every((p) => p.length > 1 && p[0] === prefix) && prefix.split(/\s+/).length >= 2) {
    const withSuffixes = `${prefix}: ${joinTitles(parts.map((p) => p.slice(1).join(' - ')))}`;
    return withSuffixes.length <= 90 ? withSuffixes : prefix;
  }
  const joined = joinTitles(titles);
  return joined.length <= 70 ? joined : first;
}

function shiftNestedHeadings(block: Block, minDepth: number): string {
  if (block.nestedHeadings.length === 0) return block.source;
  const lowest = Math.min(...block.nestedHeadings.map((h) => h.depth));
  const shift = Math.max(0, minDepth - lowest);
  if (shift === 0) return block.source;
  let source = block.source;
  for (const h of [...block.nestedHeadings].sort((a, b) => b.offset - a.offset)) {
    const depth = Math.min(6, h.depth + shift);
    source = source.slice(0, h.offset) + '#'.repeat(depth) + source.slice(h.offset + h.depth);
  }
  return source;
}

function renderGroup(group: readonly Unit[], title: string, definitions: ReadonlyMap<string, string>): string {
  const items = group.flatMap((u) => u.items);
  // The lesson title is not repeated: drop the heading that carries it if it comes before any text.
  const firstBlock = items.findIndex((it) => it.kind === 'block');
  const titleAt = items.findIndex((it) => it.kind === 'heading' && it.title === title);
  if (titleAt >= 0 && (firstBlock < 0 || titleAt < firstBlock)) items.splice(titleAt, 1);
  const headings = items.filter((it): it is Extract<Item, { kind: 'heading' }> => it.kind === 'heading');
  const shift = headings.length ? 2 - Math.min(...headings.map((h) => h.depth)) : 0;
  const out: string[] = [];
  const refs = new Set<string>();
  for (const it of items) {
    if (it.kind === 'heading') out.push(`${'#'.repeat(Math.min(6, Math.max(2, it.depth + shift)))} ${it.inline}`);
    else {
      out.push(shiftNestedHeadings(it.block, 3));
      for (const r of it.block.refs) refs.add(r);
    }
  }
  while (out.length && /^\s*([-*_])(\s*\1){2,}\s*$/.test(out[0] ?? '')) out.shift();
  while (out.length && /^\s*([-*_])(\s*\1){2,}\s*$/.test(out[out.length - 1] ?? '')) out.pop();
  const defs = [...refs].map((r) => definitions.get(r)).filter((d): d is string => !!d);
  return [...out, ...defs].join('\n\n').trim() + '\n';
}

/**
 * Splits a clean Markdown document into lessons. Keys are `<moduleKey>/<slug of the first heading>`
 * (plus `-part-N` for paragraph splits), deduplicated with -2, -3 via the slugger.
 */
export function splitLessons(markdown: string, options: SplitOptions): Lesson[] {
  const min = options.minWords ?? MIN_LESSON_WORDS;
  const max = options.maxWords ?? MAX_LESSON_WORDS;
  const slugger = options.slugger ?? createSlugger();
  const { root, definitions } = buildTree(markdown);
  const doc = outline(root);
  const docTitle = doc.title ?? options.fallbackTitle ?? documentTitle(markdown) ?? 'Introduction';
  if (!sectionHasContent(doc.content)) return [];

  let units: Unit[];
  if (sectionWords(doc.content) < min) {
    const items = sectionItems(doc.content, false);
    units = [{ title: docTitle, items, words: sectionWords(doc.content), part: 1, totalParts: 1 }];
  } else {
    units = unitsOf(doc.content, docTitle, max, false);
  }
  const groups = mergeSmall(units, min, max);
  // One lesson holding several sections is the whole document: it is named like the document.
  const whole = groups.length === 1 && (groups[0]?.filter((u) => u.words > 0).length ?? 0) > 1;

  return groups.map((group, i): Lesson => {
    const { title, anchor } = whole ? { title: docTitle, anchor: { ...(group[0] as Unit), title: docTitle, part: 1 } } : lessonTitle(group);
    const body = renderGroup(group, title, definitions);
    const base = (shortSlug(anchor.title) || 'lesson') + (anchor.part > 1 ? `-part-${anchor.part}` : '');
    const slug = slugger.slug(base, 'lesson');
    return {
      key: `${options.moduleKey}/${slug}`,
      moduleKey: options.moduleKey,
      title,
      order: (options.startOrder ?? 0) + i,
      markdown: body,
      words: countWords(body),
      sourceFile: options.sourceFile,
    };
  });
}
