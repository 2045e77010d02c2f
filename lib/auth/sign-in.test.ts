import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { createTestDb, type TestDb } from '@/test/db';
import { checkCredentials, SIGN_IN_ERRORS } from './sign-in';
import { hashPassword, verifyPassword } from './password';
import { PAIR_LIMIT } from './rate-limit';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.user.create({ data: { email: 'ada@example.com', name: 'Ada', passwordHash: await hashPassword('right-password') } });
  await t.db.user.create({ data: { email: 'old@example.com', name: 'Old', passwordHash: await bcrypt.hash('old-password', 4) } });
});
afterAll(async () => t.cleanup());

describe('checkCredentials (SQLite)', () => {
  it('20 parallel wrong passwords for one account and address reach the password compare at most 5 times', async () => {
    let compares = 0;
    const counting = async (p: string, h: string) => {
      compares++;
      return verifyPassword(p, h);
    };
    const now = new Date('2026-02-01T00:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => checkCredentials(t.db, 'ada@example.com', 'wrong-password', '203.0.113.1', now, counting)),
    );
    expect(compares).toBeLessThanOrEqual(PAIR_LIMIT);
    expect(results.filter((r) => !r.ok && r.error.startsWith(SIGN_IN_ERRORS.throttledPrefix)).length).toBeGreaterThanOrEqual(20 - PAIR_LIMIT);
    // The attacker's address stays blocked even with the right password...
    expect((await checkCredentials(t.db, 'ada@example.com', 'right-password', '203.0.113.1', now)).ok).toBe(false);
    // ...but the real user from their own address still signs in: strangers cannot lock an account out.
    expect((await checkCredentials(t.db, 'ada@example.com', 'right-password', '198.51.100.2', now)).ok).toBe(true);
  });

  it('upgrades an old bcrypt hash to argon2id on a successful sign-in', async () => {
    const now = new Date('2026-02-02T00:00:00Z');
    expect((await checkCredentials(t.db, 'old@example.com', 'old-password', '198.51.100.3', now)).ok).toBe(true);
    const row = await t.db.user.findUniqueOrThrow({ where: { email: 'old@example.com' } });
    expect(row.passwordHash?.startsWith('$argon2id$')).toBe(true);
    expect((await checkCredentials(t.db, 'old@example.com', 'old-password', '198.51.100.3', now)).ok).toBe(true);
  });
});
