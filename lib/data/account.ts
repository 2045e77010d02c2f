// The learner's own settings and account pages: what they show, read for the signed-in user only.
import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';
import { listActiveSessions } from '@/lib/auth/user-sessions';
import { settingsFromUser, USER_SETTINGS_SELECT } from '@/lib/review/settings';
import { accountDeletionBlockers, describeBlockers } from '@/lib/users/account-data';

/** The review settings as stored (unreadable stored values fall back to their defaults). */
export async function getSettingsPage(user: SessionUser) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: USER_SETTINGS_SELECT });
  return settingsFromUser(row);
}

/** Live sessions (this one marked), whether the account has a password, and what stands in the way of deleting it. */
export async function getAccountPage(user: SessionUser, now = new Date()) {
  const [blockers, sessions, account] = await Promise.all([
    accountDeletionBlockers(db, user.id),
    listActiveSessions(db, user.id, now, user.sessionId),
    db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } }),
  ]);
  return { blockers, deletionProblem: describeBlockers(blockers), sessions, hasPassword: Boolean(account?.passwordHash) };
}
