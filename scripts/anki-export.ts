// `npm run anki:export -- --out FILE [--content DIR] [--base-url URL]` (also `npm run cards:export -- --format apkg
// --out FILE`): generates the course's cards from a content folder and writes them as an Anki package (.apkg),
// one deck per module under the course's deck, without touching any database. Learners' own decks with their
// schedule are downloaded in the app (Stats → Download for Anki).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { loadCourse } from '../lib/content/load';
import { generateCourseCards } from '../lib/cards';
import { courseNotes } from '../lib/interop/anki/course';
import { writeApkg } from '../lib/interop/anki/write';

export async function runAnkiExport(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { content: { type: 'string', default: './content' }, out: { type: 'string' }, format: { type: 'string' }, 'base-url': { type: 'string' } },
    }));
  } catch (err) {
    process.stderr.write(`anki-export: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  if (!values.out) {
    process.stderr.write('usage: npm run anki:export -- --out FILE.apkg [--content DIR] [--base-url URL]\n');
    return 2;
  }
  const dir = resolve(values.content);
  const { course, issues } = await loadCourse(dir);
  const errors = issues.filter((i) => i.level === 'error');
  for (const issue of errors) process.stderr.write(`${issue.level}: ${issue.file}: ${issue.message}\n`);
  if (errors.length > 0) return 1;
  const cards = generateCourseCards(course);
  const baseUrl = values['base-url'] ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000';
  const now = new Date();
  const written = writeApkg({ notes: courseNotes(course, cards, baseUrl), collectionCreated: now, now });
  writeFileSync(values.out, written.bytes);
  const { notes, decks } = written.counts;
  process.stderr.write(`anki-export: ${notes} notes (${cards.filter((c) => c.type === 'cloze').length} cloze) in ${decks} decks → ${values.out} (${written.bytes.length} bytes)\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runAnkiExport(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`anki-export: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
