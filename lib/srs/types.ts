// Plain, JSON/DB-friendly data types of the spaced-repetition core (no ts-fsrs types leak out).
// Dates are real instants; every day-based number is counted in the learner's review days.

export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Rating = (typeof Rating)[keyof typeof Rating];
export type RatingName = 'again' | 'hard' | 'good' | 'easy';

/** All grades in button order (again → easy). */
export const RATINGS: readonly Rating[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

export const RATING_NAMES: Readonly<Record<Rating, RatingName>> = {
  1: 'again',
  2: 'hard',
  3: 'good',
  4: 'easy',
};

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type SrsStateName = (typeof CARD_STATES)[number];

/** Memory and schedule of one card for one learner. */
export interface SrsCardState {
  due: Date;
  stability: number;
  difficulty: number;
  /** Learner days between the last two reviews (0 for a new card or a same-day review). */
  elapsedDays: number;
  /** Days the last review scheduled (0 while in (re)learning steps). */
  scheduledDays: number;
  /** Index of the current (re)learning step. */
  learningSteps: number;
  reps: number;
  lapses: number;
  state: SrsStateName;
  lastReview: Date | null;
}

/**
 * One review. The "before" fields describe the card just before it was graded, which is
 * what `undoGrade` needs to restore it exactly.
 */
export interface SrsReviewLog {
  rating: Rating;
  /** State before the review. */
  state: SrsStateName;
  /** Due date before the review. */
  due: Date;
  /** Last review before this one (null for the first review). */
  lastReview: Date | null;
  stability: number;
  difficulty: number;
  /** Learner days since the previous review, at this review. */
  elapsedDays: number;
  /** `elapsedDays` of the card before the review. */
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  /** When the review happened. */
  review: Date;
}

/** Thrown for programmer errors (invalid rating, a log that does not belong to a state). */
export class SrsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SrsError';
  }
}
