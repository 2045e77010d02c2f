import { describe, expect, it } from 'vitest';
import { newJoinCode } from './join-code';
import { joinCodeSchema } from '@/lib/validations/classes';

describe('join codes', () => {
  it('are 6 unambiguous characters that the join form accepts', () => {
    for (let i = 0; i < 200; i++) {
      const code = newJoinCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
      expect(joinCodeSchema.parse({ code: ` ${code.toLowerCase()} ` }).code).toBe(code);
    }
  });
  it('the form refuses malformed codes with a message', () => {
    const r = joinCodeSchema.safeParse({ code: 'abc' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/6 letters and digits/);
  });
});
