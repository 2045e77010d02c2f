// `npm run db:migrate`: applies pending migrations in prisma/migrations to DATABASE_URL's SQLite file.
import { loadLocalEnv } from './load-env';
import { applyMigrations } from './db/schema-engine';
import { sqliteFilePath, env } from '../lib/env';

loadLocalEnv();
const file = sqliteFilePath(env().DATABASE_URL);
const applied = await applyMigrations(file);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
