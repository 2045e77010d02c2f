import { afterEach, describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { cachedDecode, clearSessionTokenCache, sessionClaims } from './session-token';

const sessionSubject = async (...args: Parameters<typeof sessionClaims>) => (await sessionClaims(...args))?.userId ?? null;

const SECRET = 'session-token-test-secret-0123456789-abcdef';
const mint = (sub: string, maxAge?: number, secret = SECRET) => encode({ token: { sub, sid: `sid-${sub}`, role: 'learner' }, secret, maxAge });

afterEach(() => clearSessionTokenCache());

describe('sessionSubject', () => {
  it('reads the user id and session id from the session cookie', async () => {
    const token = await mint('user-1');
    expect(await sessionClaims({ 'next-auth.session-token': token }, SECRET, false)).toEqual({ userId: 'user-1', sessionId: 'sid-user-1' });
    expect(await sessionSubject({ 'next-auth.session-token': token }, SECRET, false)).toBe('user-1');
    // A second read (from the cache) gives the same answer.
    expect(await sessionSubject({ 'next-auth.session-token': token }, SECRET, false)).toBe('user-1');
  });

  it('uses the __Secure- cookie name when cookies are secure, and ignores the other name', async () => {
    const token = await mint('user-2');
    expect(await sessionSubject({ '__Secure-next-auth.session-token': token }, SECRET, true)).toBe('user-2');
    expect(await sessionSubject({ 'next-auth.session-token': token }, SECRET, true)).toBeNull();
  });

  it('joins a chunked session cookie', async () => {
    const token = await mint('user-3');
    const half = Math.floor(token.length / 2);
    const cookies = { 'next-auth.session-token.0': token.slice(0, half), 'next-auth.session-token.1': token.slice(half) };
    expect(await sessionSubject(cookies, SECRET, false)).toBe('user-3');
  });

  it('refuses no cookie, another secret, an altered token and an expired one', async () => {
    expect(await sessionSubject({}, SECRET, false)).toBeNull();
    const other = await mint('user-4', undefined, 'another-secret-entirely-0123456789-xyz');
    expect(await sessionSubject({ 'next-auth.session-token': other }, SECRET, false)).toBeNull();
    const token = await mint('user-4');
    const i = token.length - 5;
    const altered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    expect(await sessionSubject({ 'next-auth.session-token': altered }, SECRET, false)).toBeNull();
    const expired = await mint('user-4', -60);
    expect(await sessionSubject({ 'next-auth.session-token': expired }, SECRET, false)).toBeNull();
  });

  it('stops accepting a remembered token once it expires (with next-auth’s 15 s tolerance)', async () => {
    const token = await mint('user-5', 60);
    const t0 = Date.now();
    expect(await sessionSubject({ 'next-auth.session-token': token }, SECRET, false, t0)).toBe('user-5');
    expect(await sessionSubject({ 'next-auth.session-token': token }, SECRET, false, t0 + 70_000)).toBe('user-5');
    expect(await sessionSubject({ 'next-auth.session-token': token }, SECRET, false, t0 + 80_000)).toBeNull();
    // Not cached again once past its time, even though the real clock would still accept it.
    await expect(cachedDecode(token, SECRET, t0 + 80_000)).resolves.toBeNull();
  });
});
