// The one Prisma client of the process, over the better-sqlite3 driver adapter (no native Prisma engine).
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env, sqliteFilePath } from '@/lib/env';

export type Db = PrismaClient;

const files = new WeakMap<PrismaClient, string>();

export function createDb(url: string = env().DATABASE_URL): PrismaClient {
  const file = sqliteFilePath(url);
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const client = new PrismaClient({ adapter });
  files.set(client, file);
  return client;
}

/** The SQLite file a client made by createDb works on (for code that keeps its own prepared statements). */
export function databaseFile(db: PrismaClient): string {
  const file = files.get(db);
  if (!file) throw new Error('not a client made by createDb');
  return file;
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** Shared client; reused across hot reloads in development. */
export const db: PrismaClient = globalForDb.__db ?? createDb();
if (env().NODE_ENV !== 'production') globalForDb.__db = db;
