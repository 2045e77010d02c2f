// Authorisation helpers called at the top of every page, action and data function.
// The session only proves who the user is; role and existence are re-read from the database each time.
import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect, forbidden } from 'next/navigation';
import { db } from '@/lib/db';
import { authSecret, secureSessionCookie } from '@/lib/env';
import { activeSession } from './user-sessions';

export type Role = 'learner' | 'instructor';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  /** The server-side session (lib/auth/user-sessions.ts) this request's cookie belongs to. */
  sessionId?: string;
}

/**
 * The signed-in user's id and session id, or null: what the session callback (lib/auth/options.ts) lets through as
 * `session.user.id`, read without next-auth's whole session handler (lib/auth/session-token.ts): the cookie's
 * claims, then the server-side session must still be active. Cached per request.
 */
export const currentSession = cache(async (): Promise<{ userId: string; sessionId: string } | null> => {
  const jar = await cookies();
  const all = Object.fromEntries(jar.getAll().map((c) => [c.name, c.value]));
  return activeSession(db, all, authSecret(), secureSessionCookie(), new Date());
});

/** The signed-in user's id (an active session's), or null. */
export async function sessionUserId(): Promise<string | null> {
  return (await currentSession())?.userId ?? null;
}

/** The signed-in user, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await currentSession();
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, timeZone: true },
  });
  if (!user) return null;
  return { ...user, role: user.role === 'instructor' ? 'instructor' : 'learner', sessionId: session.sessionId };
});

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo = '/home'): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: the user if they have the role; a 403 page otherwise. */
export async function requireRole(role: Role, returnTo?: string): Promise<SessionUser> {
  const user = await requireUser(returnTo);
  if (user.role !== role) forbidden();
  return user;
}

/** For server actions: never redirects mid-action; returns null when not allowed. */
export async function actionUser(role?: Role): Promise<SessionUser | null> {
  const user = await getCurrentUser();
  if (!user || (role && user.role !== role)) return null;
  return user;
}
