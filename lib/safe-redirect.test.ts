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

describe('safeCallbackUrl with any string', () => {
  const PROBE = 'http://same-origin.invalid';
  // A seeded PRNG (mulberry32) so a failure can be replayed.
  function rng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pieces = ['/', '//', '\\', '.', '..', '%', '%2F', '%5C', '%00', '?', '#', '@', ':', 'http:', 'javascript:', '\t', '\n', ' ', '日本', '\u200b', '\u202e', '\ud800', '\ufeff', 'é', '😀', 'evil.example', 'a', '&', '=', '"', '<', '>'];

  it('encodes non-ASCII paths so they can be redirected to (a raw /日本 gave a 500)', () => {
    expect(safeCallbackUrl('/日本')).toBe('/%E6%97%A5%E6%9C%AC');
    expect(safeCallbackUrl('/courses/é?q=ü#ß')).toBe('/courses/%C3%A9?q=%C3%BC#%C3%9F');
    expect(() => new Headers({ Location: safeCallbackUrl('/日本') })).not.toThrow();
  });

  it('returns a header-safe same-site path or the fallback for 20,000 random strings', () => {
    const next = rng(16);
    for (let i = 0; i < 20_000; i++) {
      let s = next() < 0.7 ? '/' : '';
      const n = Math.floor(next() * 8);
      for (let j = 0; j < n; j++) {
        s += next() < 0.6 ? pieces[Math.floor(next() * pieces.length)] : String.fromCharCode(Math.floor(next() * 0x10000));
      }
      const out = safeCallbackUrl(s);
      expect(out, JSON.stringify(s)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
      expect(new URL(out, PROBE).origin, JSON.stringify(s)).toBe(PROBE);
      expect(() => new Headers({ Location: out }), JSON.stringify(s)).not.toThrow();
      expect(safeCallbackUrl(out), JSON.stringify(s)).toBe(out);
    }
  });
});
