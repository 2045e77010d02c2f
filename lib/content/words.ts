// Word counting over Markdown: counts the words a reader sees, not URLs or markup.

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

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
