// Words of teaching prose in a lesson: paragraphs and list items a reader learns from. Headings, code
// blocks, tables, math blocks, HTML and link-only lines (navigation) do not count.

import { lessonBlocks, type Block, type ListItemNode, type TextUnit } from './markdown';
import { countWords } from './text';

function units(block: Block): TextUnit[] {
  if (block.kind === 'paragraph') return [block.unit];
  if (block.kind !== 'list') return [];
  const out: TextUnit[] = [];
  const walk = (items: readonly ListItemNode[]) => {
    for (const it of items) {
      out.push(it.unit, ...it.more);
      walk(it.children);
    }
  };
  walk(block.items);
  return out;
}

export function teachingProseWordsOfBlocks(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) for (const u of units(b)) if (!u.linkOnly) n += countWords(u.text);
  return n;
}

export function teachingProseWords(markdown: string): number {
  return teachingProseWordsOfBlocks(lessonBlocks(markdown));
}
