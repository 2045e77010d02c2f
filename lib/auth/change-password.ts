// Changing one's password: the current one is checked with the same rate limits as a sign-in, and every other
// session of the account ends (a password change is what someone does when they fear a stolen session).
import type { Db } from '@/lib/db';
import { hashPassword } from './password';
import { checkCredentials, SIGN_IN_ERRORS } from './sign-in';
import { endOtherSessions } from './user-sessions';

export type ChangePasswordOutcome = { ok: true; endedSessions: number } | { ok: false; field: 'current' | 'form'; error: string };

export async function changePassword(
  db: Db,
  user: { id: string; email: string },
  currentSessionId: string | undefined,
  current: string,
  next: string,
  ip: string | null,
  now: Date,
): Promise<ChangePasswordOutcome> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!row) return { ok: false, field: 'form', error: 'Your account no longer exists.' };
  if (!row.passwordHash) {
    return { ok: false, field: 'form', error: 'Your account signs in with an external provider or an email link; it has no password to change.' };
  }
  const check = await checkCredentials(db, user.email, current, ip, now);
  if (!check.ok) {
    return { ok: false, field: 'current', error: check.error === SIGN_IN_ERRORS.invalid ? 'That is not your current password.' : check.error };
  }
  const written = await db.user.updateMany({ where: { id: user.id }, data: { passwordHash: await hashPassword(next) } });
  if (written.count !== 1) return { ok: false, field: 'form', error: 'Your account no longer exists.' };
  const endedSessions = await endOtherSessions(db, user.id, now, currentSessionId);
  return { ok: true, endedSessions };
}
