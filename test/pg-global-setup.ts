// Vitest global setup of the PostgreSQL run: one server for the run (TEST_POSTGRES_URL, or a throwaway cluster),
// with a migrated template database; each integration test file gets a fresh copy of it (test/db.ts).
import { applyMigrations } from '@/scripts/db/schema-engine';
import { createDatabase, dropDatabase, startPostgres } from '@/scripts/db/pg-server';

export default async function setup(): Promise<() => Promise<void>> {
  const server = await startPostgres();
  const template = `course_template_${process.pid}`;
  await dropDatabase(server.url, template);
  const url = await createDatabase(server.url, template);
  await applyMigrations(url);
  process.env.TEST_PG_SERVER_URL = server.url;
  process.env.TEST_PG_TEMPLATE = template;
  return async () => {
    try {
      await dropDatabase(server.url, template);
    } finally {
      await server.stop();
    }
  };
}
