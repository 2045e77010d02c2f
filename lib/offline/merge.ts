// How the server places a grade made offline: its own time, kept only between the card's last review (as the
// learner saw it) and the server's now, and in time order with grades another device sent meanwhile.
// Pure over lib/srs; lib/review/offline-sync.ts loads, calls this and saves.
import { gradeCard, undoGrade } from '@/lib/srs/scheduler';
import type { LearnerSrsSettings } from '@/lib/srs/settings';
import type { Rating, SrsCardState, SrsReviewLog } from '@/lib/srs/types';

/** Why a review time was moved: it was in the future, or not after the last review the learner had seen. */
export type Clamp = 'future' | 'before_last_review' | null;

/**
 * The time a queued grade is recorded at: `reviewedAt` when after `lastReview` and not after `now`; otherwise the
 * nearest time that is (`now`, or 1 ms after the last review), with the reason.
 */
export function placeReviewTime(reviewedAt: Date, lastReview: Date | null, now: Date): { at: Date; clamped: Clamp } {
  const t = reviewedAt.getTime();
  if (Number.isNaN(t) || t > now.getTime()) return { at: new Date(now.getTime()), clamped: 'future' };
  if (lastReview !== null && t <= lastReview.getTime()) {
    return { at: new Date(Math.min(lastReview.getTime() + 1, now.getTime())), clamped: 'before_last_review' };
  }
  return { at: new Date(t), clamped: null };
}

/** A review already recorded on the server, newer than the grade being placed. */
export interface LaterReview {
  id: string;
  log: SrsReviewLog;
}

export interface MergedStep {
  /** `null` for the incoming grade, else the id of the later review it re-grades. */
  id: string | null;
  state: SrsCardState;
  log: SrsReviewLog;
  becameLeech: boolean;
}

/**
 * Puts a grade made at `at` before the reviews recorded after it: undoes those (newest first) from `current`,
 * grades the incoming one, then grades each later review again at its own time. Their ratings and times stay;
 * their before-states and the card's final state follow the merged order. Throws SrsError if `later` is not
 * the card's newest history in order (the caller then places the grade after them instead).
 */
export function mergeInTimeOrder(
  current: SrsCardState,
  later: readonly LaterReview[],
  incoming: { rating: Rating; at: Date },
  settings: LearnerSrsSettings,
  cardId: string,
): MergedStep[] {
  const oldestFirst = [...later].sort((a, b) => a.log.review.getTime() - b.log.review.getTime());
  let state = current;
  for (let i = oldestFirst.length - 1; i >= 0; i--) state = undoGrade(state, oldestFirst[i]!.log);
  const steps: MergedStep[] = [];
  const first = gradeCard(state, incoming.rating, incoming.at, settings, cardId);
  steps.push({ id: null, ...first });
  state = first.state;
  for (const r of oldestFirst) {
    const again = gradeCard(state, r.log.rating, r.log.review, settings, cardId);
    steps.push({ id: r.id, ...again });
    state = again.state;
  }
  return steps;
}
