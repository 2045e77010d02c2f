// prisma/migrations-postgresql is in the layout `prisma migrate deploy` reads (Prisma 7's CLI lists the folder the
// same way: migration_lock.toml at the root, only sub-folders, each one's migration.sql, sorted by name), and the
// schema engine checks its lockfile: the folder is refused under another provider's lockfile and accepted (nothing
// left to apply) under its own. Stock `prisma migrate deploy` needs native engines this machine cannot download.
// Runs in the PostgreSQL project only (vitest.config.ts, *.pg.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createTestDb, type TestDb } from '@/test/db';
import { openEngine, PG_MIGRATIONS_DIR, readMigrationDirectories, SCHEMA_PATH } from '@/scripts/db/schema-engine';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

async function deploy(lockfile: string) {
  const engine = await openEngine(t.url, readFileSync(SCHEMA_PATH, 'utf8'));
  try {
    return await engine.applyMigrations({
      migrationsList: {
        baseDir: PG_MIGRATIONS_DIR,
        shadowDbInitScript: '',
        lockfile: { path: 'migration_lock.toml', content: lockfile },
        migrationDirectories: await readMigrationDirectories(PG_MIGRATIONS_DIR),
      },
      filters: { externalTables: [], externalEnums: [] },
    });
  } finally {
    await engine.free();
  }
}

describe('prisma/migrations-postgresql in Prisma migrate format', () => {
  it('has a postgresql lockfile and one migration.sql per folder, nothing else but the schema snapshot', () => {
    expect(readFileSync(path.join(PG_MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')).toMatch(/^provider = "postgresql"$/m);
    const entries = readdirSync(PG_MIGRATIONS_DIR);
    const folders = entries.filter((e) => statSync(path.join(PG_MIGRATIONS_DIR, e)).isDirectory());
    expect(folders.length).toBeGreaterThan(0);
    for (const f of folders) {
      expect(f).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(existsSync(path.join(PG_MIGRATIONS_DIR, f, 'migration.sql'))).toBe(true);
    }
    expect(entries.filter((e) => !folders.includes(e)).sort()).toEqual(['migration_lock.toml', 'schema-snapshot.prisma.txt']);
  });

  it("the engine refuses it under a sqlite lockfile and accepts it under its own (already applied)", async () => {
    await expect(deploy('provider = "sqlite"\n')).rejects.toThrow(/does not match the one specified in the migration_lock\.toml/);
    const lock = readFileSync(path.join(PG_MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8');
    expect((await deploy(lock)).appliedMigrationNames).toEqual([]);
  });
});
