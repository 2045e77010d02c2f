// `npm run bench:parse [-- FILE…]`: upload → preview for generated lecture-notes PDFs (50 and 300 pages): parse
// (pdfjs text layer → Markdown), then buildCourse (cleaning, lessons) and card generation, as the
// authoring preview runs them. Also a 3 MB DOCX. Figures are wall-clock on this machine, one run each after
// the libraries are loaded (the first upload after a server start also pays their import, printed first).
// Files named on the command line (any PDF, DOCX, Markdown…) are measured the same way afterwards.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCourse } from '../lib/content';
import { generateCourseCards } from '../lib/cards';
import { parseUpload } from '../lib/courses/parse';
import { makeDocx, makeLecturePdf, type DocxParagraph } from '../lib/courses/parse/make-fixtures';

const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

async function bench(name: string, file: { name: string; bytes: Uint8Array }): Promise<void> {
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const parsed = await parseUpload(file);
  const t1 = performance.now();
  if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
  const { course, issues } = buildCourse({ documents: [parsed.document] });
  const t2 = performance.now();
  const cards = generateCourseCards(course);
  const t3 = performance.now();
  const lessons = course.modules.reduce((n, m) => n + m.lessons.length, 0);
  const errors = issues.filter((i) => i.level === 'error').length;
  console.log(
    `${name.padEnd(16)} ${mb(file.bytes.length).padStart(7)}  parse ${(t1 - t0).toFixed(0).padStart(6)} ms  build ${(t2 - t1).toFixed(0).padStart(5)} ms  ` +
      `cards ${(t3 - t2).toFixed(0).padStart(6)} ms  upload→preview ${(t3 - t0).toFixed(0).padStart(6)} ms  ` +
      `(${parsed.document.pages ?? '-'} pages, ${lessons} lessons, ${cards.length} cards, ${errors} errors, rss +${mb(Math.max(0, process.memoryUsage().rss - rss0))})`,
  );
}

// The first upload after a server starts also loads pdfjs and mammoth; measured on its own.
const w0 = performance.now();
await parseUpload({ name: 'warm.pdf', bytes: makeLecturePdf(1) });
await parseUpload({ name: 'warm.docx', bytes: makeDocx([{ text: 'Warm up' }]) });
console.log(`first upload after start (loads pdfjs + mammoth): ${(performance.now() - w0).toFixed(0)} ms`);
await bench('PDF 50 pages', { name: 'notes-50.pdf', bytes: makeLecturePdf(50) });
await bench('PDF 300 pages', { name: 'notes-300.pdf', bytes: makeLecturePdf(300) });
const paragraphs: DocxParagraph[] = [{ text: 'Lecture Notes on Memory', style: 'Title' }];
for (let s = 0; s < 60; s += 1) {
  paragraphs.push({ text: `Section ${s + 1}`, style: 'Heading1' });
  for (let p = 0; p < 6; p += 1) paragraphs.push({ text: `Paragraph ${p + 1} of section ${s + 1} explains how retrieval practice strengthens memory over a whole term.`.repeat(3) });
}
await bench('DOCX 60 sections', { name: 'notes.docx', bytes: makeDocx(paragraphs) });

for (const file of process.argv.slice(2)) {
  await bench(path.basename(file).slice(0, 16), { name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) });
}
