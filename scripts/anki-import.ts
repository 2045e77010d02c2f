// `npm run anki:import -- --file DECK.apkg|.csv|.tsv --owner EMAIL`: imports an Anki package or "Notes in plain
// text" export as a new draft course owned by that instructor (decks → modules, notes → cards). The same import
// as Teach → Import from Anki; a file that cannot be read changes nothing.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadLocalEnv } from './load-env';

loadLocalEnv();
const { createDb } = await import('../lib/db');
const { importDeckFile } = await import('../lib/interop/anki/service');
const { MAX_IMPORT_BYTES } = await import('../lib/interop/anki/read');

const { values } = parseArgs({ options: { file: { type: 'string' }, owner: { type: 'string' } } });
if (!values.file || !values.owner) {
  process.stderr.write('usage: npm run anki:import -- --file DECK.apkg --owner instructor@example.com\n');
  process.exit(2);
}
const size = statSync(values.file).size;
if (size > MAX_IMPORT_BYTES) {
  process.stderr.write(`anki-import: ${values.file} is ${Math.ceil(size / 1048576)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.\n`);
  process.exit(1);
}
const db = createDb();
try {
  const owner = await db.user.findUnique({ where: { email: values.owner.trim().toLowerCase() }, select: { id: true, role: true } });
  if (!owner || owner.role !== 'instructor') throw new Error(`--owner ${values.owner}: no instructor account has this email.`);
  const outcome = await importDeckFile(db, { id: owner.id, role: 'instructor' }, new Uint8Array(readFileSync(values.file)), basename(values.file), 'course', new Date());
  if (!outcome.ok) {
    process.stderr.write(`anki-import: ${outcome.error}\n`);
    process.exitCode = 1;
  } else {
    console.log(`${outcome.message} Course key: ${outcome.courseKey}`);
  }
} finally {
  await db.$disconnect();
}
