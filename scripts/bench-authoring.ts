// `npx tsx scripts/bench-authoring.ts [pages]`: times upload → preview for a generated lecture-notes PDF
// (default 50 pages) on a fresh temporary SQLite database: parse, store + outline, then lesson + card preview.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const pages = Number(process.argv[2] ?? 50);
const { applyMigrations } = await import('./db/schema-engine');
const { createDb } = await import('../lib/db');
const { makeLecturePdf } = await import('../lib/courses/parse/make-fixtures');
const { parseUploads } = await import('../lib/courses/upload');
const { uploadParser } = await import('../lib/courses/parser');
const { createDraftCourse, uploadDocuments, loadDraft, buildDraftForPreview } = await import('../lib/courses/authoring');

const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-authoring-'));
const file = path.join(dir, 'bench.db');
await applyMigrations(file);
const db = createDb(`file:${file}`);
try {
  const owner = await db.user.create({ data: { email: 'bench@example.com', name: 'Bench', role: 'instructor' } });
  const course = await createDraftCourse(db, owner.id, { title: 'Bench course', description: '' });
  const bytes = makeLecturePdf(pages);
  const t0 = performance.now();
  const { files, errors } = await parseUploads([{ name: 'lecture.pdf', bytes }], uploadParser);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  const t1 = performance.now();
  const up = await uploadDocuments(db, course.id, owner.id, files.map((f) => ({ ...f, bytes })));
  if (!up.ok) throw new Error(up.error);
  const t2 = performance.now();
  const draft = (await loadDraft(db, course.id))!;
  const build = await buildDraftForPreview(db, draft);
  const t3 = performance.now();
  await buildDraftForPreview(db, (await loadDraft(db, course.id))!);
  const t4 = performance.now();
  const lessons = build.course.modules.reduce((n, m) => n + m.lessons.length, 0);
  console.log(`${pages}-page PDF (${Math.round(bytes.byteLength / 1024)} KB): ${lessons} lessons, ${build.cards.length} cards`);
  console.log(`  parse ${Math.round(t1 - t0)} ms · store + outline ${Math.round(t2 - t1)} ms · preview (lessons + cards) ${Math.round(t3 - t2)} ms · total ${Math.round(t3 - t0)} ms; next preview ${Math.round(t4 - t3)} ms`);
} finally {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
