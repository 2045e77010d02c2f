// cleanDocument: any supported document (Markdown, plain text, text copied from a web page, HTML)
// → clean Markdown. Repairs encoding, removes page chrome and footnote back-links, infers structure.

import { parse as parseYaml } from 'yaml';
import { stripCitationMarkers } from './citations';
import { htmlToMarkdown } from './html';
import { unlinkRelativeTargets } from './links';
import { extractMainContent, stripSiteName, TITLE_SEPARATOR } from './main-content';
import { repairMojibake } from './mojibake';
import { PAGE_BREAK, removePageFurniture, removeReferenceEntries } from './page-furniture';
import { plainTextToMarkdown } from './plain-text';
import { removeTemplateSyntax } from './templates';
import { inlineMarkdownToText } from './words';
import {
  ATX_HEADING,
  BULLET,
  FENCE,
  fencedLineIndices,
  isBlank,
  isCopyrightLine,
  isHeadingShaped,
  isProse,
  isSentenceLike,
  linkDensity,
  wordCount,
} from './text-lines';

export type DocumentFormat = 'markdown' | 'text' | 'html';

export const SUPPORTED_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm'] as const;
/** Documents converted to Markdown before the pipeline sees them (uploads; never read from a folder). */
export const CONVERTED_EXTENSIONS = ['.pdf', '.docx'] as const;

function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}

/** How a document is written; `.txt` files are inspected, since they often hold Markdown or HTML. */
export function detectFormat(text: string, fileName: string): DocumentFormat {
  const ext = extensionOf(fileName);
  if (ext === '.html' || ext === '.htm') return 'html';
  // PDF and Word uploads reach the pipeline as the Markdown lib/courses/parse made of them.
  if ((CONVERTED_EXTENSIONS as readonly string[]).includes(ext)) return 'markdown';
  const head = text.trimStart().slice(0, 500).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /^<(head|body)[\s>]/.test(head)) return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  const lines = text.split('\n');
  let atx = 0;
  let headings = 0;
  let fences = 0;
  let inline = 0;
  lines.forEach((line, i) => {
    if (/^ {0,3}#{1,6}\s+\S/.test(line)) atx += 1;
    else if (FENCE.test(line)) fences += 1;
    else if (/^\s*(=+|-+)\s*$/.test(line) && line.trim().length >= 3 && !isBlank(lines[i - 1] ?? '')) headings += 1;
    // Dashed lists are common in plain text too, so only inline Markdown and quotes count as evidence.
    if (/^\s*>\s?\S/.test(line)) inline += 1;
    inline += (line.match(/!?\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|`[^`\n]+`/g) ?? []).length;
  });
  return atx > 0 || fences > 1 || inline >= 2 || (headings >= 2 && inline >= 1) ? 'markdown' : 'text';
}

/** Line endings, byte-order mark, no-break and zero-width spaces, soft hyphens, ligatures, page breaks. */
function normaliseCharacters(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    // A form feed (page break in PDF exports) becomes a line of its own, removed with the page furniture.
    .replace(/[ \t]*\f[ \t]*/g, `\n${PAGE_BREAK}\n`)
    // Typographic ligatures (ﬁ, ﬂ, ﬀ …) from PDFs split words for search and word counts.
    .replace(/[\ufb00-\ufb06]/g, (c) => c.normalize('NFKC'))
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
}

/** Footnote back-links ("↩", "[↩](#fnref-1)", "<a href="#fnref1">↩</a>") point at a page that is gone. */
export function removeFootnoteBacklinks(text: string): string {
  return text
    .replace(/[ \t]*\[(?:↩|&#8617;|\^|⤴|↑)\uFE0E?\uFE0F?\]\(#[^)\s]*\)/gu, '')
    .replace(/[ \t]*<a\b[^>]*href="#(?:user-content-)?fnref[^"]*"[^>]*>[^<]*<\/a>/giu, '')
    .replace(/[ \t]*↩\uFE0E?\uFE0F?/gu, '');
}

/** Applies `fn` to every run of lines outside fenced code blocks. */
function outsideFences(lines: readonly string[], fn: (chunk: string[]) => string[]): string[] {
  const out: string[] = [];
  let chunk: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const m = FENCE.exec(line);
    if (fence === null && m) {
      out.push(...fn(chunk));
      chunk = [];
      fence = (m[1] ?? '```').charAt(0);
      out.push(line);
    } else if (fence !== null) {
      out.push(line);
      if (m && (m[1] ?? '').charAt(0) === fence) fence = null;
    } else chunk.push(line);
  }
  out.push(...fn(chunk));
  return out;
}

function collapseBlankRuns(lines: readonly string[]): string[] {
  return outsideFences(lines, (chunk) => chunk.filter((l, i) => !(isBlank(l) && isBlank(chunk[i - 1] ?? 'x'))));
}

function isMenuLikeMarkdownLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  if (isCopyrightLine(t)) return true;
  if (linkDensity(t) > 0.6 && (t.match(/\]\(/g) ?? []).length >= 2) return true;
  // A lone short link (often a list item) at the edge of a page is a menu entry.
  if (linkDensity(t.replace(BULLET, '')) > 0.9 && wordCount(t) <= 4) return true;
  const structural = ATX_HEADING.test(t) || BULLET.test(line) || /^\s*[>|]/.test(t) || FENCE.test(t);
  return !structural && wordCount(t) <= 4 && !isSentenceLike(t);
}

/** Markdown that was not saved from a browser still gets its edges checked for stray menu lines. */
function trimMarkdownEdges(lines: string[]): string[] {
  // Content starts at the first heading, sentence or substantial list item; only menu lines may precede it.
  const contentStart = lines.findIndex(
    (l) => ATX_HEADING.test(l) || isProse(l) || FENCE.test(l) || (!isBlank(l) && !isMenuLikeMarkdownLine(l) && wordCount(l) >= 4),
  );
  let start = 0;
  const before = lines.slice(0, Math.max(0, contentStart));
  // One short line on top is a title; menus come as several lines or as links.
  const menuSigns = before.filter((l) => !isBlank(l)).length >= 2 || before.some((l) => linkDensity(l) > 0.5 || isCopyrightLine(l));
  if (contentStart > 0 && menuSigns && before.every((l) => isBlank(l) || isMenuLikeMarkdownLine(l))) {
    start = contentStart;
  }
  let end = lines.length;
  while (end > start && (isBlank(lines[end - 1] ?? '') || isMenuLikeMarkdownLine(lines[end - 1] ?? ''))) {
    const line = (lines[end - 1] ?? '').trim();
    // Only copyright / link rows go without question; a short closing line stays if prose sits right above it.
    if (line && !isCopyrightLine(line) && linkDensity(line) <= 0.6) {
      const above = lines.slice(start, end - 1).reverse().find((l) => !isBlank(l)) ?? '';
      if ((isProse(inlineMarkdownToText(above)) && linkDensity(above) <= 0.6) || !isHeadingShaped(line)) break;
    }
    end -= 1;
  }
  return lines.slice(start, end);
}

const QUESTION_HEADING = /^(#{1,6})\s+(?:question|q)(?:\s*\d+)?\s*(?:[:.)]\s*(.*))?$/i;
const ANSWER_HEADING = /^(#{1,6})\s+(?:answer|a)(?:\s*\d+)?\s*[:.)]?\s*$/i;

function firstSentence(text: string): string {
  const m = /^(.{10,150}?[?.!])(\s|$)/u.exec(text);
  return (m?.[1] ?? text.slice(0, 150)).trim();
}

/**
 * A "Question" heading, its question, then an "Answer" heading becomes one heading that is the
 * question itself, so the lesson is titled by the question rather than by "Question"/"Answer".
 */
export function mergeQuestionAnswer(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i += 1) {
    const q = QUESTION_HEADING.exec(out[i] ?? '');
    if (!q) continue;
    const depth = q[1] ?? '#';
    const inlineQuestion = (q[2] ?? '').trim();
    let j = i + 1;
    while (j < out.length && !ATX_HEADING.test(out[j] ?? '')) j += 1;
    const body = out.slice(i + 1, j);
    const bodyText = body.filter((l) => !isBlank(l)).map((l) => l.trim()).join(' ');
    const answer = ANSWER_HEADING.exec(out[j] ?? '');
    const question = inlineQuestion || bodyText;
    if (!question) continue;
    const singleParagraph = body.filter((l) => !isBlank(l)).every((l) => !BULLET.test(l) && !/^\s*[>|]/.test(l));
    const fits = singleParagraph && question.length <= 200 && !/\n/.test(question);
    const heading = `${depth} ${fits ? question : firstSentence(question)}`;
    const keptBody = inlineQuestion || !fits ? body : [];
    if (answer) {
      out.splice(i, j - i + 1, heading, '', ...keptBody);
    } else if (inlineQuestion) {
      out.splice(i, 1, heading);
    }
  }
  return out;
}

const BOLD_LINE = /^ {0,3}(\*\*|__)(?!\s)([^*_\n]{2,150}?)(?<!\s)\1\s*$/;

/**
 * A paragraph that is only bold text and introduces a paragraph is a heading written as bold (FAQ
 * questions, documents exported from word processors) when the document does so at least twice. It
 * becomes a heading one level below the heading above it.
 */
export function boldLinesToHeadings(lines: readonly string[]): string[] {
  const inFence = fencedLineIndices(lines);
  const nextText = (i: number): string => lines.slice(i + 1).find((l) => !isBlank(l)) ?? '';
  const candidates = new Set<number>();
  lines.forEach((line, i) => {
    const m = BOLD_LINE.exec(line);
    if (!m || inFence.has(i) || !isBlank(lines[i - 1] ?? '') || !isBlank(lines[i + 1] ?? '')) return;
    const text = (m[2] ?? '').trim();
    const next = nextText(i);
    if (!isHeadingShaped(text, /\?$/.test(text) ? 25 : 12) || !next || BOLD_LINE.test(next) || ATX_HEADING.test(next)) return;
    candidates.add(i);
  });
  if (candidates.size < 2) return [...lines];
  let depth = 1;
  return lines.map((line, i) => {
    const atx = inFence.has(i) ? null : ATX_HEADING.exec(line);
    if (atx) depth = atx[1]?.length ?? 1;
    if (!candidates.has(i)) return line;
    return `${'#'.repeat(Math.min(6, depth + 1))} ${(BOLD_LINE.exec(line)?.[2] ?? '').trim()}`;
  });
}

/** A line made only of linked images (build/licence badges) decorates a page; it teaches nothing. */
function isBadgeLine(line: string): boolean {
  const t = line.trim();
  return /^(?:\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)\s*)+$/.test(t);
}

/**
 * Raw HTML never renders (the renderer drops it), so lines made only of tags go; an <img> with alt text
 * becomes a Markdown image and comments disappear.
 */
function tidyHtmlLines(lines: readonly string[]): string[] {
  const text = lines.join('\n').replace(/<!--[\s\S]*?-->/g, '');
  return text.split('\n').flatMap((line) => {
    if (!/^\s*</.test(line) || line.replace(/<[^>]*>/g, '').trim() !== '') return [line];
    const images = [...line.matchAll(/<img\b[^>]*>/gi)].flatMap((m) => {
      const src = /\ssrc=["']([^"']+)["']/i.exec(m[0])?.[1];
      const alt = /\salt=["']([^"']*)["']/i.exec(m[0])?.[1]?.trim();
      return src && alt ? [`![${alt}](${src})`] : [];
    });
    return images.length ? [images.join(' ')] : [''];
  });
}

/** Lists made only of links to this page's own anchors are an in-page table of contents. */
function dropAnchorLinkLists(lines: readonly string[]): string[] {
  const isAnchorItem = (l: string): boolean => /^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]+\]\(#[^)]*\)\s*$/.test(l);
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!isAnchorItem(lines[i] ?? '')) {
      out.push(lines[i] ?? '');
      i += 1;
      continue;
    }
    let j = i;
    while (j < lines.length && isAnchorItem(lines[j] ?? '')) j += 1;
    if (j - i < 3) out.push(...lines.slice(i, j));
    i = j;
  }
  return out;
}

/** `<br>` never renders (raw HTML is dropped): at a line end it is a hard break, inside a line a space. */
function lineBreakTags(lines: readonly string[]): string[] {
  return lines.map((line) =>
    line.includes('<br')
      ? line
          .split(/(`+[^`]*`+)/)
          .map((part, i, parts) => (i % 2 === 1 ? part : part.replace(/<br\s*\/?>\s*$/i, i === parts.length - 1 ? '\\' : ' ').replace(/\s*<br\s*\/?>\s*/gi, ' ')))
          .join('')
      : line,
  );
}

function finish(lines: readonly string[]): string {
  const text = collapseBlankRuns(lines.map((l) => l.replace(/[ \t]+$/, '')))
    .join('\n')
    .trim();
  return text ? `${text}\n` : '';
}

/** YAML (or TOML) front matter at the top of a Markdown file: removed, its `title` kept as the document title. */
function splitFrontMatter(text: string): { body: string; title?: string } {
  // TOML front matter (Hugo) between +++ lines: only `title = "…"` is read.
  const toml = /^\+\+\+[ \t]*\n([\s\S]*?)\n\+\+\+[ \t]*(?:\n|$)/.exec(text);
  if (toml && (toml[1] ?? '').split('\n').every((l) => !l.trim() || /^\s*(?:[\w.-]+\s*=|\[|#)/.test(l) || /^\s+\S/.test(l))) {
    const title = /^\s*title\s*=\s*(["'])(.+?)\1\s*$/m.exec(toml[1] ?? '')?.[2]?.trim();
    const body = text.slice(toml[0].length);
    return title ? { body, title } : { body };
  }
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { body: text };
  const inner = m[1] ?? '';
  // Keys, indented continuations, list items, and the brackets of flow collections that span lines
  // (`aliases: [` … `]`); a block whose first line is not a key is a thematic break, not metadata.
  const lines = inner.split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
  const looksLikeYaml =
    lines.length > 0 &&
    /^[\w-]+\s*:/.test(lines[0] ?? '') &&
    lines.every((l) => /^[\w-]+\s*:/.test(l) || /^\s+\S/.test(l) || /^\s*-\s/.test(l) || /^[\]}],?\s*$/.test(l));
  let data: unknown;
  try {
    data = parseYaml(inner);
  } catch {
    data = undefined;
  }
  const isMapping = data !== null && typeof data === 'object' && !Array.isArray(data);
  // A block that parses to a mapping is metadata; one that does not is dropped all the same when it is
  // made of key lines (a typo in front matter is still not lesson text).
  if (!/^[\w-]+\s*:/.test(lines[0] ?? '') || (!looksLikeYaml && !isMapping)) return { body: text };
  let title: string | undefined;
  const fields = isMapping ? (data as Record<string, unknown>) : {};
  if (typeof fields.title === 'string' && fields.title.trim()) title = fields.title.trim();
  const body = text.slice(m[0].length);
  return title ? { body, title } : { body };
}

function sameText(a: string, b: string): boolean {
  const norm = (t: string): string => t.replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/** Cleans one document into Markdown; returns '' when nothing worth reading is left. */
export function cleanDocument(text: string, fileName: string): string {
  const format = detectFormat(text, fileName);
  // Mojibake first: a no-break space inside a broken sequence must not be normalised away before repair.
  let source = normaliseCharacters(repairMojibake(text));
  let pageTitle: string | undefined;
  let titleSegments: string[] = [];
  if (format === 'html') {
    const converted = htmlToMarkdown(source);
    source = converted.markdown;
    if (converted.title) {
      const raw = repairMojibake(converted.title);
      pageTitle = stripSiteName(raw);
      titleSegments = [raw, ...raw.split(TITLE_SEPARATOR)];
    }
  }
  source = removeFootnoteBacklinks(normaliseCharacters(repairMojibake(source)));
  if (format === 'markdown') {
    const front = splitFrontMatter(source);
    source = removeTemplateSyntax(front.body);
    pageTitle = front.title ?? pageTitle;
  }
  const lines = removePageFurniture(source.split('\n').map((l) => l.replace(/[ \t]+$/, '')));
  // Reference entries are scored by the main-content search (they end a page), then removed.

  if (format === 'text') {
    const main = extractMainContent(lines);
    let body = removeReferenceEntries(main.lines);
    const firstLine = body.findIndex((l) => !isBlank(l));
    // When the article repeats the page title as its first line, that line is the title.
    const sameAsTitle = main.pageTitle && firstLine >= 0 && sameText(body[firstLine] ?? '', main.pageTitle);
    if (sameAsTitle) body = body.slice(firstLine + 1);
    const title = sameAsTitle ? (main.lines[firstLine] ?? '').trim() : main.pageTitle;
    const markdown = plainTextToMarkdown(body, title ? { title } : {});
    return finish(mergeQuestionAnswer(markdown.split('\n')));
  }

  const main = extractMainContent(lines);
  let body = trimMarkdownEdges(dropAnchorLinkLists(outsideFences(removeReferenceEntries(main.lines), tidyHtmlLines).filter((l) => !isBadgeLine(l))));
  body = mergeQuestionAnswer(boldLinesToHeadings(stripCitationMarkers(body, { markdown: true })));
  const title = main.pageTitle ?? pageTitle;
  const first = body.findIndex((l) => !isBlank(l));
  if (title && first >= 0 && sameText(body[first] ?? '', title) && !/^#/.test(body[first] ?? '')) {
    body = [`# ${(body[first] ?? '').trim()}`, ...body.slice(first + 1)];
  }
  // A `# comment` in a shell or Python code block is not the document's title.
  const inFence = fencedLineIndices(body);
  let hasTopHeading = body.some((l, i) => !inFence.has(i) && /^#\s+\S/.test(l));
  // A page whose first heading is the <title>'s topic ("Topic | Site") has found its title.
  const firstHeading = outsideFences(body, (chunk) => chunk.map((l) => (ATX_HEADING.test(l) ? l : ''))).findIndex((l) => ATX_HEADING.test(l));
  const headingText = (ATX_HEADING.exec(body[firstHeading] ?? '')?.[2] ?? '').trim();
  if (!hasTopHeading && headingText && titleSegments.some((t) => sameText(t, headingText))) {
    body = body.map((l, i) => (i === firstHeading ? `# ${headingText}` : l));
    hasTopHeading = true;
  }
  if (title && !hasTopHeading && body.some((l) => !isBlank(l))) body = [`# ${title}`, '', ...body];
  return finish(unlinkRelativeTargets(outsideFences(body, lineBreakTags)));
}
