// The one Prisma client of the process, over the better-sqlite3 driver adapter (no native Prisma engine).
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env, sqliteFilePath } from '@/lib/env';

export type Db = PrismaClient;

export function createDb(url: string = env().DATABASE_URL): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 5000 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** Shared client; reused across hot reloads in development. */
export const db: PrismaClient = globalForDb.__db ?? createDb();
if (env().NODE_ENV !== 'production') globalForDb.__db = db;
