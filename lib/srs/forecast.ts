// Recall forecast: the share of a set of cards (an assignment's) a learner is predicted to recall at an
// instant (its due time), from each card's FSRS memory state, and what it becomes if they did their due
// reviews now. Pure: states, settings and both instants are passed in. Cards not yet learned count as
// not recalled; the forecast assumes no other review happens before the instant.
import { forgettingCurveFor, goodStabilityCalculator } from './fsrs-adapter';

export { forgettingCurveParams } from './fsrs-adapter';

const DAY_MS = 86_400_000;
import type { LearnerSrsSettings } from './settings';
import type { SrsCardState } from './types';

/** Default class target: a learner below this predicted share at the due time is "at risk". */
export const DEFAULT_RECALL_TARGET = 0.8;

export interface ForecastCard {
  cardId: string;
  state: SrsCardState;
  /**
   * Whether the learner can review it now (false for leeches, which leave the queue): such a card keeps
   * its predicted recall but its due review is not simulated. Default true.
   */
  reviewable?: boolean;
}

export interface RecallForecast {
  /** The instant forecast for: the due time, or `now` when there is none or it has passed. */
  at: Date;
  /** The assignment's cards, learned or not (the denominator). */
  cards: number;
  /** Cards past the new state among them. */
  learned: number;
  /** Expected share recalled at `at`, 0–1 (0 for an assignment without cards). */
  share: number;
  /** Reviewable learned cards due at `now`. */
  dueNow: number;
  /** Expected share recalled at `at` if each due card were graded "Good" at `now`. */
  shareIfReviewedNow: number;
}

/** The instant a forecast is for: the due time while it is ahead, otherwise now. */
export function forecastInstant(dueAt: Date | null, now: Date): Date {
  return dueAt && dueAt.getTime() > now.getTime() ? dueAt : now;
}

/** Recall probability of one state at `at` (0 for new cards): ts-fsrs's forgetting curve over fractional days. */
export type RecallAt = (state: SrsCardState, at: Date) => number;

export interface Forecaster {
  recallAt: RecallAt;
  /** Recall probability at `at` after a simulated "Good" at `now`. */
  recallAfterGood: (state: SrsCardState, now: Date, at: Date) => number;
  /**
   * Forecast for a set of cards. `totalCards` is the number of cards the share is over; cards absent
   * from `cards` (never enrolled) count as not learned. It must be at least `cards.length`.
   */
  forecast: (cards: readonly ForecastCard[], totalCards: number, dueAt: Date | null, now: Date) => RecallForecast;
}

/**
 * A forecaster for one learner's settings (their weights set the curve's decay). Build one per learner
 * and reuse it over their assignments: building is the costly part.
 */
export function createForecaster(settings: LearnerSrsSettings): Forecaster {
  const curve = forgettingCurveFor(settings);
  const recallAt: RecallAt = (state, at) => {
    if (state.state === 'new' || state.lastReview === null || state.stability <= 0) return 0;
    return curve(Math.max(0, (at.getTime() - state.lastReview.getTime()) / DAY_MS), state.stability);
  };
  const goodStability = goodStabilityCalculator(settings);
  const afterGood = (state: SrsCardState, now: Date): SrsCardState => ({
    ...state,
    state: state.state === 'new' ? 'learning' : state.state,
    stability: goodStability(state, now),
    lastReview: now,
  });
  const recallAfterGood = (state: SrsCardState, now: Date, at: Date) => recallAt(afterGood(state, now), at);

  return {
    recallAt,
    recallAfterGood,
    forecast(cards, totalCards, dueAt, now) {
      if (!Number.isInteger(totalCards) || totalCards < cards.length) {
        throw new RangeError(`totalCards (${totalCards}) must be a whole number ≥ the ${cards.length} cards given`);
      }
      const at = forecastInstant(dueAt, now);
      let learned = 0;
      let expected = 0;
      let expectedAfter = 0;
      let dueNow = 0;
      for (const card of cards) {
        const s = card.state;
        if (s.state === 'new' || s.lastReview === null) continue;
        learned++;
        const r = recallAt(s, at);
        expected += r;
        if (card.reviewable !== false && s.due.getTime() <= now.getTime()) {
          dueNow++;
          expectedAfter += recallAfterGood(s, now, at);
        } else {
          expectedAfter += r;
        }
      }
      return {
        at,
        cards: totalCards,
        learned,
        share: totalCards === 0 ? 0 : expected / totalCards,
        dueNow,
        shareIfReviewedNow: totalCards === 0 ? 0 : expectedAfter / totalCards,
      };
    },
  };
}

