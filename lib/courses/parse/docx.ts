// DOCX → Markdown: the archive is checked and unpacked under caps (zip.ts), re-packed with only the
// verified bytes, converted by mammoth (Word heading styles → h1…h6) and turned into Markdown by lib/content.

import { zipSync, type Zippable } from 'fflate';
import { htmlToMarkdown } from '@/lib/content';
import type { ParseLimits } from './types';
import { checkDeclaredSizes, extractEntry, readCentralDirectory, ZipError, type ZipEntry } from './zip';

export type DocxOutcome =
  | { ok: true; markdown: string; warnings: string[] }
  | { ok: false; kind: 'not_docx' | 'bomb' | 'encrypted' | 'corrupt'; reason: string };

/** What a ZIP that is not a Word document is, from its parts. */
function describeOtherZip(names: ReadonlySet<string>): string {
  const has = (prefix: string): boolean => [...names].some((n) => n.startsWith(prefix));
  if (has('xl/')) return 'an Excel workbook (.xlsx)';
  if (has('ppt/')) return 'a PowerPoint presentation (.pptx)';
  if (names.has('mimetype') && has('META-INF/')) return 'an OpenDocument or EPUB file';
  return 'a ZIP archive';
}

/** Checks the archive and returns its entries' bytes, or the reason it is refused. */
export function unpackDocx(bytes: Uint8Array, limits: ParseLimits): { entries: Record<string, Uint8Array> } | DocxOutcome {
  let list: ZipEntry[];
  try {
    list = readCentralDirectory(bytes, limits.maxZipEntries);
    checkDeclaredSizes(list, { maxEntries: limits.maxZipEntries, maxTotalBytes: limits.maxUnzippedBytes, maxRatio: limits.maxCompressionRatio });
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, kind: error.kind === 'unsupported' ? 'corrupt' : error.kind, reason: error.message };
    throw error;
  }
  const names = new Set(list.map((e) => e.name));
  if (!names.has('word/document.xml') || !names.has('[Content_Types].xml')) {
    return { ok: false, kind: 'not_docx', reason: `it is ${describeOtherZip(names)}, not a Word document` };
  }
  const entries: Record<string, Uint8Array> = {};
  let budget = limits.maxUnzippedBytes;
  try {
    for (const entry of list) {
      if (entry.name.endsWith('/')) continue;
      const data = extractEntry(bytes, entry, budget);
      budget -= data.length;
      entries[entry.name] = data;
    }
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, kind: error.kind === 'unsupported' ? 'corrupt' : error.kind, reason: error.message };
    throw error;
  }
  return { entries };
}

// Word's Title style is the document title; headings then start one level below it.
const STYLE_MAP = ["p[style-name='Title'] => h1.doc-title:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** With a Title paragraph, Heading 1 becomes ## and so on, so the document has one `#` title. */
function shiftHeadingsBelowTitle(html: string): string {
  if (!/<h1 class="doc-title">/.test(html)) return html;
  return html.replace(/<(\/?)h([1-5])(?=[\s>])(?! class="doc-title")/g, (_m, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
}

/** Word tables have no header cells; their first row is the header, as readers take it. */
function firstRowAsHeader(html: string): string {
  return html.replace(/<table>([\s\S]*?)<\/table>/g, (table) =>
    table.includes('<th') ? table : table.replace(/<tr>([\s\S]*?)<\/tr>/, (row) => row.replace(/<td(?=[\s>])/g, '<th').replace(/<\/td>/g, '</th>')),
  );
}

export async function docxToMarkdown(bytes: Uint8Array, limits: ParseLimits): Promise<DocxOutcome> {
  const unpacked = unpackDocx(bytes, limits);
  if (!('entries' in unpacked)) return unpacked;
  // mammoth (via JSZip) only ever sees bytes we have inflated and counted ourselves, stored uncompressed.
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(unpacked.entries)) zippable[name] = [data, { level: 0 }];
  const verified = zipSync(zippable);
  const { default: mammoth } = await import('mammoth');
  let html: string;
  let messages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(verified.buffer, verified.byteOffset, verified.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Images are not imported (yet): an image with alt text becomes the missing-image placeholder.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: 'docx-image' })),
      },
    );
    html = result.value;
    messages = result.messages;
  } catch (error) {
    return { ok: false, kind: 'corrupt', reason: (error as Error).message.split('\n')[0] ?? 'unreadable' };
  }
  const markdown = htmlToMarkdown(`<!doctype html><html><body>${firstRowAsHeader(shiftHeadingsBelowTitle(html))}</body></html>`).markdown;
  const errors = messages.filter((m) => m.type === 'error').map((m) => m.message);
  const warnings = errors.length ? [`Some parts of the Word document could not be read: ${errors.slice(0, 3).join('; ')}`] : [];
  return { ok: true, markdown, warnings };
}
