// Grading: new cards, interval previews for the answer buttons, grade, undo, leeches and replay.
// Deterministic: the same (card id, state, rating, time, settings) always gives the same result.
import { rollbackOne, scheduleAll, scheduleOne } from './fsrs-adapter';
import { formatInterval } from './format-interval';
import type { LearnerSrsSettings } from './settings';
import { isRating, Rating, SrsError, type SrsCardState, type SrsReviewLog } from './types';

/** A card becomes a leech when it has lapsed (forgotten from review) this many times. */
export const LEECH_LAPSES = 8;

export function isLeech(state: SrsCardState): boolean {
  return state.lapses >= LEECH_LAPSES;
}

function assertDate(date: Date, what: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new SrsError(`${what} is not a valid Date`);
}

function assertCardId(cardId: string): void {
  if (typeof cardId !== 'string' || cardId === '') throw new SrsError('cardId must be a non-empty string');
}

export function newCardState(now: Date): SrsCardState {
  assertDate(now, 'now');
  return {
    due: new Date(now.getTime()),
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 'new',
    lastReview: null,
  };
}

export interface IntervalPreview {
  rating: Rating;
  /** When the card would be due after this grade. */
  due: Date;
  intervalMs: number;
  /** e.g. "10m", "3d", "2.5mo". */
  label: string;
}

/** What each answer button would do, in button order (again, hard, good, easy). */
export function previewIntervals(
  state: SrsCardState,
  now: Date,
  settings: LearnerSrsSettings,
  cardId: string,
): [IntervalPreview, IntervalPreview, IntervalPreview, IntervalPreview] {
  assertDate(now, 'now');
  assertCardId(cardId);
  const outcomes = scheduleAll(state, now, settings, cardId);
  const preview = (rating: Rating): IntervalPreview => {
    const due = outcomes[rating].state.due;
    const intervalMs = due.getTime() - now.getTime();
    return { rating, due, intervalMs, label: formatInterval(intervalMs) };
  };
  return [preview(Rating.Again), preview(Rating.Hard), preview(Rating.Good), preview(Rating.Easy)];
}

export interface GradeResult {
  state: SrsCardState;
  log: SrsReviewLog;
  /** True only on the grade that brought lapses to LEECH_LAPSES. */
  becameLeech: boolean;
}

export function gradeCard(
  state: SrsCardState,
  rating: Rating,
  now: Date,
  settings: LearnerSrsSettings,
  cardId: string,
): GradeResult {
  if (!isRating(rating)) throw new SrsError(`Invalid rating ${String(rating)}; expected 1-4`);
  assertDate(now, 'now');
  assertCardId(cardId);
  const outcome = scheduleOne(state, rating, now, settings, cardId);
  return {
    state: outcome.state,
    log: outcome.log,
    becameLeech: state.lapses < LEECH_LAPSES && outcome.state.lapses >= LEECH_LAPSES,
  };
}

/**
 * The state before `log` was graded. `stateAfter` must be the state that grade produced
 * (the card's current state); undo several grades by undoing the newest first.
 */
export function undoGrade(stateAfter: SrsCardState, log: SrsReviewLog): SrsCardState {
  if (stateAfter.lastReview === null || stateAfter.lastReview.getTime() !== log.review.getTime()) {
    throw new SrsError('This review log is not the latest review of this card state');
  }
  if (stateAfter.reps < 1) throw new SrsError('Cannot undo a card that has never been reviewed');
  return rollbackOne(stateAfter, log);
}

export interface ReplayReview {
  rating: Rating;
  review: Date;
}

/**
 * Rebuild a card's state from its review history (oldest first; equal times keep their order).
 * Replaying with the settings the reviews were made with reproduces the stored state exactly;
 * replaying with new settings (e.g. freshly optimised weights) reschedules the card.
 */
export function replayReviews(
  logs: readonly ReplayReview[],
  settings: LearnerSrsSettings,
  cardId: string,
  createdAt: Date,
): SrsCardState {
  const ordered = [...logs].sort((a, b) => a.review.getTime() - b.review.getTime());
  let state = newCardState(createdAt);
  for (const log of ordered) state = gradeCard(state, log.rating, log.review, settings, cardId).state;
  return state;
}
