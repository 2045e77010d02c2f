import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { verifyPassword } from '@/lib/auth/password';

let t: TestDb;
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return {
    ...original,
    get db() {
      return t.db;
    },
  };
});

vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

describe('signUp action (SQLite)', () => {
  it('creates a learner with a hashed password and the browser time zone', async () => {
    const { signUp } = await import('./auth');
    const result = await signUp({ name: ' Ana ', email: 'Ana@Example.com', password: 'long-enough', timeZone: 'Europe/Paris' });
    expect(result).toEqual({ ok: true });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: 'ana@example.com' } });
    expect(user).toMatchObject({ name: 'Ana', role: 'learner', timeZone: 'Europe/Paris' });
    expect(user.passwordHash).not.toContain('long-enough');
    expect(await verifyPassword('long-enough', user.passwordHash!)).toBe(true);
  });

  it('returns field errors for bad input and a duplicate email, and never sets a role from input', async () => {
    const { signUp } = await import('./auth');
    const { SIGN_UP_NEUTRAL } = await import('@/lib/validations/auth');
    const bad = await signUp({ name: '', email: 'nope', password: 'short' });
    expect(bad).toEqual({
      ok: false,
      errors: { name: 'Enter your name.', email: 'Enter a valid email address, like name@example.com.', password: 'Use at least 8 characters.' },
    });
    const dup = await signUp({ name: 'Other', email: 'ana@example.com', password: 'long-enough', role: 'instructor' });
    expect(dup).toEqual({ ok: false, errors: { email: SIGN_UP_NEUTRAL } });
    const sneaky = await signUp({ name: 'Eve', email: 'eve@example.com', password: 'long-enough', role: 'instructor' });
    expect(sneaky.ok).toBe(true);
    expect((await t.db.user.findUniqueOrThrow({ where: { email: 'eve@example.com' } })).role).toBe('learner');
  });

  it('falls back to UTC for an unknown time zone', async () => {
    const { signUp } = await import('./auth');
    await signUp({ name: 'Tz', email: 'tz@example.com', password: 'long-enough', timeZone: 'Mars/Olympus' });
    expect((await t.db.user.findUniqueOrThrow({ where: { email: 'tz@example.com' } })).timeZone).toBe('UTC');
  });

  it('limits sign-ups per address', async () => {
    const { signUp } = await import('./auth');
    const { SIGN_UP_THROTTLED } = await import('@/lib/validations/auth');
    await t.db.authThrottle.deleteMany();
    for (let i = 0; i < 5; i++) expect((await signUp({ name: 'N', email: `n${i}@example.com`, password: 'long-enough' })).ok).toBe(true);
    expect(await signUp({ name: 'N', email: 'n9@example.com', password: 'long-enough' })).toEqual({ ok: false, errors: { email: SIGN_UP_THROTTLED } });
  });
});
