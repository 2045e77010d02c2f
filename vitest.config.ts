import { defineConfig } from 'vitest/config';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The same check as scripts/db/pg-server.ts's postgresAvailable (kept import-free for Vite's config loader). */
function postgresAvailable(): boolean {
  if (process.env.TEST_POSTGRES_URL) return true;
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/initdb`));
}

/** Integration tests: those on a fresh database from test/db.ts. They run on SQLite and again on PostgreSQL. */
function integrationFiles(): string[] {
  const skip = /(^|\/)(node_modules|\.next|data|e2e|\.git)(\/|$)/;
  return (readdirSync('.', { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.test.ts') && !skip.test(f))
    .filter((f) => readFileSync(f, 'utf8').includes("from '@/test/db'"))
    .sort();
}

// TEST_POSTGRES=0 skips the PostgreSQL run on purpose; otherwise it runs when TEST_POSTGRES_URL is set or
// PostgreSQL is installed (a throwaway server is started).
const wanted = process.env.TEST_POSTGRES !== '0';
const postgres = wanted && postgresAvailable();
if (!postgres && !process.env.VITEST_WORKER_ID) {
  console.log(
    `\n!! PostgreSQL run SKIPPED (${wanted ? 'no PostgreSQL here' : 'TEST_POSTGRES=0'}): the integration tests ran on SQLite only.\n` +
      '   Enable it: install PostgreSQL (Debian: apt-get install postgresql) or set TEST_POSTGRES_URL=postgresql://user@host:5432/postgres\n' +
      '   (a role that may CREATE DATABASE).\n',
  );
}

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // server-only throws outside React Server Components; tests run server code directly.
      'server-only': fileURLToPath(new URL('./test/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    exclude: ['node_modules/**', '.next/**', 'e2e/**', 'data/**'],
    environment: 'node',
    testTimeout: 20_000,
    // Each integration test file migrates a fresh SQLite file in its hooks; on a loaded 2-core machine that can pass 10 s.
    hookTimeout: 30_000,
    projects: [
      // `include` is per project: with `extends`, a root include would be added to the PostgreSQL project's.
      // *.pg.test.ts need PostgreSQL (e.g. comparing both providers' migrations) and run only in that project.
      { extends: true as const, test: { name: 'sqlite', include: ['**/*.test.ts'], exclude: ['node_modules/**', '.next/**', 'e2e/**', 'data/**', '**/*.pg.test.ts'] } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgresql',
                include: [...integrationFiles(), '**/*.pg.test.ts'],
                env: { TEST_DB_PROVIDER: 'postgresql' },
                // Each Prisma call is a network round trip here (sync's many upserts add up on a loaded machine).
                testTimeout: 60_000,
                hookTimeout: 60_000,
                globalSetup: ['test/pg-global-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
