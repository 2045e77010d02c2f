// Cuts clean Markdown into a tree of sections (heading + blocks + sub-sections) with a fast line scanner
// that keeps each block's source text, so lessons are cut from the author's Markdown rather than re-printed.

import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { countWords, inlineMarkdownToText } from './words';

export interface NestedHeading {
  /** Offset of the heading's first `#` within the block source. */
  offset: number;
  depth: number;
}

export interface Block {
  source: string;
  words: number;
  type: RootContent['type'];
  /** Identifiers of link/image/footnote references used in the block. */
  refs: string[];
  /** ATX headings inside the block (in block quotes or lists). */
  nestedHeadings: NestedHeading[];
}

export interface SectionHeading {
  depth: number;
  /** Plain-text title, tidied for display. */
  title: string;
  /** The heading's inline Markdown, on one line. */
  inline: string;
}

export interface Section {
  heading?: SectionHeading;
  blocks: Block[];
  children: Section[];
}

export interface MarkdownTree {
  root: Section;
  /** Link reference and footnote definitions, by identifier. */
  definitions: Map<string, string>;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

/** Full Markdown parse (used where exact mdast is needed, e.g. heading anchors). */
export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

/** Heading text fit for a title: no note ids ("202101091757 "), file extensions or Markdown escapes. */
export function tidyTitle(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!$<>|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\d{8,}\s+/, '')
    .replace(/\.(?:txt|md|markdown|html?|pdf|docx?)$/i, '')
    .replace(/\s*[:;,]$/, '')
    .trim();
}

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,}|\${2,})/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[(\^?)([^\]]+)\]:[ \t]*\S?/;
const QUOTED_HEADING = /^((?: {0,3}>[ \t]?)+ {0,3})(#{1,6})(?=[ \t]|$)/;

function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function blockType(firstLine: string): RootContent['type'] {
  if (LIST_ITEM.test(firstLine)) return 'list';
  if (/^ {0,3}>/.test(firstLine)) return 'blockquote';
  if (/^ {0,3}\|/.test(firstLine)) return 'table';
  if (/^ {0,3}<[a-zA-Z/!?]/.test(firstLine)) return 'html';
  if (/^( {4}|\t)/.test(firstLine)) return 'code';
  return 'paragraph';
}

function headingFrom(depth: number, raw: string): SectionHeading | null {
  const inline = raw.replace(/[ \t]+#+[ \t]*$/, '').replace(/^#+$/, '').replace(/\s*\n\s*/g, ' ').trim();
  const title = tidyTitle(inlineMarkdownToText(inline));
  return title ? { depth, title, inline } : null;
}

type Token = { kind: 'heading'; heading: SectionHeading } | { kind: 'block'; source: string; type: RootContent['type'] } | { kind: 'definition'; id: string; source: string };

/**
 * Splits Markdown into top-level blocks line by line (fences, math, headings incl. setext, lists,
 * quotes, tables, definitions). Much faster than a full parse and keeps every block's source text.
 */
function scan(markdown: string): Token[] {
  const lines = markdown.split('\n');
  const tokens: Token[] = [];
  const isBlankLine = (k: number): boolean => (lines[k] ?? '').trim() === '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const ch = marker.charAt(0);
      const rest = line.trim().slice(marker.length);
      let j = i + 1;
      if (!(ch === '$' && rest.trimEnd().endsWith('$$'))) {
        while (j < lines.length) {
          const t = (lines[j] ?? '').trim();
          j += 1;
          if (t.startsWith(ch.repeat(marker.length)) && (ch === '$' || t.replace(new RegExp(`^\\${ch}+`), '').trim() === '')) break;
        }
      }
      tokens.push({ kind: 'block', source: lines.slice(i, j).join('\n'), type: ch === '$' ? 'math' : 'code' });
      i = j;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      const heading = headingFrom(atx[1]?.length ?? 1, atx[2] ?? '');
      if (heading) tokens.push({ kind: 'heading', heading });
      i += 1;
      continue;
    }
    if (THEMATIC.test(line)) {
      tokens.push({ kind: 'block', source: line, type: 'thematicBreak' });
      i += 1;
      continue;
    }
    const def = DEFINITION.exec(line);
    if (def) {
      let j = i + 1;
      // Footnote definitions continue on indented lines (also after blank lines); link definitions may wrap a title.
      while (j < lines.length) {
        const next = lines[j] ?? '';
        if (next.trim() === '') {
          let k = j;
          while (k < lines.length && isBlankLine(k)) k += 1;
          if (def[1] === '^' && /^( {4}|\t)/.test(lines[k] ?? '')) {
            j = k;
            continue;
          }
          break;
        }
        if (DEFINITION.exec(next) || ATX.test(next) || FENCE_OPEN.test(next)) break;
        j += 1;
      }
      tokens.push({ kind: 'definition', id: (def[1] ?? '') + normaliseLabel(def[2] ?? ''), source: lines.slice(i, j).join('\n') });
      i = j;
      continue;
    }
    // A run of lines up to a blank line (or an interrupting heading/fence); a paragraph may end in a setext underline.
    const type = blockType(line);
    let j = i + 1;
    let setext: number | null = null;
    while (j < lines.length) {
      const next = lines[j] ?? '';
      if (next.trim() === '') {
        // Indented text after a blank line still belongs to a list item.
        let k = j;
        while (k < lines.length && isBlankLine(k)) k += 1;
        if (type === 'list' && k < lines.length && (/^( {2,}|\t)\S/.test(lines[k] ?? '') || LIST_ITEM.test(lines[k] ?? ''))) {
          j = k;
          continue;
        }
        break;
      }
      if (type === 'paragraph' && SETEXT.test(next)) {
        setext = j;
        break;
      }
      if (ATX.test(next) || FENCE_OPEN.test(next)) break;
      if (type === 'paragraph' && THEMATIC.test(next)) break;
      j += 1;
    }
    if (setext !== null) {
      const depth = /^ {0,3}=/.test(lines[setext] ?? '') ? 1 : 2;
      const heading = headingFrom(depth, lines.slice(i, setext).join('\n'));
      if (heading) tokens.push({ kind: 'heading', heading });
      i = setext + 1;
      continue;
    }
    let end = j;
    while (end > i && isBlankLine(end - 1)) end -= 1;
    tokens.push({ kind: 'block', source: lines.slice(i, end).join('\n'), type });
    i = j;
  }
  return tokens;
}

function toBlock(source: string, type: RootContent['type'], definitionIds: ReadonlySet<string>): Block {
  const refs = new Set<string>();
  for (const m of source.matchAll(/\[(\^?)([^\][]+)\]/g)) {
    const id = (m[1] ?? '') + normaliseLabel(m[2] ?? '');
    if (definitionIds.has(id)) refs.add(id);
  }
  const nestedHeadings: NestedHeading[] = [];
  if (type === 'blockquote' || type === 'list') {
    let offset = 0;
    for (const line of source.split('\n')) {
      const m = QUOTED_HEADING.exec(line);
      if (m) nestedHeadings.push({ offset: offset + (m[1]?.length ?? 0), depth: m[2]?.length ?? 1 });
      offset += line.length + 1;
    }
  }
  const words = type === 'thematicBreak' || type === 'html' ? 0 : countWords(source);
  return { source, words, type, refs: [...refs], nestedHeadings };
}

export function buildTree(markdown: string): MarkdownTree {
  const tokens = scan(markdown);
  const definitions = new Map<string, string>();
  for (const t of tokens) if (t.kind === 'definition' && !definitions.has(t.id)) definitions.set(t.id, t.source);
  const ids = new Set(definitions.keys());
  const root: Section = { blocks: [], children: [] };
  const stack: Section[] = [root];
  for (const t of tokens) {
    if (t.kind === 'definition') continue;
    if (t.kind === 'heading') {
      const section: Section = { heading: t.heading, blocks: [], children: [] };
      while (stack.length > 1 && (stack[stack.length - 1]?.heading?.depth ?? 0) >= t.heading.depth) stack.pop();
      (stack[stack.length - 1] ?? root).children.push(section);
      stack.push(section);
      continue;
    }
    if (t.source.trim()) (stack[stack.length - 1] ?? root).blocks.push(toBlock(t.source, t.type, ids));
  }
  return { root, definitions };
}

export function sectionWords(section: Section): number {
  return section.blocks.reduce((n, b) => n + b.words, 0) + section.children.reduce((n, c) => n + sectionWords(c), 0);
}

export function sectionHasContent(section: Section): boolean {
  return section.blocks.some((b) => b.type !== 'thematicBreak') || section.children.some(sectionHasContent);
}
