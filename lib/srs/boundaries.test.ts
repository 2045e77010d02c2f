// Guards the module's rules: ts-fsrs and the native binding stay behind lib/srs, the library never
// reads the clock, and it imports nothing from Next.js or Prisma.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

const importsOf = (source: string): string[] =>
  [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

const libraryFiles = sourceFiles(here).filter((f) => !/\.test\.ts$|test-helpers\.ts$/.test(f));
const name = (file: string) => relative(here, file);

describe('lib/srs boundaries', () => {
  it('only fsrs-adapter.ts imports ts-fsrs and only optimise.ts imports the binding', () => {
    for (const file of libraryFiles) {
      const imports = importsOf(readFileSync(file, 'utf8'));
      if (name(file) !== 'fsrs-adapter.ts') expect(imports, name(file)).not.toContain('ts-fsrs');
      if (name(file) !== 'optimise.ts') {
        expect(imports.filter((i) => i.startsWith('@open-spaced-repetition/')), name(file)).toEqual([]);
      }
    }
  });

  it('index.ts loads no native code (optimise is re-exported as types only)', () => {
    const index = readFileSync(join(here, 'index.ts'), 'utf8');
    expect(index).toMatch(/export type \{[^}]*\} from '\.\/optimise'/);
    expect(index).not.toMatch(/export \{[^}]*\} from '\.\/optimise'/);
  });

  it('never reads the clock and imports no framework', () => {
    for (const file of libraryFiles) {
      const source = readFileSync(file, 'utf8');
      expect(source, name(file)).not.toMatch(/Date\.now\(|new Date\(\)/);
      expect(importsOf(source).filter((i) => /^(next|react|@prisma|server-only)(\/|$)/.test(i)), name(file)).toEqual([]);
    }
  });

  it('starts every module with a comment saying its job', () => {
    for (const file of libraryFiles) expect(readFileSync(file, 'utf8'), name(file)).toMatch(/^\/\/ \S/);
  });

  it('code outside lib/srs does not import ts-fsrs or the binding directly', () => {
    const outside = ['app', 'components', 'lib', 'scripts', 'prisma', 'e2e']
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .filter((file) => !file.startsWith(here));
    const offenders = outside.filter((file) =>
      importsOf(readFileSync(file, 'utf8')).some((i) => i === 'ts-fsrs' || i.startsWith('@open-spaced-repetition/')),
    );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });
});
