import { describe, expect, it } from 'vitest';
import { invitePath, JOIN_CODE_ALPHABET, newJoinCode, normaliseJoinCode } from './join-code';
import { joinCodeSchema } from '@/lib/validations/classes';

describe('join codes', () => {
  it('are 8 characters without look-alikes, and the join form accepts them however they are typed', () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = newJoinCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      seen.add(code);
      for (const typed of [code, ` ${code.toLowerCase()} `, `${code.slice(0, 4)}-${code.slice(4)}`, `${code.slice(0, 4)} ${code.slice(4)}`]) {
        expect(joinCodeSchema.parse({ code: typed }).code).toBe(code);
      }
    }
    expect(seen.size).toBe(500);
  });

  it('normalises what was typed, and makes the invite path', () => {
    expect(normaliseJoinCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(invitePath('ABCDEFGH')).toBe('/join/ABCDEFGH');
  });

  it('the form refuses malformed codes with a message', () => {
    for (const bad of ['abc', 'ABCDEFG1', 'ABCDEFGHJ', 'ABCD-EFG0', '', 'x'.repeat(100)]) {
      const r = joinCodeSchema.safeParse({ code: bad });
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toMatch(/8 letters and digits/);
    }
  });
});
