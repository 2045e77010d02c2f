// Runs Prisma's schema engine as WebAssembly (from npm), so migrations work on machines that cannot
// download Prisma's native engine. Migration folders stay in Prisma's own format and checksums, so
// stock `prisma migrate deploy` accepts a database migrated here and vice versa.
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

export const SCHEMA_PATH = path.resolve('prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve('prisma/migrations');
/** PostgreSQL's migrations, generated from the same schema with the provider switched (see providerSchema). */
export const PG_MIGRATIONS_DIR = path.resolve('prisma/migrations-postgresql');
/** The schema as of the newest migration: `db:migration:new` diffs the current schema against it. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, 'schema-snapshot.prisma.txt');

export type Provider = 'sqlite' | 'postgresql';

/** A target is a SQLite file path (or file: URL) or a postgres(ql):// URL. */
export function providerOf(target: string): Provider {
  return /^postgres(ql)?:\/\//.test(target) ? 'postgresql' : 'sqlite';
}

export function migrationsDirFor(provider: Provider): string {
  return provider === 'postgresql' ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR;
}

/**
 * The one schema (prisma/schema.prisma, written for SQLite) with its datasource provider switched. The schema keeps
 * to types both databases have, so the provider line is the only difference; the generated client's output goes
 * to its own folder (lib/generated/prisma-postgresql).
 */
export function providerSchema(schemaText: string, provider: Provider): string {
  if (provider === 'sqlite') return schemaText;
  const switched = schemaText
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"([^"]+)"/, '$1"$2-postgresql"');
  if (!/provider\s*=\s*"postgresql"/.test(switched)) throw new Error('prisma/schema.prisma: datasource provider "sqlite" not found');
  return switched;
}

const filters = { externalTables: [], externalEnums: [] };

interface EngineModule {
  SchemaEngine: {
    new: (options: { datamodels: [string, string][] }, log: (msg: string) => void, adapter: object) => Promise<Engine>;
  };
}

export interface Engine {
  free(): void | Promise<void>;
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
}

let loaded: Promise<EngineModule> | undefined;

/** The wasm glue keeps module-level state (memory views), so it is instantiated once per process. */
function loadEngineModule(): Promise<EngineModule> {
  loaded ??= instantiateEngineModule();
  return loaded;
}

async function instantiateEngineModule(): Promise<EngineModule> {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bg = (await import(path.join(pkgDir, 'schema_engine_bg.js'))) as Record<string, unknown> & {
    __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
  };
  const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg as unknown as EngineModule;
}

/** Opens the engine on the SQLite file at `target` (created if missing) or the PostgreSQL database at a URL. */
export async function openEngine(target: string, schemaText: string, verbose = false): Promise<Engine> {
  const provider = providerOf(target);
  const dbFile = target.replace(/^file:/, '');
  if (provider === 'sqlite') await mkdir(path.dirname(dbFile), { recursive: true });
  const mod = await loadEngineModule();
  // engine.free() does not close the connections it opened; track them so closing the engine releases the file.
  const inner = provider === 'postgresql' ? new PrismaPg({ connectionString: target }) : new PrismaBetterSqlite3({ url: dbFile });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const conn = await inner.connect();
      opened.push(conn);
      return conn;
    },
    connectToShadowDb: async () => {
      const conn = await inner.connectToShadowDb();
      opened.push(conn);
      return conn;
    },
  };
  const log = (msg: string) => {
    if (verbose) console.error(msg);
  };
  const engine = await mod.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, providerSchema(schemaText, provider)]] }, log, bindMigrationAwareSqlAdapterFactory(tracked));
  return {
    diff: (params) => engine.diff(params),
    applyMigrations: (input) => engine.applyMigrations(input),
    free: async () => {
      engine.free();
      await Promise.all(opened.map((c) => c.dispose()));
    },
  };
}

export async function readMigrationDirectories(baseDir = MIGRATIONS_DIR) {
  if (!existsSync(baseDir)) return [];
  const entries = (await readdir(baseDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    entries.map(async (name) => {
      const file = path.join(baseDir, name, 'migration.sql');
      const content = existsSync(file)
        ? { tag: 'ok' as const, value: await readFile(file, 'utf8') }
        : { tag: 'error' as const, value: `missing ${file}` };
      return { path: name, migrationFile: { path: 'migration.sql', content } };
    }),
  );
}

/** Applies pending migrations to the SQLite file or PostgreSQL URL (that provider's folder); returns the names applied. */
export async function applyMigrations(target: string, baseDir = migrationsDirFor(providerOf(target))): Promise<string[]> {
  const provider = providerOf(target);
  const schemaText = await readFile(SCHEMA_PATH, 'utf8');
  const engine = await openEngine(target, schemaText);
  try {
    const lockPath = path.join(baseDir, 'migration_lock.toml');
    const lockContent = existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null;
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir,
        shadowDbInitScript: '',
        lockfile: { path: 'migration_lock.toml', content: lockContent },
        migrationDirectories: await readMigrationDirectories(baseDir),
      },
      filters,
    });
    return result.appliedMigrationNames;
  } finally {
    await engine.free();
    if (provider === 'sqlite') enableWal(target.replace(/^file:/, ''));
  }
}

/** Write-ahead logging lets learners read while another one's grade is written; the mode is kept in the file. */
function enableWal(dbFile: string): void {
  const conn = new Database(dbFile);
  try {
    conn.pragma('journal_mode = WAL');
  } finally {
    conn.close();
  }
}

/**
 * SQL that turns the schema `from` (or an empty database) into `to`, for the provider of `scratch` (a SQLite file,
 * or a PostgreSQL URL: the engine connects but the diff reads only the two schemas).
 */
export async function diffSchemas(from: string | null, to: string, scratch: string): Promise<string> {
  const provider = providerOf(scratch);
  const engine = await openEngine(scratch, to);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: providerSchema(from, provider) }] },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: providerSchema(to, provider) }] },
      script: true,
      exitCode: null,
      filters,
    });
    return result.stdout ?? '';
  } finally {
    await engine.free();
  }
}
