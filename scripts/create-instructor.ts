// `npm run user:create-instructor -- --email a@b.c --name "Ada" [--password ...]`: creates an instructor
// (or promotes an existing user). Without --password, one is generated and printed once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadLocalEnv } from './load-env';

loadLocalEnv();
const { createDb } = await import('../lib/db');
const { upsertUserWithPassword } = await import('../lib/users/accounts');

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
});
if (!values.email) {
  console.error('Usage: npm run user:create-instructor -- --email you@example.com [--name "Your Name"] [--password ...]');
  process.exit(2);
}
const password = values.password ?? randomBytes(12).toString('base64url');
const db = createDb();
try {
  const result = await upsertUserWithPassword(db, {
    email: values.email,
    name: values.name ?? values.email.split('@')[0] ?? 'Instructor',
    password,
    role: 'instructor',
  });
  console.log(`${result.created ? 'Created' : 'Updated'} instructor ${values.email}${values.password ? '' : ` with password: ${password}`}`);
} catch (e) {
  console.error(`Could not create the instructor: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
