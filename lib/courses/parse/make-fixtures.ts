// Generates the documents the parsing tests and the parse benchmark read: a minimal PDF writer
// (Helvetica text objects), a DOCX (the minimal WordprocessingML parts zipped with fflate), zips.
// The project makes its own fixtures so that tests never depend on files from elsewhere.

import { strToU8, zipSync, type Zippable } from 'fflate';

export interface PdfLine {
  text: string;
  /** Font size in points (default 11). */
  size?: number;
  bold?: boolean;
  /** Set in Courier (code). */
  mono?: boolean;
  /** Indent from the left margin, in points. */
  indent?: number;
  /** Space above this line, in points, on top of the line height (paragraph gap). */
  gapBefore?: number;
}

export interface PdfPage {
  lines: PdfLine[];
  /** Drawn at the top / bottom of the page at 9 pt (running header, page number). */
  header?: string;
  footer?: string;
}

export interface PdfOptions {
  /** Adds an /Encrypt dictionary whose password check fails: a password-protected PDF. */
  encrypted?: boolean;
  /** Pages carry only vector drawing, no text (what a scan looks like to a text extractor). */
  noText?: boolean;
  /** Each word is its own text object, placed by position, as many PDF producers write text (no space characters). */
  wordByWord?: boolean;
}

function escapePdfString(text: string): string {
  // WinAnsi covers Latin-1; anything else is replaced, which is fine for fixtures.
  return text.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').replace(/([\\()])/g, '\\$1');
}

function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function pageStream(page: PdfPage, noText: boolean, wordByWord: boolean): string {
  if (noText) return '0.5 g 72 300 450 400 re f 0 g 100 500 m 500 700 l S';
  const ops: string[] = [];
  const text = (font: string, size: number, x: number, y: number, s: string): void => {
    if (!wordByWord) {
      ops.push(`BT /${font} ${size} Tf ${x} ${y.toFixed(2)} Td (${escapePdfString(s)}) Tj ET`);
      return;
    }
    let at = x;
    for (const word of s.split(' ')) {
      ops.push(`BT /${font} ${size} Tf ${at.toFixed(2)} ${y.toFixed(2)} Td (${escapePdfString(word)}) Tj ET`);
      // Helvetica averages about 0.56 em a character; a space is 0.28 em.
      at += (word.length * 0.6 + 0.28) * size;
    }
  };
  if (page.header) text('F1', 9, 72, 760, page.header);
  let y = 720;
  for (const line of page.lines) {
    const size = line.size ?? 11;
    y -= (line.gapBefore ?? 0) + size * 1.25;
    text(line.mono ? 'F3' : line.bold ? 'F2' : 'F1', size, 72 + (line.indent ?? 0), y, line.text);
  }
  if (page.footer) text('F1', 9, 300, 40, page.footer);
  return ops.join('\n');
}

/** A PDF with one page per entry, Helvetica (F1), Helvetica-Bold (F2) and Courier (F3), US Letter. */
export function makePdf(pages: readonly PdfPage[], options: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const f1 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const f2 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const f3 = add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const stream = pageStream(page, options.noText === true, options.wordByWord === true);
    const content = add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R ` +
          `/Resources << /Font << /F1 ${f1} 0 R /F2 ${f2} 0 R /F3 ${f3} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const hex32 = 'ab'.repeat(32);
  const encrypt = options.encrypted ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${hex32}> /U <${hex32}> >>`) : 0;

  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const id = '<0123456789abcdef0123456789abcdef>';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

const SUBJECTS = ['Spaced repetition', 'The forgetting curve', 'Retrieval practice', 'Interleaving', 'A review session', 'The learner', 'Long-term memory', 'Working memory', 'A flashcard deck', 'The scheduler'];
const VERBS = ['strengthens', 'predicts', 'depends on', 'shortens', 'reveals', 'protects', 'organises', 'weakens', 'measures', 'extends'];
const OBJECTS = ['the interval between reviews', 'recall of new vocabulary', 'the stability of a memory', 'the number of due cards', 'attention during study', 'the retention of formulas', 'confidence before an exam', 'the transfer of skills', 'errors made under pressure', 'the difficulty of a card'];
const TAILS = ['in most laboratory studies', 'when sessions are short', 'over a whole term', 'for adult learners', 'after a night of sleep', 'according to the model', 'in the first week', 'unless the material is rehearsed'];

/** A varied sentence, the same for the same seed (so benchmark runs read identical documents). */
function sentence(seed: number): string {
  const pick = <T>(list: readonly T[], k: number): T => list[Math.abs(Math.imul(seed + k, 2654435761)) % list.length] as T;
  return `${pick(SUBJECTS, 1)} ${pick(VERBS, 2)} ${pick(OBJECTS, 3)} ${pick(TAILS, 4)}.`;
}

/** A lecture-notes PDF of `pageCount` pages: a title, a section heading every two pages, running header, page numbers. */
export function makeLecturePdf(pageCount: number): Uint8Array {
  const pages: PdfPage[] = [];
  for (let p = 0; p < pageCount; p += 1) {
    const lines: PdfLine[] = [];
    if (p === 0) lines.push({ text: 'Lecture Notes on Memory', size: 20, bold: true });
    if (p % 2 === 0) lines.push({ text: `Section ${p / 2 + 1}: Topic number ${p / 2 + 1}`, size: 15, bold: true, gapBefore: 12 });
    for (let para = 0; para < 4; para += 1) {
      for (let l = 0; l < 8; l += 1) lines.push({ text: sentence(p * 100 + para * 10 + l), gapBefore: l === 0 ? 8 : 0 });
    }
    pages.push({ lines, header: 'Memory and Learning - Course Notes', footer: String(p + 1) });
  }
  return makePdf(pages);
}

export interface DocxParagraph {
  text: string;
  /** A Word paragraph style id such as Heading1, Heading2, Title. */
  style?: string;
  bold?: boolean;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function stylesXml(): string {
  const heading = (id: string, name: string, level: number): string =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
    `<w:pPr><w:outlineLvl w:val="${level}"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W_NS}">` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>' +
    `${heading('Heading1', 'heading 1', 0)}${heading('Heading2', 'heading 2', 1)}${heading('Heading3', 'heading 3', 2)}</w:styles>`
  );
}

/** The parts of a DOCX, before zipping (so tests can add, drop or inflate parts). */
export function docxParts(paragraphs: readonly DocxParagraph[]): Record<string, Uint8Array> {
  const body = paragraphs
    .map((p) => {
      const pPr = p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : '';
      const rPr = p.bold ? '<w:rPr><w:b/></w:rPr>' : '';
      return `<w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${xmlEscape(p.text)}</w:t></w:r></w:p>`;
    })
    .join('');
  return {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/styles.xml': strToU8(stylesXml()),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`,
    ),
  };
}

export function makeZip(entries: Record<string, Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { level }];
  return zipSync(zippable);
}

export function makeDocx(paragraphs: readonly DocxParagraph[]): Uint8Array {
  return makeZip(docxParts(paragraphs));
}

/** A DOCX whose document part inflates to `megabytes` MB of one repeated byte: a zip bomb. */
export function makeZipBombDocx(megabytes: number): Uint8Array {
  const parts = docxParts([{ text: 'Hello' }]);
  parts['word/media/filler.bin'] = new Uint8Array(megabytes * 1024 * 1024).fill(0x41);
  return makeZip(parts, 9);
}
