// `npm run db:seed`: in demo mode, creates the demo instructor and learner and prints their credentials.
// In production mode (APP_MODE=production) it never creates accounts with known passwords.
import { loadLocalEnv } from '../scripts/load-env';

loadLocalEnv();
const { env } = await import('../lib/env');
const { createDb } = await import('../lib/db');
const { DEMO_ACCOUNTS, upsertUserWithPassword, formatDemoAccounts } = await import('../lib/users/accounts');

if (env().APP_MODE === 'production') {
  console.log('APP_MODE=production: no demo accounts created. Create an instructor with `npm run user:create -- --role instructor --email you@example.com`.');
  process.exit(0);
}
const db = createDb();
try {
  for (const account of DEMO_ACCOUNTS) await upsertUserWithPassword(db, account);
  console.log(formatDemoAccounts());
} finally {
  await db.$disconnect();
}
