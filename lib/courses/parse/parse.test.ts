import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildCourse } from '@/lib/content';
import { docxParts, makeDocx, makeLecturePdf, makePdf, makeZip, makeZipBombDocx } from './make-fixtures';
import { parseUpload, parseUploads, safeFileName, uniqueName } from './index';
import { itemsToLines } from './pdf';
import type { ParseResult } from './types';

const text = (s: string): Uint8Array => strToU8(s);

function doc(result: ParseResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result.document;
}

function failure(result: ParseResult) {
  if (result.ok) throw new Error(`expected a failure, got a document`);
  return result;
}

describe('PDF', () => {
  const twoPages = makePdf([
    {
      header: 'Cell Biology Notes',
      footer: '1',
      lines: [
        { text: 'Cell Biology', size: 22, bold: true },
        { text: 'The Membrane', size: 16, bold: true, gapBefore: 10 },
        { text: 'Every cell is enclosed by a membrane made of a lipid bilayer with embed-', gapBefore: 6 },
        { text: 'ded proteins that control what enters and leaves the cell.' },
        { text: 'Transport Proteins', bold: true, gapBefore: 10 },
        { text: 'Channels let ions pass down their gradient while pumps spend energy to move them', gapBefore: 6 },
      ],
    },
    {
      header: 'Cell Biology Notes',
      footer: '2',
      lines: [
        { text: 'against it, which keeps the inside of the cell different from the outside.' },
        { text: 'The Nucleus', size: 16, bold: true, gapBefore: 10 },
        { text: 'The nucleus holds the genome and is wrapped in a double membrane with pores.', gapBefore: 6 },
      ],
    },
  ]);

  it('turns a two-page PDF into Markdown with headings from font size and boldness', async () => {
    const d = doc(await parseUpload({ name: 'cells.pdf', bytes: twoPages }));
    expect(d.format).toBe('pdf');
    expect(d.pages).toBe(2);
    expect(d.title).toBe('Cell Biology');
    expect(d.text).toMatch(/^# Cell Biology$/m);
    expect(d.text).toMatch(/^## The Membrane$/m);
    expect(d.text).toMatch(/^## The Nucleus$/m);
    expect(d.text).toMatch(/^### Transport Proteins$/m);
    // A word hyphenated at a line end is joined.
    expect(d.text).toContain('with embedded proteins');
    expect(d.text).toContain('\f');
  });

  it('gives buildCourse a document without running headers, page numbers or a cut paragraph', async () => {
    const d = doc(await parseUpload({ name: 'cells.pdf', bytes: twoPages }));
    const { course, issues } = buildCourse({ documents: [d], minWords: 5 });
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    const all = course.modules.flatMap((m) => m.lessons.map((l) => l.markdown)).join('\n');
    expect(course.modules[0]?.title).toBe('Cell Biology');
    expect(all).not.toContain('Cell Biology Notes');
    expect(all).not.toMatch(/^\s*[12]\s*$/m);
    expect(all).toMatch(/move them\sagainst it/);
    expect(course.modules[0]?.lessons.map((l) => l.title)).toEqual(['The Membrane', 'The Nucleus']);
  });

  it('reads a many-page PDF and removes its running header', async () => {
    const d = doc(await parseUpload({ name: 'lecture.pdf', bytes: makeLecturePdf(12) }));
    expect(d.pages).toBe(12);
    const { course } = buildCourse({ documents: [d] });
    const all = course.modules.flatMap((m) => m.lessons.map((l) => l.markdown)).join('\n');
    expect(all).not.toContain('Memory and Learning - Course Notes');
    expect(course.modules[0]?.title).toBe('Lecture Notes on Memory');
    expect(course.modules[0]?.lessons.length).toBeGreaterThan(1);
  });

  it('puts spaces between words placed one by one and keeps compounds the document hyphenates', async () => {
    const bytes = makePdf(
      [
        {
          lines: [
            { text: 'Perceptrons', size: 18 },
            { text: 'A single-layer network draws one straight boundary. Every single-', gapBefore: 8 },
            { text: 'layer model has that limit, and multi-layer networks were devel-' },
            { text: 'oped to go beyond it with hidden units between input and output.' },
          ],
        },
      ],
      { wordByWord: true },
    );
    const d = doc(await parseUpload({ name: 'p.pdf', bytes }));
    expect(d.text).toMatch(/^# Perceptrons$/m);
    expect(d.text).toContain('A single-layer network draws one straight boundary. Every single-layer model has that limit');
    expect(d.text).toContain('networks were developed to go beyond it');
  });

  it('does not take large numbers (chart labels) for headings', async () => {
    const body = Array.from({ length: 6 }, (_, i) => ({ text: `Sentence ${i} of the paragraph explains the chart that follows it in some detail.` }));
    const d = doc(await parseUpload({ name: 'chart.pdf', bytes: makePdf([{ lines: [{ text: 'Growth', size: 18 }, ...body, { text: '2020', size: 16 }, { text: '40 %', size: 16 }] }]) }));
    expect(d.text).toMatch(/^# Growth$/m);
    expect(d.text).not.toMatch(/^#+ (2020|40 %)$/m);
  });

  it('drops glyphs without a Unicode mapping', () => {
    const item = (str: string, x: number) => ({ str, transform: [11, 0, 0, 11, x, 700], width: 30, fontName: 'f1', hasEOL: false });
    const lines = itemsToLines([item('\u0000 Challenge', 72), item('\ue000', 110), item('done\ufffd', 120)], { bold: new Set(), mono: new Set() });
    expect(lines.map((l) => l.text)).toEqual(['Challenge done']);
  });

  it('turns lines set in a monospaced font into a code block, keeping indentation', async () => {
    const bytes = makePdf([
      {
        lines: [
          { text: 'Loops', size: 18 },
          { text: 'A loop repeats its body for every item of a list:', gapBefore: 8 },
          { text: 'for item in items:', mono: true, size: 10, gapBefore: 4 },
          { text: 'print(item * 2) # <doubled>', mono: true, size: 10, indent: 24 },
          { text: 'The body is indented by four spaces.', gapBefore: 4 },
        ],
      },
    ]);
    const d = doc(await parseUpload({ name: 'loops.pdf', bytes }));
    expect(d.text).toContain('A loop repeats its body for every item of a list:\n\n```\nfor item in items:\n    print(item * 2) # <doubled>\n```\n\nThe body is indented');
  });

  it('refuses a password-protected PDF with a clear message', async () => {
    const r = failure(await parseUpload({ name: 'secret.pdf', bytes: makePdf([{ lines: [{ text: 'Hidden' }] }], { encrypted: true }) }));
    expect(r.code).toBe('pdf_encrypted');
    expect(r.message).toMatch(/“secret\.pdf” is password-protected/);
  });

  it('refuses a PDF without a text layer', async () => {
    const r = failure(await parseUpload({ name: 'scan.pdf', bytes: makePdf([{ lines: [] }, { lines: [] }], { noText: true }) }));
    expect(r.code).toBe('pdf_no_text');
    expect(r.message).toMatch(/^This PDF has no text layer \(scanned\?\)/);
  });

  it('warns about pages without text when others have text', async () => {
    const pages = [0, 1, 2].map((p) => ({ lines: [{ text: `Page ${p} says something long enough to count as real text on a page.` }] }));
    const bytes = makePdf([...pages, { lines: [] }]);
    const d = doc(await parseUpload({ name: 'mixed.pdf', bytes }));
    expect(d.warnings.join(' ')).toMatch(/1 of 4 pages have no text layer/);
  });

  it('refuses a corrupt or truncated PDF', async () => {
    const r = failure(await parseUpload({ name: 'broken.pdf', bytes: text('%PDF-1.4\n1 0 obj << /Type /Catalog >>\n') }));
    expect(r.code).toBe('pdf_corrupt');
    expect(r.message).toMatch(/“broken\.pdf” cannot be read as a PDF/);
    const truncated = twoPages.slice(0, Math.floor(twoPages.length / 3));
    const t = await parseUpload({ name: 'cut.pdf', bytes: truncated });
    // pdfjs may recover text from the first objects; then the instructor is told the file looks cut off.
    if (t.ok) expect(t.document.warnings.join(' ')).toMatch(/seems incomplete/);
    else expect(['pdf_corrupt', 'pdf_no_text']).toContain(t.code);
    const lecture = makeLecturePdf(6);
    const half = await parseUpload({ name: 'half.pdf', bytes: lecture.slice(0, Math.floor(lecture.length * 0.6)) });
    if (half.ok) expect(half.document.warnings.join(' ')).toMatch(/seems incomplete/);
    else expect(half.code).toBe('pdf_corrupt');
    expect(doc(await parseUpload({ name: 'whole.pdf', bytes: lecture })).warnings).toEqual([]);
  });

  it('refuses PDFs over the page limit and stops at the time budget', async () => {
    const bytes = makeLecturePdf(4);
    expect(failure(await parseUpload({ name: 'big.pdf', bytes }, { maxPdfPages: 3 })).code).toBe('pdf_too_many_pages');
    expect(failure(await parseUpload({ name: 'slow.pdf', bytes }, { timeoutMs: -1 })).code).toBe('timeout');
  });
});

describe('DOCX', () => {
  it('converts Word heading styles to Markdown headings', async () => {
    const bytes = makeDocx([
      { text: 'Photosynthesis', style: 'Title' },
      { text: 'Light reactions', style: 'Heading1' },
      { text: 'Light is absorbed by chlorophyll & turned into chemical energy <fast>.' },
      { text: 'Where it happens', style: 'Heading2' },
      { text: 'In the thylakoid membranes.' },
      { text: 'The Calvin cycle', style: 'Heading1' },
      { text: 'Carbon dioxide is fixed into sugar.' },
    ]);
    const d = doc(await parseUpload({ name: 'photo.docx', bytes }));
    expect(d.format).toBe('docx');
    expect(d.title).toBe('Photosynthesis');
    expect(d.text).toMatch(/^# Photosynthesis$/m);
    expect(d.text).toMatch(/^## Light reactions$/m);
    expect(d.text).toMatch(/^### Where it happens$/m);
    expect(d.text).toMatch(/^## The Calvin cycle$/m);
    expect(d.text).toContain('chlorophyll & turned');
    const { course } = buildCourse({ documents: [d], minWords: 1 });
    expect(course.modules[0]?.lessons.map((l) => l.title)).toEqual(['Light reactions', 'The Calvin cycle']);
  });

  it('keeps bold text, external hyperlinks and tables (first row as header)', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const parts = docxParts([]);
    parts['word/document.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>` +
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Rivers</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">A river is </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>fresh water</w:t></w:r>' +
        '<w:r><w:t xml:space="preserve"> flowing to the sea; see </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>the atlas</w:t></w:r></w:hyperlink><w:r><w:t>.</w:t></w:r></w:p>' +
        `<w:tbl><w:tr>${cell('River')}${cell('Length')}</w:tr><w:tr>${cell('Nile')}${cell('6650 km')}</w:tr></w:tbl></w:body></w:document>`,
    );
    parts['word/_rels/document.xml.rels'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://atlas.example/rivers" TargetMode="External"/></Relationships>',
    );
    const d = doc(await parseUpload({ name: 'rivers.docx', bytes: makeZip(parts) }));
    expect(d.text).toContain('A river is **fresh water** flowing to the sea; see [the atlas](https://atlas.example/rivers).');
    expect(d.text).toMatch(/^\| River \| Length {2}\|\n\| -+ \| -+ \|\n\| Nile {2}\| 6650 km \|$/m);
  });

  it('refuses a zip bomb from its declared sizes', async () => {
    const r = failure(await parseUpload({ name: 'bomb.docx', bytes: makeZipBombDocx(30) }));
    expect(r.code).toBe('docx_zip_bomb');
    expect(r.message).toMatch(/“bomb\.docx” was refused/);
  });

  it('refuses an archive that would unpack past the total cap', async () => {
    const parts = docxParts([{ text: 'Hi' }]);
    for (let i = 0; i < 4; i += 1) parts[`word/media/f${i}.bin`] = crypto.getRandomValues(new Uint8Array(60_000));
    const r = failure(await parseUpload({ name: 'big.docx', bytes: makeZip(parts, 0) }, { maxUnzippedBytes: 200_000 }));
    expect(r.code).toBe('docx_zip_bomb');
  });

  it('refuses an archive whose entry lies about its size', async () => {
    const parts = docxParts([{ text: 'Hello there' }]);
    parts['word/media/filler.bin'] = new Uint8Array(3 * 1024 * 1024).fill(7);
    const bytes = makeZip(parts, 9);
    // Shrink the declared uncompressed size of the last central-directory entry to 1 KB.
    const dv = new DataView(bytes.buffer);
    let p = bytes.length - 22;
    while (dv.getUint32(p, true) !== 0x06054b50) p -= 1;
    let c = dv.getUint32(p + 16, true);
    for (let i = 0; i < dv.getUint16(p + 10, true); i += 1) {
      const nameLength = dv.getUint16(c + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(c + 46, c + 46 + nameLength));
      if (name === 'word/media/filler.bin') dv.setUint32(c + 24, 1024, true);
      c += 46 + nameLength + dv.getUint16(c + 30, true) + dv.getUint16(c + 32, true);
    }
    const r = failure(await parseUpload({ name: 'liar.docx', bytes }));
    expect(r.code).toBe('docx_zip_bomb');
    expect(r.message).toMatch(/more than its declared size/);
  });

  it('refuses a ZIP that is not a Word document, and a spreadsheet', async () => {
    const zip = makeZip({ 'readme.txt': text('hello') });
    expect(failure(await parseUpload({ name: 'notes.docx', bytes: zip })).code).toBe('docx_not_docx');
    const xlsx = makeZip({ '[Content_Types].xml': text('<Types/>'), 'xl/workbook.xml': text('<workbook/>') });
    expect(failure(await parseUpload({ name: 'sheet.docx', bytes: xlsx })).message).toMatch(/an Excel workbook/);
  });

  it('refuses a damaged archive, a legacy .doc and a password-protected .docx', async () => {
    const bytes = makeDocx([{ text: 'Hello' }]);
    expect(failure(await parseUpload({ name: 'cut.docx', bytes: bytes.slice(0, bytes.length - 30) })).code).toBe('docx_corrupt');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(failure(await parseUpload({ name: 'old.doc', bytes: ole })).code).toBe('docx_legacy_doc');
    expect(failure(await parseUpload({ name: 'locked.docx', bytes: ole })).code).toBe('docx_encrypted');
  });
});

describe('text formats', () => {
  it('passes Markdown, text and HTML through as the text buildCourse cleans', async () => {
    const md = doc(await parseUpload({ name: 'a.md', bytes: text('---\ntitle: Tides\n---\n\nThe moon pulls the sea.\n') }));
    expect(md).toMatchObject({ path: 'a.md', format: 'markdown', title: 'Tides' });
    expect(md.text).toContain('The moon pulls the sea.');
    const page =
      '<!doctype html><html><head><title>Volcanoes | Geo Site</title></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav>' +
      '<main><h1>Volcanoes</h1><p>A volcano is an opening in the crust where molten rock escapes to the surface.</p></main>' +
      '<footer>© Geo Site</footer></body></html>';
    const html = doc(await parseUpload({ name: 'Volcanoes - Geo Site.html', bytes: text(page) }));
    expect(html).toMatchObject({ format: 'html', title: 'Volcanoes' });
    const { course } = buildCourse({ documents: [html] });
    const lesson = course.modules[0]?.lessons[0]?.markdown ?? '';
    expect(lesson).toContain('molten rock');
    expect(lesson).not.toMatch(/Home|About|©/);
    expect(doc(await parseUpload({ name: 'plain.txt', bytes: text('Just a note.') })).format).toBe('text');
  });

  it('decodes UTF-16 and Windows-1252 files', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Café'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(doc(await parseUpload({ name: 'u.txt', bytes: utf16 })).text).toBe('Café');
    expect(doc(await parseUpload({ name: 'w.txt', bytes: new Uint8Array([0x43, 0x61, 0x66, 0xe9]) })).text).toBe('Café');
  });
});

describe('wrong, empty and unknown files', () => {
  it('refuses empty and blank files', async () => {
    expect(failure(await parseUpload({ name: 'e.md', bytes: new Uint8Array() })).code).toBe('empty');
    expect(failure(await parseUpload({ name: 'b.md', bytes: text(' \n\n\t ') })).code).toBe('empty');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const r = failure(await parseUpload({ name: 'big.md', bytes: new Uint8Array(2048).fill(0x61) }, { maxFileBytes: 1024 }));
    expect(r).toMatchObject({ code: 'too_large' });
    expect(r.message).toMatch(/2 KB; files can be at most 1 KB/);
  });

  it('detects the type from the bytes, not the name', async () => {
    const exe = new Uint8Array(512);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    const r = failure(await parseUpload({ name: 'notes.md', bytes: exe }));
    expect(r.code).toBe('wrong_type');
    expect(r.message).toMatch(/named like a text document but contains a program/);
    const zipAsPdf = failure(await parseUpload({ name: 'slides.pdf', bytes: makeZip({ 'a.txt': text('x') }) }));
    expect(zipAsPdf.code).toBe('wrong_type');
    expect(zipAsPdf.message).toMatch(/a ZIP archive/);
    expect(failure(await parseUpload({ name: 'fake.pdf', bytes: text('hello, I am text') })).code).toBe('wrong_type');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]);
    expect(failure(await parseUpload({ name: 'photo.png', bytes: png })).code).toBe('unsupported_type');
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(failure(await parseUpload({ name: 'data.txt', bytes: noise })).code).toBe('binary');
  });

  it('reads a real PDF or DOCX under the wrong extension, with a warning', async () => {
    const d = doc(await parseUpload({ name: 'report.docx', bytes: makeLecturePdf(1) }));
    expect(d).toMatchObject({ format: 'pdf', path: 'report.pdf' });
    expect(d.warnings[0]).toMatch(/not named \.pdf but is a PDF/);
    const w = doc(await parseUpload({ name: 'essay', bytes: makeDocx([{ text: 'An essay about rivers and their deltas.' }]) }));
    expect(w).toMatchObject({ format: 'docx', path: 'essay.docx' });
    const md = doc(await parseUpload({ name: 'readme', bytes: text('# Hi\n\nThere.'), declaredType: 'text/markdown' }));
    expect(md).toMatchObject({ format: 'markdown', path: 'readme.md' });
    expect(doc(await parseUpload({ name: 'v1.2 notes', bytes: text('Plain words.') }))).toMatchObject({ format: 'text', path: 'v1.2 notes.txt' });
  });

  it('uses only the base name of the file', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\notes.md')).toBe('notes.md');
    expect(safeFileName('..')).toBe('document');
    expect(uniqueName('Notes.md', new Set(['notes.md', 'notes (2).md']))).toBe('Notes (3).md');
  });
});

describe('parseUploads', () => {
  const md = (s: string) => ({ name: 'notes.md', bytes: text(`# ${s}\n\nSome words about ${s}.\n`) });

  it('renames duplicate names and keeps per-file results in order', async () => {
    const r = await parseUploads([md('One'), md('Two'), { name: 'empty.txt', bytes: new Uint8Array() }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.files.map((f) => f.name)).toEqual(['notes.md', 'notes (2).md', 'empty.txt']);
    expect(r.documents.map((d) => d.path)).toEqual(['notes.md', 'notes (2).md']);
    expect(r.documents[1]?.warnings[0]).toMatch(/chosen twice; this copy is named “notes \(2\)\.md”/);
    expect(r.files[2]?.result.ok).toBe(false);
  });

  it('keeps paths unique when a file is read as another format', async () => {
    const r = await parseUploads([{ name: 'report.pdf', bytes: makeLecturePdf(1) }, { name: 'report.docx', bytes: makeLecturePdf(1) }]);
    if (!r.ok) throw new Error(r.message);
    expect(r.documents.map((d) => d.path)).toEqual(['report.pdf', 'report (2).pdf']);
  });

  it('can refuse duplicates, also against names already in the course', async () => {
    const r = await parseUploads([md('One')], undefined, { duplicates: 'refuse', existingNames: ['NOTES.md'] });
    if (!r.ok) throw new Error(r.message);
    expect(r.files[0]?.result).toMatchObject({ ok: false, code: 'duplicate_name' });
    expect(r.documents).toEqual([]);
  });

  it('refuses the whole upload for too many files or too many bytes', async () => {
    expect(await parseUploads([md('a'), md('b'), md('c')], { maxFiles: 2 })).toMatchObject({ ok: false, code: 'too_many_files' });
    expect(await parseUploads([md('a'), md('b')], { maxTotalBytes: 40 })).toMatchObject({ ok: false, code: 'total_too_large' });
    expect(await parseUploads([])).toMatchObject({ ok: false, code: 'empty' });
  });
});
