// Who the session cookie says the user is, without next-auth's whole session handler. getServerSession runs the
// full AuthHandler for every call: two key derivations (HKDF), a decrypt, the callbacks and a fresh encrypted token
// that a server component or action then throws away (~1 ms of CPU per request, most of it the HKDF; see
// docs/decisions/005-review-hot-path.md). For the JWT strategy the answer is the token's `sub`, which this reads
// with next-auth's own cookie reader and `decode`, and keeps per token string until the token expires: the same
// cookie bytes always decrypt to the same payload, and a forged or altered token never gets into the cache.
import { decode, getToken, type GetTokenParams, type JWT } from 'next-auth/jwt';

/** next-auth's allowance for clock skew when it checks `exp` (jwtDecrypt's clockTolerance). */
const CLOCK_TOLERANCE_S = 15;
/** Distinct live tokens kept; the oldest entry goes first when full. */
const MAX_ENTRIES = 10_000;

interface Entry {
  payload: JWT;
  /** When the token stops being accepted, in ms. */
  until: number;
}

const decoded = new Map<string, Entry>();

function expiry(payload: JWT): number {
  return typeof payload.exp === 'number' ? (payload.exp + CLOCK_TOLERANCE_S) * 1000 : Number.POSITIVE_INFINITY;
}

/** next-auth's `decode`, remembered per token string until the token expires. Throws for a bad token, as decode does. */
export async function cachedDecode(token: string, secret: string, now: number = Date.now()): Promise<JWT | null> {
  const hit = decoded.get(token);
  if (hit) {
    if (now < hit.until) return hit.payload;
    decoded.delete(token);
  }
  const payload = await decode({ token, secret });
  if (!payload) return null;
  const until = expiry(payload);
  // jwtDecrypt checked `exp` against the real clock; an injected `now` past it must not be cached.
  if (now >= until) return null;
  if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { payload, until });
  return payload;
}

/** Forgets every remembered token (tests). */
export function clearSessionTokenCache(): void {
  decoded.clear();
}

/** What a session cookie names: the user and the server-side session (lib/auth/user-sessions.ts) it belongs to. */
export interface SessionClaims {
  userId: string;
  sessionId: string | null;
}

/**
 * The user id and session id in the session cookie among `cookies` (chunked cookies included), or null when there
 * is none or it does not decrypt with `secret`. Only cookies count: as getServerSession, an Authorization header is
 * ignored. Whether that session still counts is the caller's check (sessionIsActive), as in the session callback.
 */
export async function sessionClaims(cookies: Record<string, string>, secret: string, secureCookie: boolean, now: number = Date.now()): Promise<SessionClaims | null> {
  const token = await getToken({
    // getToken reads only `cookies` and `headers` of the request (headers for a Bearer token, which we leave out).
    req: { cookies, headers: {} } as unknown as GetTokenParams['req'],
    secret,
    secureCookie,
    decode: ({ token: t, secret: s }) => (t ? cachedDecode(t, String(s), now) : Promise.resolve(null)),
  });
  if (typeof token?.sub !== 'string' || !token.sub) return null;
  return { userId: token.sub, sessionId: typeof token.sid === 'string' && token.sid ? token.sid : null };
}
