import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { checkThrottle, clearThrottle, recordFailure, throttleKeys, EMAIL_LIMIT, IP_LIMIT, SIGN_IN_WINDOW_MS } from './rate-limit';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

describe('sign-in rate limit (SQLite)', () => {
  it('blocks an email after its limit within the window and frees it after the window', async () => {
    const keys = throttleKeys('A@Example.com', null);
    expect(keys).toEqual(['email:a@example.com']);
    const t0 = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < EMAIL_LIMIT; i++) {
      expect((await checkThrottle(t.db, keys, t0)).allowed).toBe(true);
      await recordFailure(t.db, keys, t0);
    }
    const blocked = await checkThrottle(t.db, keys, new Date(t0.getTime() + 10_000));
    expect(blocked).toEqual({ allowed: false, retryAfterSeconds: 50 });
    const later = await checkThrottle(t.db, keys, new Date(t0.getTime() + SIGN_IN_WINDOW_MS + 1));
    expect(later.allowed).toBe(true);
  });

  it('limits an IP separately and more loosely than an email', async () => {
    const t0 = new Date('2026-01-02T00:00:00Z');
    for (let i = 0; i < IP_LIMIT - 1; i++) await recordFailure(t.db, throttleKeys(`u${i}@example.com`, '10.0.0.1'), t0);
    expect((await checkThrottle(t.db, ['ip:10.0.0.1'], t0)).allowed).toBe(true);
    await recordFailure(t.db, throttleKeys('last@example.com', '10.0.0.1'), t0);
    expect((await checkThrottle(t.db, throttleKeys('fresh@example.com', '10.0.0.1'), t0)).allowed).toBe(false);
    expect((await checkThrottle(t.db, throttleKeys('fresh@example.com', '10.0.0.2'), t0)).allowed).toBe(true);
  });

  it('a successful sign-in clears the email counter', async () => {
    const keys = throttleKeys('c@example.com', null);
    const t0 = new Date('2026-01-03T00:00:00Z');
    for (let i = 0; i < EMAIL_LIMIT; i++) await recordFailure(t.db, keys, t0);
    expect((await checkThrottle(t.db, keys, t0)).allowed).toBe(false);
    await clearThrottle(t.db, keys[0]!);
    expect((await checkThrottle(t.db, keys, t0)).allowed).toBe(true);
  });
});
