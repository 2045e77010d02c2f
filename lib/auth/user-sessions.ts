// Server-side sessions behind the JWT cookie: the cookie proves who signed in, a UserSession row says whether that
// sign-in still counts. Signing out, "sign out everywhere" and a password change end rows, so a copied or
// leftover cookie stops working at once instead of living out its 30 days.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db';
import { fromSqlTime, storeFor } from '@/lib/review/store';
import { sessionClaims } from './session-token';

const SESSION_SQL = `SELECT "userId", "expiresAt", "endedAt" FROM "UserSession" WHERE "id" = ?`;

/** How long a session lives without use; each day of use moves its end on (as the cookie itself rolls). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;
const EXTEND_AFTER_MS = 24 * 60 * 60 * 1000;
const USER_AGENT_MAX = 200;

export async function startSession(db: Db, userId: string, now: Date, userAgent?: string | null): Promise<string> {
  const id = randomBytes(18).toString('base64url');
  await db.userSession.create({
    data: {
      id,
      userId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
      userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null,
    },
  });
  return id;
}

/**
 * True when the session exists, belongs to the user, has not ended and has not expired. Moves the expiry on at
 * most once a day, so a session in use stays alive without a write on every request.
 */
export async function sessionIsActive(db: Db, sessionId: unknown, userId: string, now: Date): Promise<boolean> {
  if (typeof sessionId !== 'string' || !sessionId) return false;
  // Read on the review loop's prepared-statement connection (lib/review/store.ts), not Prisma: this runs on every
  // request, and a Prisma read costs ~1 ms of client overhead for a 0.01 ms lookup (docs/decisions/005).
  const row = await storeFor(db).get<{ userId: string; expiresAt: string; endedAt: string | null }>(SESSION_SQL, sessionId);
  const expiresAt = fromSqlTime(row?.expiresAt);
  if (!row || row.userId !== userId || row.endedAt !== null || !expiresAt || expiresAt <= now) return false;
  const renewed = new Date(now.getTime() + SESSION_MAX_AGE_S * 1000);
  if (renewed.getTime() - expiresAt.getTime() > EXTEND_AFTER_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { expiresAt: renewed } });
  }
  return true;
}

/**
 * The signed-in user and session named by a request's cookies, or null: the cookie's claims (session-token.ts),
 * then the server-side session must still be active, as the session callback (options.ts) requires. One rule for
 * every reader: lib/auth/session.ts (pages, actions) and the review loop's endpoint (lib/review/api.ts).
 */
export async function activeSession(db: Db, cookies: Record<string, string>, secret: string, secureCookie: boolean, now: Date): Promise<{ userId: string; sessionId: string } | null> {
  const claims = await sessionClaims(cookies, secret, secureCookie, now.getTime());
  if (!claims?.sessionId || !(await sessionIsActive(db, claims.sessionId, claims.userId, now))) return null;
  return { userId: claims.userId, sessionId: claims.sessionId };
}

export async function endSession(db: Db, sessionId: unknown, now: Date): Promise<void> {
  if (typeof sessionId !== 'string' || !sessionId) return;
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

/** Ends every session of the user except `keep` (the browser that asked, when it should stay signed in). */
export async function endOtherSessions(db: Db, userId: string, now: Date, keep?: string): Promise<number> {
  const r = await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { endedAt: now },
  });
  return r.count;
}

export interface ActiveSession {
  id: string;
  createdAt: Date;
  userAgent: string | null;
  current: boolean;
}

/** The user's live sessions, newest first; old ended or expired rows are cleared on the way. */
export async function listActiveSessions(db: Db, userId: string, now: Date, currentId?: string): Promise<ActiveSession[]> {
  await db.userSession.deleteMany({
    where: { userId, OR: [{ expiresAt: { lte: now } }, { endedAt: { lte: new Date(now.getTime() - SESSION_MAX_AGE_S * 1000) } }] },
  });
  const rows = await db.userSession.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, createdAt: true, userAgent: true },
  });
  return rows.map((r) => ({ ...r, current: r.id === currentId }));
}

/** A short, readable name for a User-Agent string ("Firefox on Linux"), for the session list. */
export function describeUserAgent(ua: string | null): string {
  if (!ua) return 'Unknown browser';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'Browser';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return os ? `${browser} on ${os}` : browser;
}
