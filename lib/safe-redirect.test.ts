import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-redirect';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackUrl('/courses/x?y=1')).toBe('/courses/x?y=1');
  });
  it('refuses other sites and junk', () => {
    expect(safeCallbackUrl('https://evil.example/')).toBe('/home');
    expect(safeCallbackUrl('//evil.example')).toBe('/home');
    expect(safeCallbackUrl('/\\evil.example')).toBe('/home');
    expect(safeCallbackUrl(undefined, '/')).toBe('/');
  });
});
