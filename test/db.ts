// Integration tests get their own freshly migrated SQLite file (never the dev database).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigrations } from '@/scripts/db/schema-engine';
import { createDb, type Db } from '@/lib/db';

export interface TestDb {
  db: Db;
  url: string;
  cleanup: () => Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'course-test-'));
  const file = path.join(dir, 'test.db');
  await applyMigrations(file);
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
