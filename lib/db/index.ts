// The one Prisma client of the process, over a driver adapter (no native Prisma engine): better-sqlite3 for a
// file: URL, pg for a postgresql:// URL (lib/db/providers.ts has the provider-specific bits).
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { clientFor, connectionOf, type Connection } from './providers';

export type Db = PrismaClient;
export type { Connection, Provider } from './providers';

const connections = new WeakMap<PrismaClient, Connection>();

export function createDb(url: string = env().DATABASE_URL): PrismaClient {
  const connection = connectionOf(url);
  const client = clientFor(connection);
  connections.set(client, connection);
  return client;
}

/** Where a client made by createDb works (for code that keeps its own connection, lib/review/store.ts). */
export function connectionFor(db: PrismaClient): Connection {
  const c = connections.get(db);
  if (!c) throw new Error('not a client made by createDb');
  return c;
}

/** The SQLite file a client made by createDb works on; throws for a PostgreSQL client. */
export function databaseFile(db: PrismaClient): string {
  const c = connectionFor(db);
  if (c.provider !== 'sqlite') throw new Error('not a SQLite client');
  return c.file;
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** Shared client; reused across hot reloads in development. */
export const db: PrismaClient = globalForDb.__db ?? createDb();
if (env().NODE_ENV !== 'production') globalForDb.__db = db;
