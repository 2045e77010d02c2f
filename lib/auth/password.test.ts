import { describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { hashPassword, needsRehash, verifyPassword, burnPasswordCheck } from './password';

describe('password hashing', () => {
  it('uses argon2id and counts every byte: two 80-character passwords sharing 72 bytes differ', async () => {
    const common = 'x'.repeat(72);
    const a = `${common}AAAAAAAA`;
    const b = `${common}BBBBBBBB`;
    const stored = await hashPassword(a);
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(needsRehash(stored)).toBe(false);
    expect(await verifyPassword(a, stored)).toBe(true);
    expect(await verifyPassword(b, stored)).toBe(false);
  });

  it('still verifies an old bcrypt hash and marks it for upgrade', async () => {
    const old = await bcrypt.hash('old-password', 4);
    expect(await verifyPassword('old-password', old)).toBe(true);
    expect(await verifyPassword('wrong', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it('never accepts a malformed stored hash, and the dummy check is always false', async () => {
    expect(await verifyPassword('x', 'garbage')).toBe(false);
    expect(await verifyPassword('x', '$argon2id$broken')).toBe(false);
    expect(await burnPasswordCheck('anything')).toBe(false);
  });
});
