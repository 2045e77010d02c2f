import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  gradeCard,
  newCardState,
  parseSrsSettings,
  Rating,
  retrievability,
  type LearnerSrsSettings,
  type SrsCardState,
} from './index';
import { optimiseParameters, OPTIMISE_MIN_CARDS, OPTIMISE_MIN_REVIEWS, type OptimiseHistoryCard } from './optimise';
import { seededRandom } from './test-helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 0, 5, 14);
const DAYS = { timeZone: 'Europe/Berlin', dayStartHour: 4 };

function settings(overrides: Record<string, unknown>): LearnerSrsSettings {
  const parsed = parseSrsSettings({ ...DAYS, ...overrides });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.settings;
}

/**
 * A learner whose memory follows FSRS with `trueWeights`: each card is reviewed around its due
 * time and recalled with the model's probability of recall.
 */
function simulate(cardCount: number, horizonDays: number, seed: number): OptimiseHistoryCard[] {
  const trueWeights = [...DEFAULT_WEIGHTS];
  // A learner who forgets new material much faster than the default model expects.
  [trueWeights[0], trueWeights[1], trueWeights[2], trueWeights[3]] = [0.1, 0.3, 0.6, 2.5];
  trueWeights[8] = 1.3;
  const truth = settings({ weights: trueWeights, desiredRetention: 0.85 });
  const random = seededRandom(seed);
  const end = START + horizonDays * DAY;
  const history: OptimiseHistoryCard[] = [];
  for (let c = 0; c < cardCount; c++) {
    const cardId = `sim-${c}`;
    let t = START + Math.floor(random() * 20) * DAY + Math.floor(random() * 8 * HOUR);
    let state: SrsCardState = newCardState(new Date(t));
    const reviews: OptimiseHistoryCard['reviews'][number][] = [];
    while (t < end && reviews.length < 16) {
      const recalled = state.state === 'new' ? random() < 0.7 : random() < retrievability(state, new Date(t), truth);
      const x = random();
      const rating = !recalled ? Rating.Again : x < 0.1 ? Rating.Hard : x < 0.9 ? Rating.Good : Rating.Easy;
      reviews.push({ rating, review: new Date(t) });
      state = gradeCard(state, rating, new Date(t), truth, cardId).state;
      const late = state.scheduledDays > 0 ? random() * 2 * DAY : random() * 10 * 60_000;
      t = state.due.getTime() + Math.floor(late);
    }
    history.push({ cardId, reviews });
  }
  return history;
}

describe('optimiseParameters', () => {
  it('fits weights ts-fsrs accepts, and they predict the history better than the defaults', async () => {
    const history = simulate(90, 150, 42);
    const result = await optimiseParameters(history, DAYS);
    if (!result.ok) throw new Error(result.reason);
    expect(result.reviewCount).toBeGreaterThanOrEqual(OPTIMISE_MIN_REVIEWS);
    expect(result.cardCount).toBeGreaterThanOrEqual(OPTIMISE_MIN_CARDS);
    expect(result.itemCount).toBeGreaterThan(0);
    expect(result.weights).toHaveLength(DEFAULT_WEIGHTS.length);
    expect(result.weights.every(Number.isFinite)).toBe(true);
    expect(result.weights).not.toEqual([...DEFAULT_WEIGHTS]);
    expect(result.after.logLoss).toBeGreaterThan(0);
    expect(result.after.rmse).toBeGreaterThanOrEqual(0);
    expect(result.improved).toBe(true);
    expect(result.after.logLoss).toBeLessThan(result.before.logLoss);
    // The learner forgets new cards fast: the fitted first-Good stability is below the default.
    expect(result.weights[2]).toBeLessThan(DEFAULT_WEIGHTS[2] ?? 0);

    // The scheduler takes them as they are.
    const personal = parseSrsSettings({ ...DAYS, weights: result.weights });
    expect(personal.ok).toBe(true);
    if (!personal.ok) return;
    const graded = gradeCard(newCardState(new Date(START)), Rating.Good, new Date(START), personal.settings, 'x');
    expect(graded.state.stability).toBeGreaterThan(0);
  });

  it('evaluates "before" with the current weights when given', async () => {
    const history = simulate(90, 150, 42);
    const withDefaults = await optimiseParameters(history, DAYS);
    if (!withDefaults.ok) throw new Error(withDefaults.reason);
    const again = await optimiseParameters(history, { ...DAYS, currentWeights: withDefaults.weights });
    if (!again.ok) throw new Error(again.reason);
    expect(again.before.logLoss).toBeCloseTo(withDefaults.after.logLoss, 6);
  });

  it('refuses a short history and says what is missing', async () => {
    const result = await optimiseParameters(simulate(10, 60, 1), DAYS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(new RegExp(`at least ${OPTIMISE_MIN_REVIEWS} reviews`));
    expect(result.reviewCount).toBeLessThan(OPTIMISE_MIN_REVIEWS);
  });

  it('refuses reviews that all happened on one day', async () => {
    const day = START;
    const history: OptimiseHistoryCard[] = Array.from({ length: 100 }, (_, c) => ({
      cardId: `c${c}`,
      reviews: Array.from({ length: 5 }, (_, i) => ({ rating: Rating.Good, review: new Date(day + (c * 5 + i) * 1000) })),
    }));
    const result = await optimiseParameters(history, DAYS);
    expect(result).toMatchObject({ ok: false, reviewCount: 500, dayCount: 1 });
    expect(result.ok ? '' : result.reason).toMatch(/one day/);
  });

  it('refuses many reviews on too few cards', async () => {
    const history = simulate(200, 150, 5).slice(0, 40);
    const padded: OptimiseHistoryCard[] = [
      ...history,
      // Lots of same-day reviews of other cards: they add reviews but no forgetting signal.
      ...Array.from({ length: 100 }, (_, c) => ({
        cardId: `same-day-${c}`,
        reviews: Array.from({ length: 4 }, (_, i) => ({ rating: Rating.Good, review: new Date(START + c * DAY + i * 60_000) })),
      })),
    ];
    const result = await optimiseParameters(padded, DAYS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reviewCount).toBeGreaterThanOrEqual(OPTIMISE_MIN_REVIEWS);
    expect(result.cardCount).toBe(40);
    expect(result.reason).toMatch(new RegExp(`at least ${OPTIMISE_MIN_CARDS} cards`));
  });
});
