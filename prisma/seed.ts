// `npm run db:seed`: in demo mode, creates the demo instructor and learner and prints their credentials.
// In production mode (APP_MODE=production) it never creates accounts with known passwords.
import { loadLocalEnv } from '../scripts/load-env';

loadLocalEnv();
const { env } = await import('../lib/env');
const { createDb } = await import('../lib/db');
const { DEMO_ACCOUNTS, upsertUserWithPassword, formatDemoAccounts } = await import('../lib/users/accounts');
const { DEMO_CLASS_NAME, ensureDemoClass } = await import('../lib/classes/demo');
const { loadCourse } = await import('../lib/content/load');
const { setFolderCourseOwner } = await import('../lib/sync/owner');

if (env().APP_MODE === 'production') {
  console.log('APP_MODE=production: no demo accounts created. Create an instructor with `npm run user:create -- --role instructor --email you@example.com`.');
  process.exit(0);
}
const db = createDb();
try {
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) ids.set(account.role, (await upsertUserWithPassword(db, account)).id);
  // The demo instructor owns the demo course (content/), if it was synced and has no owner yet.
  const demoKey = (await loadCourse(env().CONTENT_DIR)).course.key;
  const demoCourse = await db.course.findUnique({ where: { key: demoKey }, select: { ownerId: true } });
  if (demoCourse && !demoCourse.ownerId) console.log(await setFolderCourseOwner(db, demoKey, ids.get('instructor')!));
  // A class for the demo instructor with the demo learner in it (after content:sync; skipped without a course).
  const demoClass = await ensureDemoClass(db, ids.get('instructor')!, ids.get('learner')!, new Date());
  if (demoClass === 'created') console.log(`Created "${DEMO_CLASS_NAME}" (the demo learner is in it, with the first module assigned).`);
  console.log(formatDemoAccounts());
} finally {
  await db.$disconnect();
}
