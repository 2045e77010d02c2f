// `npm run content:sync [-- --content DIR] [--owner EMAIL] [--rules]`: reads and validates the content folder, generates cards,
// and writes both to the database in one transaction. Any error in the content stops it before the database is touched.
// Each folder is its own course (keyed by its course.yaml `key`); other courses are not touched. `--owner` makes an
// instructor the course's owner (they can then edit its cards and add co-instructors in the app).
// With CARDS_LLM_URL and CARDS_LLM_MODEL set, cards come from that OpenAI-compatible server (one request per lesson,
// cached under CARDS_LLM_CACHE_DIR, a progress line per lesson); a lesson the server cannot do gets rule-based cards.
// `--rules` uses the rule-based generator only, whatever the environment says.
import { parseArgs } from 'node:util';
import { loadLocalEnv } from './load-env';

loadLocalEnv();
const { env, cardsLlmConfig } = await import('../lib/env');
const { createDb } = await import('../lib/db');
const { generateCourseCards } = await import('../lib/cards');
const { formatSyncReport } = await import('../lib/sync/sync');
const { syncContentFolder } = await import('../lib/sync/folder');
const { enrollMissingCards } = await import('../lib/review/enrol');
const { setFolderCourseOwner } = await import('../lib/sync/owner');
const { llmCourseGenerator } = await import('../lib/cards-llm');

const { values } = parseArgs({ options: { content: { type: 'string' }, owner: { type: 'string' }, rules: { type: 'boolean' } } });
const dir = values.content ?? env().CONTENT_DIR;
const db = createDb();
try {
  // Checked before anything is written, so a typo in the email leaves the database as it was.
  const owner = values.owner ? await db.user.findUnique({ where: { email: values.owner.trim().toLowerCase() }, select: { id: true, role: true } }) : null;
  if (values.owner && (!owner || owner.role !== 'instructor')) {
    throw new Error(`--owner ${values.owner}: no instructor account has this email (create one with npm run user:create -- --role instructor).`);
  }
  const llm = values.rules ? null : cardsLlmConfig();
  if (llm) console.log(`Cards from the LLM ${llm.model} at ${llm.url} (cache ${llm.cacheDir}); rule-based cards where it fails.`);
  const generate = llm ? llmCourseGenerator(llm, generateCourseCards, (line) => console.log(line)) : generateCourseCards;
  const result = await syncContentFolder(db, dir, generate);
  for (const issue of result.issues) console.error(`${issue.level}: ${issue.file}: ${issue.message}`);
  if (!result.ok) {
    console.error(`\nContent sync stopped: errors in ${dir}. The database was not changed.`);
    process.exitCode = 1;
  } else {
    console.log(formatSyncReport(result.report));
    if (owner) console.log(await setFolderCourseOwner(db, result.report.course.key, owner.id));
    console.log(`Synced ${result.modules} modules, ${result.lessons} lessons, ${result.cards} cards in ${result.ms} ms.`);
    // New cards of completed lessons and assigned modules join those learners' reviews now, not on a page view.
    const enrolled = await enrollMissingCards(db, new Date());
    if (enrolled > 0) console.log(`Added ${enrolled} new cards to learners' reviews.`);
  }
} catch (e) {
  console.error(`Content sync failed, nothing was written: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
