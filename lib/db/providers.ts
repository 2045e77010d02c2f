// Everything that differs between the database providers, in one place: which URL means which provider, the
// Prisma client generated for it and its driver adapter. The two generated clients come from the one schema
// (scripts/db-generate.ts) and have the same models; code is typed against the SQLite one.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PgPrismaClient } from '@/lib/generated/prisma-postgresql/client';
import { sqliteFilePath } from '@/lib/env';

export type Provider = 'sqlite' | 'postgresql';

/** Where a client's data lives: a SQLite file or a PostgreSQL connection string. */
export type Connection = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string };

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}


export function connectionOf(url: string): Connection {
  return isPostgresUrl(url) ? { provider: 'postgresql', url } : { provider: 'sqlite', file: sqliteFilePath(url) };
}

/** PostgreSQL connections per app process (each node has its own pool; put PgBouncer in front for many nodes). */
export const PG_POOL_MAX = 10;

export function clientFor(c: Connection): PrismaClient {
  if (c.provider === 'sqlite') return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: c.file, timeout: 5000 }) });
  const pgClient = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: c.url, max: PG_POOL_MAX }) });
  // Same models and methods from the same schema; only the provider differs (see the file comment).
  return pgClient as unknown as PrismaClient;
}
