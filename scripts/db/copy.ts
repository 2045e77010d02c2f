// Copies a whole SQLite deployment into an empty, migrated PostgreSQL database (`npm run db:copy`): every table
// but Prisma's own, parents before children (foreign keys read from SQLite), in one PostgreSQL transaction, so a
// failure leaves the target empty. Values are converted by the target column's type (SQLite keeps booleans as
// 0/1 and times as ISO text). Before the commit each table's row count and checksum are compared on both sides
// (a mismatch rolls back): the checksum is the sum (mod 2^128) of a hash of each row's canonical text, so it does
// not depend on row order.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface TableReport {
  table: string;
  rows: number;
  checksum: string;
}

export class CopyError extends Error {}

type Kind = 'text' | 'boolean' | 'timestamp' | 'bigint' | 'integer' | 'float' | 'bytes' | 'json';
interface Column {
  name: string;
  kind: Kind;
  /** PostgreSQL's name of the column's type (int4, text, timestamp…), for the array casts of the insert. */
  udt: string;
}

const PG_TIMESTAMP = 1114;
const PG_TIMESTAMPTZ = 1184;

function kindOf(dataType: string): Kind {
  if (dataType === 'boolean') return 'boolean';
  if (dataType.startsWith('timestamp') || dataType === 'date') return 'timestamp';
  if (dataType === 'bigint') return 'bigint';
  if (dataType === 'integer' || dataType === 'smallint') return 'integer';
  if (dataType === 'double precision' || dataType === 'real' || dataType === 'numeric') return 'float';
  if (dataType === 'bytea') return 'bytes';
  if (dataType === 'jsonb' || dataType === 'json') return 'json';
  return 'text';
}

/** A SQLite time (ISO text with or without an offset, "YYYY-MM-DD HH:MM:SS" in UTC, or epoch ms) as a Date. */
function sqliteDate(v: unknown): Date {
  if (typeof v === 'number' || typeof v === 'bigint') return new Date(Number(v));
  const s = String(v).trim().replace(' ', 'T');
  const d = new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(s) ? s : `${s}Z`);
  if (Number.isNaN(d.getTime())) throw new CopyError(`not a time: ${String(v)}`);
  return d;
}

/** The value to send to PostgreSQL for a SQLite value in a column of this kind. */
function toPg(v: unknown, kind: Kind): unknown {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'boolean':
      return Boolean(Number(v));
    case 'timestamp':
      // Sent as UTC wall time: the columns are `timestamp` (no time zone) and Prisma keeps UTC in them.
      return sqliteDate(v).toISOString().replace('Z', '');
    case 'bigint':
      return String(v);
    case 'bytes':
      return Buffer.isBuffer(v) ? v : Buffer.from(String(v));
    default:
      return v;
  }
}

/** One value as canonical text, the same for a SQLite value and the PostgreSQL value copied from it. */
function canonical(v: unknown, kind: Kind, side: 'sqlite' | 'pg'): string {
  if (v === null || v === undefined) return '\u0000';
  switch (kind) {
    case 'boolean':
      return (side === 'sqlite' ? Boolean(Number(v)) : v === true) ? 't' : 'f';
    case 'timestamp':
      return (side === 'sqlite' ? sqliteDate(v) : new Date(`${String(v).replace(' ', 'T')}Z`)).toISOString();
    case 'bigint':
    case 'integer':
      return BigInt(v as number | string).toString();
    case 'float':
      return String(Number(v));
    case 'bytes':
      return (v as Buffer).toString('hex');
    case 'json':
      return JSON.stringify(side === 'sqlite' ? JSON.parse(String(v)) : v);
    default:
      return String(v);
  }
}

class Checksum {
  private sum = 0n;
  rows = 0;
  add(values: string[]): void {
    const h = createHash('sha256').update(values.join('\u0001')).digest();
    this.sum = (this.sum + BigInt(`0x${h.subarray(0, 16).toString('hex')}`)) & ((1n << 128n) - 1n);
    this.rows++;
  }
  get hex(): string {
    return this.sum.toString(16).padStart(32, '0');
  }
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
export function fkOrder(tables: string[], parentsOf: (table: string) => string[]): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string, path: string[]) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new CopyError(`foreign keys form a cycle: ${[...path, t].join(' → ')}`);
    state.set(t, 'visiting');
    for (const p of parentsOf(t)) if (p !== t && tables.includes(p)) visit(p, [...path, t]);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t, []);
  return order;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A pg client that hands back `timestamp` values as PostgreSQL's text (not as local-time Dates). */
function pgClient(url: string): pg.Client {
  return new pg.Client({
    connectionString: url,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === PG_TIMESTAMP || oid === PG_TIMESTAMPTZ ? (s: string) => s : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
}

export interface CopyOptions {
  /** Called with a line of progress (e.g. console.log). */
  log?: (line: string) => void;
}

/** Copies `sqliteFile` into the PostgreSQL database at `pgUrl`; returns the verified counts and checksums. */
export async function copySqliteToPostgres(sqliteFile: string, pgUrl: string, opts: CopyOptions = {}): Promise<TableReport[]> {
  const log = opts.log ?? (() => {});
  const src = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const dst = pgClient(pgUrl);
  await dst.connect();
  try {
    const sourceTables = (src.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`).all() as { name: string }[]).map((r) => r.name);
    if (sourceTables.length === 0) throw new CopyError(`${sqliteFile} has no tables: is it this app's database?`);
    const targetColumns = new Map<string, Column[]>();
    const cols = await dst.query<{ table_name: string; column_name: string; data_type: string; udt_name: string }>(
      `SELECT table_name, column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    );
    for (const c of cols.rows) {
      const list = targetColumns.get(c.table_name) ?? [];
      list.push({ name: c.column_name, kind: kindOf(c.data_type), udt: c.udt_name });
      targetColumns.set(c.table_name, list);
    }
    if (!targetColumns.has('_prisma_migrations')) throw new CopyError('the target database is not migrated: run `DATABASE_URL=<target> npm run db:migrate` first');

    // Every source column must have a home in the target (same migrations applied on both sides).
    const plan = new Map<string, Column[]>();
    for (const table of sourceTables) {
      const target = targetColumns.get(table);
      if (!target) throw new CopyError(`table ${table} is missing in the target: migrate both databases to the same version first`);
      const sourceCols = (src.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
      const missing = sourceCols.filter((c) => !target.some((t) => t.name === c));
      if (missing.length) throw new CopyError(`columns ${missing.map((c) => `${table}.${c}`).join(', ')} are missing in the target: migrate both databases to the same version first`);
      plan.set(table, sourceCols.map((c) => target.find((t) => t.name === c)!));
    }

    // An empty target only: a copy never merges into existing data.
    for (const table of [...targetColumns.keys()].filter((t) => t !== '_prisma_migrations')) {
      const { rows } = await dst.query<{ n: number }>(`SELECT 1 AS n FROM ${quote(table)} LIMIT 1`);
      if (rows.length) throw new CopyError(`the target is not empty (table ${table} has rows); db:copy only copies into an empty, migrated database`);
    }

    const order = fkOrder(sourceTables, (t) => (src.prepare(`SELECT DISTINCT "table" AS parent FROM pragma_foreign_key_list(?)`).all(t) as { parent: string }[]).map((r) => r.parent));
    const expected = new Map<string, Checksum>();
    const report: TableReport[] = [];
    await dst.query('BEGIN');
    try {
      for (const table of order) {
        const columns = plan.get(table)!;
        const sum = new Checksum();
        // One array parameter per column, unnested into rows: far cheaper to send and parse than a parameter per value.
        const perBatch = 5000;
        const insert = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')}) SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${quote(c.udt)}[]`).join(', ')})`;
        let batch: unknown[][] = [];
        const flush = async () => {
          if (!batch.length) return;
          await dst.query(insert, columns.map((_, c) => batch.map((row) => row[c])));
          batch = [];
        };
        const read = src.prepare(`SELECT ${columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table)}`).raw(true);
        for (const row of read.iterate() as IterableIterator<unknown[]>) {
          sum.add(row.map((v, i) => canonical(v, columns[i]!.kind, 'sqlite')));
          batch.push(row.map((v, i) => toPg(v, columns[i]!.kind)));
          if (batch.length >= perBatch) await flush();
        }
        await flush();
        expected.set(table, sum);
        log(`  ${table}: ${sum.rows.toLocaleString('en')} rows`);
      }

      // Verify before committing: read every copied table back and compare its count and checksum with the
      // source's; a mismatch rolls the whole copy back.
      for (const table of order) {
        const columns = plan.get(table)!;
        const sum = new Checksum();
        await dst.query(`DECLARE copy_check NO SCROLL CURSOR FOR SELECT ${columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table)}`);
        for (;;) {
          const { rows } = await dst.query({ text: 'FETCH 5000 FROM copy_check', rowMode: 'array' });
          for (const row of rows as unknown[][]) sum.add(row.map((v, i) => canonical(v, columns[i]!.kind, 'pg')));
          if (rows.length < 5000) break;
        }
        await dst.query('CLOSE copy_check');
        const want = expected.get(table)!;
        if (sum.rows !== want.rows || sum.hex !== want.hex) {
          throw new CopyError(`verification failed for ${table}: source ${want.rows} rows (checksum ${want.hex}), target ${sum.rows} rows (checksum ${sum.hex}); nothing was copied`);
        }
        report.push({ table, rows: sum.rows, checksum: sum.hex });
      }
      await dst.query('COMMIT');
    } catch (e) {
      await dst.query('ROLLBACK').catch(() => {});
      throw e;
    }
    return report;
  } finally {
    src.close();
    await dst.end();
  }
}
