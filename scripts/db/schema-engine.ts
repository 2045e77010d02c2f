// Runs Prisma's schema engine as WebAssembly (from npm), so migrations work on machines that cannot
// download Prisma's native engine. Migration folders stay in Prisma's own format and checksums, so
// stock `prisma migrate deploy` accepts a database migrated here and vice versa.
import { readFile, readdir, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

export const SCHEMA_PATH = path.resolve('prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve('prisma/migrations');
/** The schema as of the newest migration: `db:migration:new` diffs the current schema against it. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, 'schema-snapshot.prisma.txt');

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

/** Opens the engine on the SQLite file at `dbFile` (created if missing). */
export async function openEngine(dbFile: string, schemaText: string, verbose = false): Promise<Engine> {
  await mkdir(path.dirname(dbFile), { recursive: true });
  const mod = await loadEngineModule();
  // engine.free() does not close the connections it opened; track them so closing the engine releases the file.
  const inner = new PrismaBetterSqlite3({ url: dbFile });
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
  const engine = await mod.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schemaText]] }, log, bindMigrationAwareSqlAdapterFactory(tracked));
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

/** Applies pending migrations to the SQLite file; returns the names applied. */
export async function applyMigrations(dbFile: string, baseDir = MIGRATIONS_DIR): Promise<string[]> {
  const schemaText = await readFile(SCHEMA_PATH, 'utf8');
  const engine = await openEngine(dbFile, schemaText);
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
    enableWal(dbFile);
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

/** SQL that turns the schema `from` (or an empty database) into `to`. */
export async function diffSchemas(from: string | null, to: string, scratchDbFile: string): Promise<string> {
  const engine = await openEngine(scratchDbFile, to);
  try {
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: from }] },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: to }] },
      script: true,
      exitCode: null,
      filters,
    });
    return result.stdout ?? '';
  } finally {
    await engine.free();
  }
}
