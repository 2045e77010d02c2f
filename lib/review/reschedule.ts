// Reschedules a learner's reviewed cards under new settings by replaying each card's review log, the way FSRS itself
// reschedules: after "Optimise my schedule" and when a learner saves new settings with "reschedule my cards" ticked.
// Runs inside the caller's write transaction, so the new settings and the states they imply land together.
import { isRating, replayReviews, type LearnerSrsSettings, type Rating } from '@/lib/srs';
import type { Db } from '@/lib/db';
import { fromSqlTime, sqlTime, storeFor, type SqlRunner } from './store';
import { writeState } from './service';

const SQL = {
  logs: `SELECT "cardId", "rating", "review" FROM "ReviewLog" WHERE "userId" = ? ORDER BY "review", "id"`,
  states: `SELECT "cardId", "addedAt", "version", "leech" FROM "CardState" WHERE "userId" = ? AND "reps" > 0`,
};

/**
 * Replays every reviewed card of `userId` with `settings` and writes the result (bumping each version, so a tab
 * showing the old state is refused). A card with no log to replay (its state came from elsewhere) is left as it is;
 * its leech flag stays as the learner left it. Returns how many cards were rescheduled.
 */
export async function rescheduleCards(tx: SqlRunner, userId: string, settings: LearnerSrsSettings): Promise<number> {
  const byCard = new Map<string, { rating: Rating; review: Date }[]>();
  for (const l of await tx.all<{ cardId: string; rating: number; review: string }>(SQL.logs, userId)) {
    const review = fromSqlTime(l.review);
    if (!isRating(l.rating) || !review) continue;
    const list = byCard.get(l.cardId) ?? [];
    list.push({ rating: l.rating, review });
    byCard.set(l.cardId, list);
  }
  let changed = 0;
  const states = await tx.all<{ cardId: string; addedAt: string; version: number; leech: number | boolean }>(SQL.states, userId);
  for (const s of states) {
    const reviews = byCard.get(s.cardId);
    const addedAt = fromSqlTime(s.addedAt);
    if (!reviews?.length || !addedAt) continue;
    const replayed = replayReviews(reviews, settings, s.cardId, addedAt);
    changed += await writeState(tx, userId, s.cardId, s.version, replayed, Boolean(s.leech));
  }
  return changed;
}

const SAVE_SETTINGS = `UPDATE "User" SET "desiredRetention" = ?, "newPerDay" = ?, "maximumInterval" = ?, "learningSteps" = ?,
  "relearningSteps" = ?, "timeZone" = ?, "dayStartHour" = ? WHERE "id" = ?`;
const SAVE_WEIGHTS = `UPDATE "User" SET "fsrsWeights" = ?, "fsrsOptimisedAt" = ? WHERE "id" = ?`;

/** Stores a learner's settings (not their weights) and, when asked, reschedules their cards under them, at once. */
export async function saveLearnerSettings(db: Db, userId: string, s: LearnerSrsSettings, options: { reschedule: boolean }): Promise<{ rescheduled: number }> {
  return storeFor(db).write(async (tx) => {
    await tx.run(SAVE_SETTINGS, s.desiredRetention, s.newPerDay, s.maximumInterval, JSON.stringify(s.learningSteps), JSON.stringify(s.relearningSteps), s.timeZone, s.dayStartHour, userId);
    return { rescheduled: options.reschedule ? await rescheduleCards(tx, userId, s) : 0 };
  });
}

/** Stores freshly optimised weights and reschedules every reviewed card with them, at once. */
export async function applyOptimisedWeights(db: Db, userId: string, settings: LearnerSrsSettings, weights: number[], now: Date): Promise<number> {
  return storeFor(db).write(async (tx) => {
    await tx.run(SAVE_WEIGHTS, JSON.stringify(weights), sqlTime(now), userId);
    return rescheduleCards(tx, userId, { ...settings, weights });
  });
}
