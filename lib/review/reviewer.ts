// The signed-in learner for the review screen's server-rendered page and actions, with their scheduling settings,
// in one read of the user row (the grade → next card loop needs both; getCurrentUser plus loadSettings would read
// the row twice). The review loop's JSON endpoint (lib/review/api.ts) reads the same through reviewerById.
import 'server-only';
import { sessionUserId } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { reviewerById, type Reviewer } from './service';

export type { Reviewer };

/** Null when signed out or when the session's user no longer exists; never trusts an id from the client. */
export async function currentReviewer(): Promise<Reviewer | null> {
  const id = await sessionUserId();
  return id ? reviewerById(db, id) : null;
}
