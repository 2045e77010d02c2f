// Word counting over Markdown: counts the words a reader sees, not URLs or markup.

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Inline Markdown → the text a reader sees (links → their text, images → alt, no emphasis marks or tags). */
export function inlineMarkdownToText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/<[^>\n]+>/g, '')
    .replace(/(\*\*|\*|~~|`)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}])(__|_)(?=\S)([^]*?\S)\1(?![\p{L}\p{N}])/gu, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!$<>|~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Strips Markdown syntax that is not read as words (link targets, image URLs, markers, tags). */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`|]+/g, ' ');
}

export function countWords(markdown: string): number {
  return markdownToPlainText(markdown).match(WORD)?.length ?? 0;
}

/** Words of a single line of plain text (no Markdown stripping). */
export function countPlainWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
