import { describe, expect, it } from 'vitest';
import { cardsLlmConfig, parseEnv, sqliteFilePath } from './env';

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
  it('leaves LLM card generation off by default and validates its settings', () => {
    expect(cardsLlmConfig(parseEnv({}))).toBeNull();
    expect(cardsLlmConfig(parseEnv({ CARDS_LLM_URL: 'http://localhost:11434/v1', CARDS_LLM_MODEL: 'qwen2.5:7b', CARDS_LLM_KEY: '', CARDS_LLM_TIMEOUT_MS: '30000' }))).toEqual({
      url: 'http://localhost:11434/v1',
      model: 'qwen2.5:7b',
      timeoutMs: 30000,
      cacheDir: '.cache/cards-llm',
    });
    expect(cardsLlmConfig(parseEnv({ CARDS_LLM_URL: 'https://api.example.com/v1', CARDS_LLM_MODEL: 'm', CARDS_LLM_KEY: 'sk-1', CARDS_LLM_CACHE_DIR: '/tmp/c' }))).toMatchObject({ key: 'sk-1', timeoutMs: 120000, cacheDir: '/tmp/c' });
    expect(() => parseEnv({ CARDS_LLM_URL: 'localhost:11434' })).toThrow(/CARDS_LLM_URL: must be an http\(s\) URL/);
    expect(() => parseEnv({ CARDS_LLM_URL: 'http://localhost:11434/v1' })).toThrow(/CARDS_LLM_MODEL: set both/);
    expect(() => parseEnv({ CARDS_LLM_URL: 'http://x/v1', CARDS_LLM_MODEL: 'm', CARDS_LLM_TIMEOUT_MS: 'soon' })).toThrow(/CARDS_LLM_TIMEOUT_MS: must be a number/);
    expect(() => parseEnv({ CARDS_LLM_URL: 'http://x/v1', CARDS_LLM_MODEL: 'm', CARDS_LLM_TIMEOUT_MS: '10' })).toThrow(/CARDS_LLM_TIMEOUT_MS: must be at least 1000/);
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
