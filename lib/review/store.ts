// The review loop's own connection, behind one interface for both providers: better-sqlite3 with statements
// prepared once (SQLite), or a pg pool (PostgreSQL). Through Prisma each of the loop's small queries cost 2–7 ms of
// client overhead (the SQL itself ~0.05 ms; see docs/decisions/), which was most of a grade. Everything else keeps
// using Prisma. The SQL given here is plain and portable, with `?` placeholders (numbered for PostgreSQL here).
import Database from 'better-sqlite3';
import pg from 'pg';
import { connectionFor, type Db } from '@/lib/db';

/** Runs the loop's statements; rows come back with times as ISO text and counts as numbers on both providers. */
export interface SqlRunner {
  get<T>(sql: string, ...params: unknown[]): Promise<T | undefined>;
  all<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** The number of rows changed. */
  run(sql: string, ...params: unknown[]): Promise<number>;
}

export interface ReviewStore extends SqlRunner {
  readonly provider: 'sqlite' | 'postgresql';
  /**
   * One write transaction. SQLite: BEGIN IMMEDIATE takes the write lock before reading, so no other process commits
   * between this read and this write. PostgreSQL: READ COMMITTED, so callers make writes conditional (the
   * version-checked update) and let unique indexes have the last word.
   */
  write<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Several reads that belong together (today's counts and the next card) from one snapshot. SQLite: one read
   * transaction, so the connection checks once, not per statement, whether another process committed (which empties
   * its page cache). PostgreSQL: the pool, as single reads.
   */
  read<T>(work: (q: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const stores = new WeakMap<Db, ReviewStore>();

/** One store per Prisma client (so tests on their own database get their own), opened on first use. */
export function storeFor(db: Db): ReviewStore {
  let store = stores.get(db);
  if (!store) {
    const c = connectionFor(db);
    store = c.provider === 'sqlite' ? new SqliteStore(c.file) : new PgStore(c.url);
    stores.set(db, store);
  }
  return store;
}

/** Closes the store of a client, if one was opened (tests dropping their database). */
export async function closeStoreFor(db: Db): Promise<void> {
  const store = stores.get(db);
  stores.delete(db);
  await store?.close();
}

/** A client or a runner already chosen (inside a write transaction). */
export function runnerOf(q: Db | SqlRunner): SqlRunner {
  return '$queryRaw' in q ? storeFor(q) : q;
}

/** A unique index refused the row (SQLite or PostgreSQL). */
export function isUniqueViolation(e: unknown): boolean {
  if (!(e instanceof Error) || !('code' in e)) return false;
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === '23505';
}

export { fromSqlTime, sqlTime } from './sql-time';

// ---------- SQLite ----------

class SqliteStore implements ReviewStore {
  readonly provider = 'sqlite' as const;
  private readonly handle: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Set while a write transaction is open: reads on this connection wait, so they never see uncommitted rows. */
  private open: Promise<void> | null = null;
  private readonly direct: SqlRunner;

  constructor(file: string) {
    this.handle = new Database(file, { timeout: 20 });
    // WAL lets learners read while another one's grade is written, across processes. The busy timeout is short:
    // waiting is synchronous and would stall the whole process; writers wait asynchronously instead (write()).
    this.handle.pragma('journal_mode = WAL');
    this.direct = {
      get: async <T>(sql: string, ...params: unknown[]) => this.statement(sql).get(...params) as T | undefined,
      all: async <T>(sql: string, ...params: unknown[]) => this.statement(sql).all(...params) as T[],
      run: async (sql: string, ...params: unknown[]) => this.statement(sql).run(...params).changes,
    };
  }

  /** A statement prepared once (preparing costs more than running these small queries). */
  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.handle.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private async idle(): Promise<void> {
    while (this.open) await this.open;
  }

  async get<T>(sql: string, ...params: unknown[]) {
    if (this.open) await this.idle();
    return this.direct.get<T>(sql, ...params);
  }
  async all<T>(sql: string, ...params: unknown[]) {
    if (this.open) await this.idle();
    return this.direct.all<T>(sql, ...params);
  }
  async run(sql: string, ...params: unknown[]) {
    if (this.open) await this.idle();
    return this.direct.run(sql, ...params);
  }

  /**
   * The work only awaits this connection's own (synchronous) statements, so the lock is held for well under a
   * millisecond. When another connection holds the lock, this waits without blocking the event loop (the
   * connection's own busy wait would stall every request of this process) and tries again.
   */
  async write<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    // Checked and taken in one synchronous step (an await between the two would let two writers in).
    while (this.open) await this.open;
    let release = () => {};
    this.open = new Promise<void>((r) => (release = r));
    try {
      const deadline = Date.now() + 5_000;
      for (let attempt = 0; ; attempt++) {
        try {
          this.statement('BEGIN IMMEDIATE').run();
          break;
        } catch (e) {
          const busy = e instanceof Error && 'code' in e && typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY');
          if (!busy || Date.now() > deadline) throw e;
          await new Promise((r) => setTimeout(r, Math.min(20, 1 + attempt) * (0.5 + Math.random())));
        }
      }
      try {
        const result = await work(this.direct);
        this.statement('COMMIT').run();
        return result;
      } catch (e) {
        if (this.handle.inTransaction) this.statement('ROLLBACK').run();
        throw e;
      }
    } finally {
      this.open = null;
      release();
    }
  }

  async read<T>(work: (q: SqlRunner) => Promise<T>): Promise<T> {
    // Like write(): the statements are this connection's own and synchronous; other requests' reads wait meanwhile.
    while (this.open) await this.open;
    let release = () => {};
    this.open = new Promise<void>((r) => (release = r));
    try {
      this.statement('BEGIN').run();
      try {
        return await work(this.direct);
      } finally {
        if (this.handle.inTransaction) this.statement('COMMIT').run();
      }
    } finally {
      this.open = null;
      release();
    }
  }

  async close(): Promise<void> {
    this.handle.close();
  }
}

// ---------- PostgreSQL ----------

const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const INT8 = 20;
const NUMERIC = 1700;

/** Prisma writes DateTime as UTC into TIMESTAMP(3); read it back as ISO text like the SQLite store does. */
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMP) return (v: string) => `${v.replace(' ', 'T')}Z`;
    if (oid === TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

/** `?` placeholders as PostgreSQL's `$1, $2…` (none of the loop's SQL has a `?` inside a quoted literal). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let out = '';
  let quoted = false;
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  return out;
}

class PgStore implements ReviewStore {
  readonly provider = 'postgresql' as const;
  private readonly pool: pg.Pool;
  private readonly texts = new Map<string, string>();

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 10, types });
  }

  private text(sql: string): string {
    let t = this.texts.get(sql);
    if (t === undefined) {
      t = numberPlaceholders(sql);
      this.texts.set(sql, t);
    }
    return t;
  }

  private runner(q: pg.Pool | pg.PoolClient): SqlRunner {
    return {
      get: async <T>(sql: string, ...params: unknown[]) => (await q.query(this.text(sql), params)).rows[0] as T | undefined,
      all: async <T>(sql: string, ...params: unknown[]) => (await q.query(this.text(sql), params)).rows as T[],
      run: async (sql: string, ...params: unknown[]) => (await q.query(this.text(sql), params)).rowCount ?? 0,
    };
  }

  get<T>(sql: string, ...params: unknown[]) {
    return this.runner(this.pool).get<T>(sql, ...params);
  }
  all<T>(sql: string, ...params: unknown[]) {
    return this.runner(this.pool).all<T>(sql, ...params);
  }
  run(sql: string, ...params: unknown[]) {
    return this.runner(this.pool).run(sql, ...params);
  }

  async write<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const result = await work(this.runner(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    } finally {
      client.release();
    }
  }

  read<T>(work: (q: SqlRunner) => Promise<T>): Promise<T> {
    return work(this.runner(this.pool));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
