// `npm run db:migrate`: applies pending migrations to DATABASE_URL: prisma/migrations for a SQLite file,
// prisma/migrations-postgresql for a postgresql:// URL (the same schema, generated per provider).
import { loadLocalEnv } from './load-env';
import { applyMigrations, providerOf } from './db/schema-engine';
import { sqliteFilePath, env } from '../lib/env';

loadLocalEnv();
const url = env().DATABASE_URL;
const target = providerOf(url) === 'postgresql' ? url : sqliteFilePath(url);
const applied = await applyMigrations(target);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
