// `npm run db:copy -- --from file:./data/app.db --to postgresql://user@host:5432/db`: moves a SQLite deployment to
// PostgreSQL. The target must be migrated (`DATABASE_URL=<target> npm run db:migrate`) and empty; the SQLite file
// should be migrated to the latest version too and not be written to meanwhile (stop the app first).
// Copies every table, verifies row counts and checksums, and commits only when they match (scripts/db/copy.ts).
import { existsSync } from 'node:fs';
import { sqliteFilePath } from '../lib/env';
import { isPostgresUrl } from '../lib/db/providers';
import { CopyError, copySqliteToPostgres } from './db/copy';

const USAGE = 'Usage: npm run db:copy -- --from file:./data/app.db --to postgresql://user:password@host:5432/dbname';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}

const from = arg('from');
const to = arg('to');
if (!from || !to) {
  console.error(USAGE);
  process.exit(2);
}
if (!from.startsWith('file:')) {
  console.error(`--from must be a SQLite URL (file:…), got ${from}\n${USAGE}`);
  process.exit(2);
}
if (!isPostgresUrl(to)) {
  console.error(`--to must be a PostgreSQL URL (postgresql://…)\n${USAGE}`);
  process.exit(2);
}
const file = sqliteFilePath(from);
if (!existsSync(file)) {
  console.error(`no SQLite database at ${file}`);
  process.exit(1);
}
const started = performance.now();
try {
  console.log(`Copying ${file} → ${new URL(to).host}${new URL(to).pathname} …`);
  const report = await copySqliteToPostgres(file, to, { log: (line) => console.log(line) });
  const rows = report.reduce((n, t) => n + t.rows, 0);
  console.log(`Verified ${report.length} tables (${rows.toLocaleString('en')} rows): row counts and checksums match. (${((performance.now() - started) / 1000).toFixed(1)} s)`);
} catch (e) {
  if (e instanceof CopyError) {
    console.error(`db:copy: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
