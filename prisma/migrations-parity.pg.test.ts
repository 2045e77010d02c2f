// The two migration folders describe one schema: after migrating, SQLite and PostgreSQL have the same tables,
// columns, nullability and indexes by name. Runs in the PostgreSQL project only (vitest.config.ts, *.pg.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTestDb, type TestDb } from '@/test/db';
import { applyMigrations } from '@/scripts/db/schema-engine';

let t: TestDb;
let dir: string;
let file: string;

beforeAll(async () => {
  t = await createTestDb();
  dir = mkdtempSync(path.join(os.tmpdir(), 'parity-'));
  file = path.join(dir, 'p.db');
  await applyMigrations(file);
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function sqliteShape() {
  const conn = new Database(file, { readonly: true });
  try {
    const tables = (conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[]).map((r) => r.name);
    const columns = tables.flatMap((tb) => (conn.prepare(`SELECT name, "notnull" AS nn FROM pragma_table_info(?)`).all(tb) as { name: string; nn: number }[]).map((c) => `${tb}.${c.name}${c.nn ? ' not null' : ''}`));
    const indexes = (conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name);
    return { tables: tables.sort(), columns: columns.sort(), indexes: indexes.sort() };
  } finally {
    conn.close();
  }
}

async function pgShape() {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    const cols = await client.query<{ t: string; c: string; n: string }>(
      `SELECT table_name AS t, column_name AS c, is_nullable AS n FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const idx = await client.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND tablename <> '_prisma_migrations'`);
    return {
      tables: [...new Set(cols.rows.map((r) => r.t))].sort(),
      columns: cols.rows.map((r) => `${r.t}.${r.c}${r.n === 'NO' ? ' not null' : ''}`).sort(),
      indexes: idx.rows.map((r) => r.name).sort(),
    };
  } finally {
    await client.end();
  }
}

describe('SQLite and PostgreSQL migrations', () => {
  it('give the same tables, columns, nullability and indexes', async () => {
    const [lite, post] = [sqliteShape(), await pgShape()];
    expect(lite.tables.length).toBeGreaterThan(10);
    expect(post.tables).toEqual(lite.tables);
    expect(post.columns).toEqual(lite.columns);
    expect(post.indexes).toEqual(lite.indexes);
  });
});
