// The signed-in learner for the review screen's actions, with their scheduling settings, in one read of the
// user row (the grade → next card loop needs both; getCurrentUser plus loadSettings would read the row twice).
import 'server-only';
import { sessionUserId } from '@/lib/auth/session';
import { db } from '@/lib/db';
import type { LearnerSrsSettings } from '@/lib/srs';
import { settingsFromUser, type UserSettingsRow } from './settings';
import { storeFor } from './store';

const USER_SQL = `SELECT "id", "desiredRetention", "maximumInterval", "newPerDay", "timeZone", "dayStartHour", "learningSteps",
  "relearningSteps", "fsrsWeights" FROM "User" WHERE "id" = ?`;

export interface Reviewer {
  id: string;
  settings: LearnerSrsSettings;
}

/** Null when signed out or when the session's user no longer exists; never trusts an id from the client. */
export async function currentReviewer(): Promise<Reviewer | null> {
  const id = await sessionUserId();
  if (!id) return null;
  const row = await storeFor(db).get<UserSettingsRow & { id: string }>(USER_SQL, id);
  return row ? { id: row.id, settings: settingsFromUser(row) } : null;
}
