// Fits personal FSRS weights to a learner's review history with the fsrs-rs binding (native code).
// Server-only and kept out of index.ts so that importing lib/srs never loads the binding.
import {
  computeParameters,
  FSRSBinding,
  FSRSBindingItem,
  FSRSBindingReview,
} from '@open-spaced-repetition/binding';
import { dayKey, daysBetweenKeys } from './days';
import { DEFAULT_WEIGHTS } from './fsrs-adapter';
import { srsSettingsSchema, type LearnerSrsSettings } from './settings';
import { isRating, type Rating } from './types';

/** Fewer graded reviews than this and the fit mostly learns noise (Anki uses a similar bar). */
export const OPTIMISE_MIN_REVIEWS = 400;
/** Cards that have been reviewed on at least two learner days, i.e. that say something about forgetting. */
export const OPTIMISE_MIN_CARDS = 50;

export interface OptimiseHistoryCard {
  cardId: string;
  reviews: readonly { rating: Rating; review: Date }[];
}

export interface OptimiseOptions extends Pick<LearnerSrsSettings, 'timeZone' | 'dayStartHour'> {
  /** Weights in use now, evaluated as "before"; defaults to the FSRS default weights. */
  currentWeights?: readonly number[];
  /** Number of relearning steps in the learner's settings (bounds two short-term weights). Default 1. */
  numRelearningSteps?: number;
  /** Give up training after this many milliseconds (binding default if omitted). */
  timeoutMs?: number;
}

export interface ModelMetrics {
  logLoss: number;
  rmse: number;
}

export interface OptimiseHistorySummary {
  /** Graded reviews (ratings 1-4) in the history. */
  reviewCount: number;
  /** Cards reviewed on at least two different learner days. */
  cardCount: number;
  /** Distinct learner days with reviews. */
  dayCount: number;
}

export type OptimiseResult =
  | ({
      ok: true;
      weights: number[];
      before: ModelMetrics;
      after: ModelMetrics;
      /** after.logLoss < before.logLoss; if false, keeping the current weights is the better choice. */
      improved: boolean;
      /** Training examples built from the history. */
      itemCount: number;
    } & OptimiseHistorySummary)
  | ({ ok: false; reason: string } & OptimiseHistorySummary);

interface PreparedHistory extends OptimiseHistorySummary {
  /** Training items. */
  items: FSRSBindingItem[];
  /** Items whose last review came on a later day than the one before: what before/after are measured on. */
  evaluationItems: FSRSBindingItem[];
}

/**
 * One FSRS item per review after a card's first, holding that card's history up to it; delta_t is
 * counted in learner days, the same way the scheduler counts them. Items whose history has no
 * review on a later day carry no long-term signal and are dropped, as fsrs-rs does. Same-day items
 * still train the short-term weights, but the binding's evaluate() rejects some of them
 * (InvalidInput), so metrics use only items that end in a review on a new day.
 */
function prepareHistory(history: readonly OptimiseHistoryCard[], options: OptimiseOptions): PreparedHistory {
  const timed: { at: number; item: FSRSBindingItem; longTerm: boolean }[] = [];
  const days = new Set<string>();
  let reviewCount = 0;
  let cardCount = 0;

  for (const card of history) {
    const reviews = card.reviews
      .filter((r) => isRating(r.rating) && !Number.isNaN(r.review.getTime()))
      .slice()
      .sort((a, b) => a.review.getTime() - b.review.getTime());
    reviewCount += reviews.length;
    const keys = reviews.map((r) => dayKey(r.review, options.timeZone, options.dayStartHour));
    keys.forEach((key) => days.add(key));
    if (new Set(keys).size > 1) cardCount++;

    const bindingReviews: FSRSBindingReview[] = [];
    reviews.forEach((review, i) => {
      const previousKey = keys[i - 1];
      const key = keys[i];
      const deltaT = previousKey === undefined || key === undefined ? 0 : daysBetweenKeys(previousKey, key);
      bindingReviews.push(new FSRSBindingReview(review.rating, deltaT));
      if (i === 0) return;
      const item = new FSRSBindingItem([...bindingReviews]);
      if (item.longTermReviewCnt() > 0) timed.push({ at: review.review.getTime(), item, longTerm: deltaT > 0 });
    });
  }

  timed.sort((a, b) => a.at - b.at);
  return {
    items: timed.map((t) => t.item),
    evaluationItems: timed.filter((t) => t.longTerm).map((t) => t.item),
    reviewCount,
    cardCount,
    dayCount: days.size,
  };
}

function insufficient(summary: OptimiseHistorySummary): string | null {
  if (summary.reviewCount < OPTIMISE_MIN_REVIEWS) {
    return `Need at least ${OPTIMISE_MIN_REVIEWS} reviews to personalise scheduling; you have ${summary.reviewCount}.`;
  }
  if (summary.dayCount < 2) {
    return 'All reviews happened on one day; FSRS needs reviews spread over several days to learn how you forget.';
  }
  if (summary.cardCount < OPTIMISE_MIN_CARDS) {
    return `Need at least ${OPTIMISE_MIN_CARDS} cards reviewed on two or more different days; you have ${summary.cardCount}.`;
  }
  return null;
}

function evaluate(weights: readonly number[], items: FSRSBindingItem[]): ModelMetrics {
  const { logLoss, rmseBins } = new FSRSBinding([...weights]).evaluate(items);
  return { logLoss, rmse: rmseBins };
}

/**
 * Fit FSRS weights to a learner's history. Returns `{ ok: false, reason }` when there is too little
 * history (see the thresholds above) or the fit fails; otherwise the weights and how well default
 * (or current) and fitted weights predict the same history.
 */
export async function optimiseParameters(
  history: readonly OptimiseHistoryCard[],
  options: OptimiseOptions,
): Promise<OptimiseResult> {
  const { items, evaluationItems, ...summary } = prepareHistory(history, options);
  const reason = insufficient(summary);
  if (reason !== null) return { ok: false, reason, ...summary };
  if (evaluationItems.length === 0) {
    return { ok: false, reason: 'No review in the history follows an earlier day’s review.', ...summary };
  }

  let fitted: number[];
  try {
    fitted = await computeParameters(items, {
      enableShortTerm: true,
      numRelearningSteps: options.numRelearningSteps ?? 1,
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `The optimiser failed: ${message}`, ...summary };
  }

  // The weights must pass the same validation as a learner's settings before anyone stores them.
  const check = srsSettingsSchema.shape.weights.safeParse(fitted);
  if (!check.success || check.data === undefined) {
    return { ok: false, reason: `The optimiser returned ${fitted.length} unusable weights.`, ...summary };
  }

  let before: ModelMetrics;
  let after: ModelMetrics;
  try {
    before = evaluate(options.currentWeights ?? DEFAULT_WEIGHTS, evaluationItems);
    after = evaluate(check.data, evaluationItems);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `Could not evaluate the fitted weights: ${message}`, ...summary };
  }
  return {
    ok: true,
    weights: check.data,
    before,
    after,
    improved: after.logLoss < before.logLoss,
    itemCount: items.length,
    ...summary,
  };
}
