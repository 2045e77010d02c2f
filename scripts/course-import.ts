// `npm run course:import -- --file F [--file G …] --owner EMAIL [--title T] [--course KEY] [--draft]`: scripted
// imports through the same code path as the browser (limits, parsing, documents stored in the database, the
// draft outline, publish by stable keys). With --course, the files become new versions in that course
// (which the owner must own or co-teach); without it a new course is created. Publishes unless --draft.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadLocalEnv } from './load-env';

loadLocalEnv();
const { createDb } = await import('../lib/db');
const { parseUploads } = await import('../lib/courses/upload');
const { uploadParser } = await import('../lib/courses/parser');
const { createDraftCourse, uploadDocuments, diffDraft, publishDraft } = await import('../lib/courses/authoring');
const { summariseDiff } = await import('../lib/courses/diff');

const { values } = parseArgs({
  options: {
    file: { type: 'string', multiple: true },
    owner: { type: 'string' },
    title: { type: 'string' },
    course: { type: 'string' },
    description: { type: 'string' },
    draft: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const files = values.file ?? [];
if (files.length === 0 || !values.owner) fail('Usage: npm run course:import -- --file F [--file G …] --owner EMAIL [--title T] [--course KEY] [--draft]');

const db = createDb();
try {
  const owner = await db.user.findUnique({ where: { email: values.owner.trim().toLowerCase() }, select: { id: true, role: true } });
  if (!owner || owner.role !== 'instructor') fail(`No instructor with the email ${values.owner} (create one with npm run user:create-instructor).`);

  const raw = await Promise.all(files.map(async (f) => ({ name: path.basename(f), bytes: new Uint8Array(await readFile(f)) })));
  const { files: parsed, errors } = await parseUploads(raw, uploadParser);
  for (const e of errors) console.error(`error: ${e.name || '(upload)'}: ${e.message}`);
  if (errors.length > 0) fail('Nothing was imported.');

  let courseId: string;
  if (values.course) {
    const course = await db.course.findFirst({
      where: { key: values.course, OR: [{ ownerId: owner.id }, { instructors: { some: { userId: owner.id } } }] },
      select: { id: true },
    });
    if (!course) fail(`No course "${values.course}" that ${values.owner} teaches.`);
    courseId = course.id;
  } else {
    const title = values.title ?? (parsed.length === 1 ? path.basename(parsed[0]!.name).replace(/\.[^.]+$/, '') : 'Imported course');
    courseId = (await createDraftCourse(db, owner.id, { title, description: values.description ?? '' })).id;
  }
  const bytesOf = new Map(raw.map((r) => [r.name, r.bytes]));
  const up = await uploadDocuments(db, courseId, owner.id, parsed.map((p) => ({ ...p, bytes: bytesOf.get(p.name) ?? new Uint8Array() })));
  if (!up.ok) {
    for (const e of up.errors ?? []) console.error(`error: ${e.name}: ${e.message}`);
    fail(up.error);
  }
  for (const i of up.summary.issues) console.error(`${i.level}: ${i.file}: ${i.message}`);
  console.log(`Documents: ${up.summary.added.length} added, ${up.summary.updated.length} new versions, ${up.summary.unchanged.length} unchanged.`);
  const preview = await diffDraft(db, courseId);
  if (preview) console.log(`Changes: ${summariseDiff(preview.diff)}`);
  if (values.draft) {
    console.log('Left as a draft (--draft).');
  } else {
    const published = await publishDraft(db, courseId);
    if (!published.ok) fail(published.error);
    const course = await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { key: true } });
    console.log(`Published course "${course.key}".`);
  }
} catch (e) {
  console.error(`Import failed, nothing more was written: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
