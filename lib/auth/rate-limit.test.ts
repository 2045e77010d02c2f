import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { createDb } from '@/lib/db';
import { joinThrottleKeys, JOIN_USER_LIMIT, clearThrottle, releaseAttempt, reserveAttempt, throttleKeys, IP_LIMIT, PAIR_LIMIT, SIGN_IN_WINDOW_MS } from './rate-limit';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t.cleanup());

describe('attempt reservation (SQLite)', () => {
  it('allows a pair its limit within the window and frees it after the window', async () => {
    const keys = throttleKeys('A@Example.com', '10.0.0.9').pair.slice(0, 1);
    expect(keys).toEqual(['pair:a@example.com|10.0.0.9']);
    const t0 = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < PAIR_LIMIT; i++) expect((await reserveAttempt(t.db, keys, t0)).allowed).toBe(true);
    expect(await reserveAttempt(t.db, keys, new Date(t0.getTime() + 10_000))).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await reserveAttempt(t.db, keys, new Date(t0.getTime() + SIGN_IN_WINDOW_MS + 1))).allowed).toBe(true);
  });

  it('never hands out more than the limit to parallel attempts, even from separate connections', async () => {
    const other = createDb(t.url); // a second client on the same file, as a second app process would have
    const keys = ['pair:race@example.com|10.0.0.1'];
    const t0 = new Date('2026-01-02T00:00:00Z');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => reserveAttempt(i % 2 ? other : t.db, keys, t0)));
    await other.$disconnect();
    expect(results.filter((r) => r.allowed)).toHaveLength(PAIR_LIMIT);
  });

  it('limits an IP across accounts, and a refused attempt gives back what it had reserved', async () => {
    const t0 = new Date('2026-01-03T00:00:00Z');
    for (let i = 0; i < IP_LIMIT; i++) expect((await reserveAttempt(t.db, throttleKeys(`u${i}@example.com`, '10.0.0.7').all, t0)).allowed).toBe(true);
    expect((await reserveAttempt(t.db, throttleKeys('fresh@example.com', '10.0.0.7').all, t0)).allowed).toBe(false);
    const pair = await t.db.authThrottle.findUnique({ where: { key: 'pair:fresh@example.com|10.0.0.7' } });
    expect(pair?.count).toBe(0);
    expect((await reserveAttempt(t.db, throttleKeys('fresh@example.com', '10.0.0.8').all, t0)).allowed).toBe(true);
  });

  it('clear and release undo reservations', async () => {
    const keys = throttleKeys('c@example.com', '10.0.0.3');
    const t0 = new Date('2026-01-04T00:00:00Z');
    for (let i = 0; i < PAIR_LIMIT; i++) await reserveAttempt(t.db, keys.all, t0);
    expect((await reserveAttempt(t.db, keys.all, t0)).allowed).toBe(false);
    await clearThrottle(t.db, keys.pair);
    await releaseAttempt(t.db, keys.shared);
    expect((await reserveAttempt(t.db, keys.all, t0)).allowed).toBe(true);
  });

  it('join codes: parallel wrong codes from one user never get more than the limit', async () => {
    const t0 = new Date('2026-01-05T00:00:00Z');
    const results = await Promise.all(Array.from({ length: 25 }, () => reserveAttempt(t.db, joinThrottleKeys('user-1', '10.0.0.4'), t0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(JOIN_USER_LIMIT);
  });
});
