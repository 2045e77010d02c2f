// Parses a lesson's Markdown (remark-parse + remark-gfm + remark-math) into a flat list of text blocks
// (headings, paragraphs, lists) with plain text, emphasis spans and the heading each block sits under.

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { toString } from 'mdast-util-to-string';
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { createHeadingSlugger } from './slug';

export interface Span {
  start: number;
  end: number;
}

/** Plain text of one paragraph, list item or heading, plus where it was bold/italic. */
export interface TextUnit {
  text: string;
  /** Ranges of strong/emphasis text (key terms) in `text`. */
  marks: Span[];
  /** Strong (bold) ranges only. */
  strong: Span[];
  /** Inline code ranges (commands, functions, identifiers). */
  code: Span[];
  hasCode: boolean;
  hasMath: boolean;
  /** The unit is nothing but links/images (navigation, "watch the video" lines). */
  linkOnly: boolean;
}

export interface ListItemNode {
  unit: TextUnit;
  /** Further paragraphs of the item after its first one. */
  more: TextUnit[];
  children: ListItemNode[];
}

interface BlockBase {
  index: number;
  /** Cleaned texts of enclosing headings, outermost first (the nearest is last). */
  headingPath: string[];
  /** Slug of the nearest heading ("" when the block precedes every heading). */
  anchor: string;
  /** Inside a block quote (quoted material, often notes or citations). */
  quoted: boolean;
}

export interface HeadingBlock extends BlockBase {
  kind: 'heading';
  depth: number;
  unit: TextUnit;
}

export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  unit: TextUnit;
}

export interface ListBlock extends BlockBase {
  kind: 'list';
  ordered: boolean;
  items: ListItemNode[];
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock;

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath);

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}

interface Builder {
  text: string;
  marks: Span[];
  strong: Span[];
  code: Span[];
  hasCode: boolean;
  hasMath: boolean;
  linkChars: number;
  otherChars: number;
}

function appendPhrasing(nodes: readonly PhrasingContent[], b: Builder, inLink: boolean): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        b.text += node.value;
        const visible = node.value.replace(/[\s\p{P}]/gu, '').length;
        if (inLink) b.linkChars += visible;
        else b.otherChars += visible;
        break;
      }
      case 'strong':
      case 'emphasis': {
        const start = b.text.length;
        appendPhrasing(node.children, b, inLink);
        const span = { start, end: b.text.length };
        if (span.end > span.start) {
          b.marks.push(span);
          if (node.type === 'strong') b.strong.push(span);
        }
        break;
      }
      case 'delete':
        appendPhrasing(node.children, b, inLink);
        break;
      case 'link':
      case 'linkReference':
        appendPhrasing(node.children, b, true);
        break;
      case 'inlineCode':
        b.code.push({ start: b.text.length, end: b.text.length + node.value.length });
        b.text += node.value;
        b.hasCode = true;
        b.otherChars += node.value.length;
        break;
      case 'inlineMath':
        b.text += `$${node.value}$`;
        b.hasMath = true;
        b.otherChars += node.value.length;
        break;
      case 'break':
        b.text += ' ';
        break;
      case 'image':
      case 'imageReference':
        // alt text is a caption, not content; counts as link-like for boilerplate detection
        b.linkChars += 1;
        break;
      default:
        // footnoteReference, html: no prose
        break;
    }
  }
}

/** Note-taking conventions that carry no prose: pandoc citations, wiki links, "(see ...)" pointers. */
export function cleanInlineText(raw: string): string {
  let t = raw;
  // admonition labels ("Note:", "Important:") are layout, not content
  t = t.replace(/^\s*(?:note|important|tip|warning|caution|info|hint)\s*:\s*/i, '');
  t = t.replace(/\s*\(see(?: also)? \[\[[^\]]*\]\][^)]*\)/gi, '');
  t = t.replace(/\s*\[(?:see )?@[^\]]*\]/g, '');
  t = t.replace(/\[\[(?:\d{6,}\s+)?([^\]]+?)\]\]/g, '$1');
  // footnote markers glued to a word ("reality2 ", "distribution3.")
  t = t.replace(/\b([a-z]{3,})([1-9]\d?)(?=[\s.,;:)!?]|$)/g, '$1');
  t = t.replace(/``([^`]+)``/g, '"$1"');
  t = t.replace(/[ \t\r\n\u00a0]+/g, ' ');
  t = t.replace(/\s+([,.;:!?])/g, '$1');
  return t.trim();
}

/**
 * Build a TextUnit from phrasing content, cleaning the text while keeping emphasis spans aligned:
 * each mark is re-located in the cleaned text by its own cleaned content.
 */
function unitFrom(nodes: readonly PhrasingContent[]): TextUnit {
  const b: Builder = { text: '', marks: [], strong: [], code: [], hasCode: false, hasMath: false, linkChars: 0, otherChars: 0 };
  appendPhrasing(nodes, b, false);
  const raw = b.text;
  const text = cleanInlineText(raw);
  const relocate = (spans: Span[]): Span[] => {
    const out: Span[] = [];
    let from = 0;
    for (const s of spans) {
      const piece = cleanInlineText(raw.slice(s.start, s.end));
      if (!piece) continue;
      const at = text.indexOf(piece, from);
      if (at < 0) continue;
      out.push({ start: at, end: at + piece.length });
      from = at;
    }
    return out;
  };
  return {
    text,
    marks: relocate(b.marks),
    strong: relocate(b.strong),
    code: relocate(b.code),
    hasCode: b.hasCode,
    hasMath: b.hasMath,
    linkOnly: b.linkChars > 0 && b.otherChars === 0,
  };
}

/** Heading text without note ids, file extensions or section numbers ("1.2. Data" -> "Data"). */
export function cleanHeading(text: string): string {
  return text
    .replace(/^\s*\d{6,}\s+/, '')
    .replace(/\.(txt|md|markdown|html?)\s*$/i, '')
    .replace(/^\s*(?:\d+\.)+\d*\s+/, '')
    .replace(/^\s*\d+\)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function listItemNode(item: ListItem): ListItemNode {
  const paragraphs = item.children.filter((c): c is Paragraph => c.type === 'paragraph');
  const first = paragraphs[0];
  const children: ListItemNode[] = [];
  for (const c of item.children) {
    if (c.type === 'list') for (const li of c.children) children.push(listItemNode(li));
  }
  return {
    unit: first ? unitFrom(first.children) : unitFrom([]),
    more: paragraphs.slice(1).map((p) => unitFrom(p.children)),
    children,
  };
}

/** Flatten the lesson into blocks in reading order. */
export function lessonBlocks(markdown: string): Block[] {
  const tree = parseMarkdown(markdown);
  const blocks: Block[] = [];
  const stack: Array<{ depth: number; text: string; slug: string }> = [];
  const headingSlug = createHeadingSlugger();

  const context = (quoted: boolean) => {
    const nearest = stack[stack.length - 1];
    return {
      index: blocks.length,
      headingPath: stack.map((h) => h.text),
      anchor: nearest ? nearest.slug : '',
      quoted,
    };
  };

  const walk = (nodes: readonly (RootContent | Nodes)[], quoted: boolean): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading': {
          const h = node as Heading;
          const raw = toString(h, { includeImageAlt: false });
          const slug = headingSlug(raw);
          while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= h.depth) stack.pop();
          const unit = unitFrom(h.children);
          stack.push({ depth: h.depth, text: cleanHeading(unit.text), slug });
          blocks.push({ kind: 'heading', depth: h.depth, unit, ...context(quoted) });
          break;
        }
        case 'paragraph':
          blocks.push({ kind: 'paragraph', unit: unitFrom((node as Paragraph).children), ...context(quoted) });
          break;
        case 'list': {
          const l = node as List;
          blocks.push({ kind: 'list', ordered: l.ordered === true, items: l.children.map(listItemNode), ...context(quoted) });
          break;
        }
        case 'blockquote':
          walk(node.children, true);
          break;
        default:
          // code, html, tables, math blocks, thematic breaks, definitions: no prose to learn from
          break;
      }
    }
  };
  walk(tree.children, false);
  return blocks;
}
