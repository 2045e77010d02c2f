// Integration tests get their own freshly migrated database (never the dev database): a SQLite file, or in the
// PostgreSQL run (TEST_DB_PROVIDER=postgresql, see vitest.config.ts) a new database copied from the migrated template.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { applyMigrations } from '@/scripts/db/schema-engine';
import { createDatabase, dropDatabase } from '@/scripts/db/pg-server';
import { createDb, type Db, type Provider } from '@/lib/db';
import { closeStoreFor } from '@/lib/review/store';

export interface TestDb {
  db: Db;
  url: string;
  provider: Provider;
  cleanup: () => Promise<void>;
}

/** The provider this test run is on. */
export function testProvider(): Provider {
  return process.env.TEST_DB_PROVIDER === 'postgresql' ? 'postgresql' : 'sqlite';
}

export async function createTestDb(): Promise<TestDb> {
  return testProvider() === 'postgresql' ? createPgTestDb() : createSqliteTestDb();
}

async function createSqliteTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'course-test-'));
  const file = path.join(dir, 'test.db');
  await applyMigrations(file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    provider: 'sqlite',
    cleanup: async () => {
      await closeStoreFor(db);
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPgTestDb(): Promise<TestDb> {
  const server = process.env.TEST_PG_SERVER_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!server || !template) throw new Error('TEST_DB_PROVIDER=postgresql needs vitest.config.ts global setup (test/pg-global-setup.ts)');
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(server, name, template);
  const db = createDb(url);
  return {
    db,
    url,
    provider: 'postgresql',
    cleanup: async () => {
      await closeStoreFor(db);
      await db.$disconnect();
      await dropDatabase(server, name);
    },
  };
}
