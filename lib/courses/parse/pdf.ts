// PDF → Markdown from the text layer (pdfjs-dist, legacy build for Node): lines from positioned text,
// headings from font size (and bold) relative to the body text, paragraphs from line gaps, hyphenated
// line ends joined. Pages are separated by form feeds so lib/content removes running headers,
// footers and page numbers (page-furniture.ts) and re-joins paragraphs a page break cut.

import { buildVocabulary, joinHyphenated, type Vocabulary } from '@/lib/content';
import type { ParseLimits } from './types';

export type PdfOutcome =
  | { ok: true; markdown: string; pages: number; warnings: string[] }
  | { ok: false; kind: 'encrypted' | 'no_text' | 'corrupt' | 'too_many_pages' | 'timeout'; reason: string; pages?: number };

interface TextLine {
  text: string;
  size: number;
  bold: boolean;
  /** Set in a monospaced font: code. */
  mono: boolean;
  y: number;
  x: number;
}

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
  hasEOL: boolean;
}

const UNMAPPED = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]|\p{Co}/gu;
const BOLD_FONT = /bold|black|heavy|semibold|demi/i;
const MONO_FONT = /mono|courier|consol|menlo|code|typewriter|fixed/i;

export interface FontFlags {
  bold: ReadonlySet<string>;
  mono: ReadonlySet<string>;
}

function round(n: number): number {
  return Math.round(n * 2) / 2;
}

/** Groups positioned text items into lines (same baseline, left to right). */
export function itemsToLines(items: readonly RawItem[], fonts: FontFlags): TextLine[] {
  const lines: TextLine[] = [];
  let current: { parts: string[]; sizes: Map<number, number>; boldChars: number; monoChars: number; chars: number; y: number; x: number; endX: number } | null = null;
  const flush = (): void => {
    if (!current) return;
    const text = current.parts.join('').replace(/\s+/g, ' ').trim();
    if (text) {
      const size = [...current.sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
      const share = (n: number): boolean => current !== null && current.chars > 0 && n / current.chars > 0.8;
      // Code keeps its inner spacing; prose has it collapsed.
      const mono = share(current.monoChars);
      lines.push({ text: mono ? current.parts.join('').trimEnd() : text, size, bold: share(current.boldChars), mono, y: current.y, x: current.x });
    }
    current = null;
  };
  for (const raw of items) {
    // Glyphs without a Unicode mapping come out as NUL, U+FFFD or private-use code points.
    const item = { ...raw, str: raw.str.replace(UNMAPPED, '') };
    const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform;
    const size = round(Math.hypot(a, b) || Math.abs(d));
    if (item.str) {
      if (current && (Math.abs(current.y - y) > Math.max(2, size * 0.5) || x < current.endX - size * 2)) flush();
      if (!current) current = { parts: [], sizes: new Map(), boldChars: 0, monoChars: 0, chars: 0, y, x, endX: x };
      else if (x - current.endX > size * 0.2 && !/\s$/.test(current.parts.at(-1) ?? '') && !/^\s/.test(item.str)) current.parts.push(' ');
      current.parts.push(item.str);
      const chars = item.str.replace(/\s/g, '').length;
      current.chars += chars;
      if (fonts.bold.has(item.fontName)) current.boldChars += chars;
      if (fonts.mono.has(item.fontName)) current.monoChars += chars;
      current.sizes.set(size, (current.sizes.get(size) ?? 0) + chars);
      current.endX = x + item.width;
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** The body font size: the size carrying most characters. */
function bodySize(pages: readonly TextLine[][]): number {
  const weight = new Map<number, number>();
  for (const line of pages.flat()) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function escapeLine(text: string): string {
  // Text that Markdown would read as syntax at a line start, and raw HTML (which the renderer drops).
  return text
    .replace(/</g, '\\<')
    .replace(/^(#{1,6}\s|>|[-+*]\s|=+$)/, '\\$1')
    .replace(/^[•▪◦●‣∙·]\s*/u, '- ');
}

/** Short, not ending mid-sentence, and made of words (a chart's large axis numbers are not headings). */
function isHeadingText(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words <= 20 && text.length <= 160 && !/[,;]$/.test(text) && /\p{L}{2}/u.test(text);
}

/**
 * Joins the lines of one paragraph, mending words hyphenated at a line end ("connec-" + "tionist"),
 * but keeping compounds the document writes with a hyphen ("single-layer"), as lib/content does for text.
 */
function joinParagraph(lines: readonly string[], vocabulary: Vocabulary): string {
  let out = '';
  for (const line of lines) {
    if (!out) out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) out = joinHyphenated(out, line, vocabulary);
    else out += ` ${line}`;
  }
  return out;
}

const PAGE_NUMBER = /^(?:page\s+)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const EDGE_LINES = 2;

/**
 * Running headers and footers: a line among the first or last two of a page, not larger than the body
 * text, that recurs (digits aside) at the edge of at least two pages and 40% of them; and page numbers
 * at a page's edge. lib/content's page-furniture pass catches what is left (it sees the form feeds).
 */
export function removeRunningLines(pages: readonly TextLine[][], body: number): TextLine[][] {
  const key = (l: TextLine): string => l.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
  const edges = (lines: readonly TextLine[]): TextLine[] => {
    const sorted = [...lines].sort((a, b) => b.y - a.y);
    return [...sorted.slice(0, EDGE_LINES), ...sorted.slice(-EDGE_LINES)].filter((l) => l.size <= body + 0.5);
  };
  const counts = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edges(lines).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const repeated = (l: TextLine): boolean => {
    const n = counts.get(key(l)) ?? 0;
    return n >= 2 && n >= pages.length * 0.4;
  };
  return pages.map((lines) => {
    const edge = new Set(edges(lines));
    return lines.filter((l) => !(edge.has(l) && (repeated(l) || PAGE_NUMBER.test(l.text))));
  });
}

/** Turns the lines of every page into Markdown, pages separated by a form feed. */
export function linesToMarkdown(allPages: readonly TextLine[][]): string {
  const body = bodySize(allPages);
  const pages = removeRunningLines(allPages, body);
  const vocabulary = buildVocabulary(pages.flat().map((l) => l.text));
  const headingSizes = [...new Set(pages.flat().filter((l) => l.size >= body * 1.15 && isHeadingText(l.text)).map((l) => l.size))].sort((a, b) => b - a);
  const levelOf = (line: TextLine): number => {
    const i = headingSizes.indexOf(line.size);
    if (i >= 0 && isHeadingText(line.text)) return Math.min(i + 1, 4);
    // Bold body-size lines that are short and do not end a sentence are headings below the sized ones.
    if (line.bold && Math.abs(line.size - body) < 1 && line.text.split(/\s+/).length <= 12 && !/[.,;:]$/.test(line.text) && /\p{L}{2}/u.test(line.text)) {
      return Math.min(headingSizes.length + 1, 6);
    }
    return 0;
  };
  const out: string[] = [];
  pages.forEach((lines, p) => {
    if (p > 0) out.push('\f');
    const gaps: number[] = [];
    for (let i = 1; i < lines.length; i += 1) {
      const prev = lines[i - 1];
      const line = lines[i];
      if (prev && line && Math.abs(prev.size - body) < 1 && Math.abs(line.size - body) < 1 && prev.y > line.y) gaps.push(prev.y - line.y);
    }
    const lineGap = median(gaps) || body * 1.25;
    let paragraph: string[] = [];
    let code: TextLine[] = [];
    const flushCode = (): void => {
      if (!code.length) return;
      const left = Math.min(...code.map((l) => l.x));
      const body: string[] = [];
      code.forEach((l, k) => {
        const above = code[k - 1];
        if (above && above.y - l.y > lineGap * 1.6) body.push('');
        body.push(`${' '.repeat(Math.max(0, Math.round((l.x - left) / (l.size * 0.6))))}${l.text}`);
      });
      const fence = body.some((l) => l.includes('```')) ? '~~~' : '```';
      out.push(fence, ...body, fence, '');
      code = [];
    };
    const flush = (): void => {
      if (paragraph.length) out.push(joinParagraph(paragraph, vocabulary), '');
      paragraph = [];
      flushCode();
    };
    lines.forEach((line, i) => {
      if (line.mono) {
        if (paragraph.length) {
          out.push(joinParagraph(paragraph, vocabulary), '');
          paragraph = [];
        }
        code.push(line);
        return;
      }
      flushCode();
      const level = levelOf(line);
      const prev = lines[i - 1];
      if (level > 0) {
        // A heading set over two lines (same size, close together) is one heading.
        const last = out.at(-2) ?? '';
        if (prev && paragraph.length === 0 && levelOf(prev) === level && prev.y - line.y < line.size * 1.6 && last.startsWith('#')) {
          out[out.length - 2] = `${last} ${line.text}`;
          return;
        }
        flush();
        out.push(`${'#'.repeat(level)} ${line.text.replace(/</g, '\\<')}`, '');
        return;
      }
      const gap = prev ? prev.y - line.y : 0;
      const newParagraph = !prev || gap > lineGap * 1.4 || gap < 0 || Math.abs(prev.size - line.size) >= 1 || /^[•▪◦●‣∙·]/u.test(line.text);
      if (newParagraph) flush();
      paragraph.push(escapeLine(line.text));
    });
    flush();
  });
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

interface PdfJsError {
  name?: string;
  message?: string;
}

/** Reads the text layer of a PDF. Never throws for a bad PDF; every failure has a kind and a reason. */
export async function pdfToMarkdown(bytes: Uint8Array, limits: ParseLimits, now: () => number = Date.now): Promise<PdfOutcome> {
  const started = now();
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    // Only the text layer is read, so glyph data of the 14 standard fonts is never needed; errors only.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const e = error as PdfJsError;
    if (e.name === 'PasswordException') return { ok: false, kind: 'encrypted', reason: 'it is protected by a password' };
    return { ok: false, kind: 'corrupt', reason: e.message ?? 'unreadable' };
  }
  try {
    const pageCount = doc.numPages;
    if (pageCount > limits.maxPdfPages) return { ok: false, kind: 'too_many_pages', reason: `${pageCount} pages`, pages: pageCount };
    const pages: TextLine[][] = [];
    let emptyPages = 0;
    let chars = 0;
    for (let n = 1; n <= pageCount; n += 1) {
      if (now() - started > limits.timeoutMs) return { ok: false, kind: 'timeout', reason: `stopped at page ${n} of ${pageCount}`, pages: pageCount };
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is (typeof content.items)[number] & RawItem => 'str' in i);
      // Bold and monospace are read from the fonts, which are known once the page's operators are loaded.
      const fonts = { bold: new Set<string>(), mono: new Set<string>() };
      const fontNames = new Set(items.map((i) => i.fontName));
      if (fontNames.size > 1) {
        await page.getOperatorList();
        for (const name of fontNames) {
          if (!page.commonObjs.has(name)) continue;
          const font = page.commonObjs.get(name) as { name?: string; bold?: boolean; isMonospace?: boolean } | undefined;
          if (font?.bold || BOLD_FONT.test(font?.name ?? '')) fonts.bold.add(name);
          if (font?.isMonospace || MONO_FONT.test(font?.name ?? '')) fonts.mono.add(name);
        }
      }
      const lines = itemsToLines(items, fonts);
      const pageChars = lines.reduce((s, l) => s + l.text.replace(/\s/g, '').length, 0);
      if (pageChars === 0) emptyPages += 1;
      chars += pageChars;
      pages.push(lines);
      page.cleanup();
    }
    if (chars < 20 * Math.min(pageCount, 3) && chars < 200) {
      return { ok: false, kind: 'no_text', reason: 'no text layer', pages: pageCount };
    }
    const warnings =
      emptyPages > 0 ? [`${emptyPages} of ${pageCount} pages have no text layer (scanned images?) and were skipped.`] : [];
    // pdfjs reconstructs what it can of a cut-off file; say so rather than silently lose its end.
    if (!new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF')) {
      warnings.push('The file seems incomplete (it has no end marker): check that the upload finished and that the last pages are there.');
    }
    return { ok: true, markdown: linesToMarkdown(pages), pages: pageCount, warnings };
  } catch (error) {
    return { ok: false, kind: 'corrupt', reason: (error as PdfJsError).message ?? 'unreadable' };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
