import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-redirect';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackUrl('/courses/x?y=1')).toBe('/courses/x?y=1');
    expect(safeCallbackUrl('/join/K7Q2-XM4P')).toBe('/join/K7Q2-XM4P');
    expect(safeCallbackUrl('/join/%3Cscript%3E')).toBe('/join/%3Cscript%3E');
  });
  it('refuses other sites and junk', () => {
    expect(safeCallbackUrl('https://evil.example/')).toBe('/home');
    expect(safeCallbackUrl('//evil.example')).toBe('/home');
    expect(safeCallbackUrl('/\\evil.example')).toBe('/home');
    expect(safeCallbackUrl('javascript:alert(1)')).toBe('/home');
    expect(safeCallbackUrl('join/K7Q2XM4P')).toBe('/home');
    expect(safeCallbackUrl(['/home', '//evil.example'])).toBe('/home');
    expect(safeCallbackUrl(undefined, '/')).toBe('/');
  });
  it('refuses paths a browser would resolve to another site', () => {
    // URL parsing strips tabs and newlines, so this really is another site:
    expect(new URL('/\t/evil.example', 'https://app.example').origin).toBe('https://evil.example');
    for (const sneaky of ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\t\\evil.example', '/x/\\evil.example']) {
      expect(safeCallbackUrl(sneaky)).toBe('/home');
    }
  });
});
