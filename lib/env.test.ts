import { describe, expect, it } from 'vitest';
import { parseEnv, sqliteFilePath } from './env';

describe('parseEnv', () => {
  it('applies defaults', () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBe('file:./data/app.db');
    expect(e.APP_MODE).toBe('demo');
    expect(e.GITHUB_ID).toBeUndefined();
  });
  it('refuses bad values with a message naming the variable', () => {
    expect(() => parseEnv({ APP_MODE: 'prod' })).toThrow(/APP_MODE/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: 'short' })).toThrow(/NEXTAUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ NEXTAUTH_URL: 'not a url' })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ GITHUB_ID: 'x' })).toThrow(/GITHUB_SECRET: set both/);
  });
  it('resolves relative and absolute SQLite paths', () => {
    expect(sqliteFilePath('file:/tmp/x.db')).toBe('/tmp/x.db');
    expect(sqliteFilePath('file:./data/app.db')).toBe(`${process.cwd()}/data/app.db`);
  });
});

describe('DATABASE_URL', () => {
  it('accepts SQLite and PostgreSQL URLs and refuses others with an example', () => {
    expect(parseEnv({ DATABASE_URL: 'postgresql://app:pw@db.example:5432/course' }).DATABASE_URL).toMatch(/^postgresql:/);
    expect(parseEnv({ DATABASE_URL: 'postgres://app@localhost/course?sslmode=require' }).DATABASE_URL).toMatch(/^postgres:/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x@y/z' })).toThrow(/DATABASE_URL: must be a SQLite URL.*or a PostgreSQL URL/);
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://host-without-database' })).toThrow(/DATABASE_URL/);
  });
});
