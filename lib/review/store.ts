// The review loop's own connection: better-sqlite3 with statements prepared once. Through Prisma each of the
// loop's small queries cost 2–7 ms of client overhead (the SQL itself ~0.05 ms; see docs/decisions/), which was
// most of a grade. Everything else keeps using Prisma. The SQL here is plain and portable (no SQLite-only
// functions); a PostgreSQL store would prepare the same statements with its driver.
import Database from 'better-sqlite3';
import { databaseFile, type Db } from '@/lib/db';

export type Handle = Database.Database;

const handles = new WeakMap<Db, Handle>();
const statements = new WeakMap<Handle, Map<string, Database.Statement>>();

/** One connection per Prisma client (so tests on their own database file get their own), opened on first use. */
export function handleFor(db: Db): Handle {
  let handle = handles.get(db);
  if (!handle) {
    handle = new Database(databaseFile(db), { timeout: 20 });
    // WAL lets learners read while another one's grade is written, across processes. The busy timeout is short:
    // waiting is synchronous and would stall the whole process; writers wait asynchronously instead (service.ts).
    handle.pragma('journal_mode = WAL');
    handles.set(db, handle);
  }
  return handle;
}

/** A statement prepared once per connection (preparing costs more than running these small queries). */
export function statement(handle: Handle, sql: string): Database.Statement {
  let byText = statements.get(handle);
  if (!byText) {
    byText = new Map();
    statements.set(handle, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = handle.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt;
}

/** DateTime as Prisma's SQLite adapter stores it (text compared as text, so the format must be the same). */
export function sqlTime(d: Date): string {
  return d.toISOString().replace('Z', '+00:00');
}

export function fromSqlTime(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}
