import { describe, expect, it } from 'vitest';
import { default_w, forgetting_curve, fsrs, State } from 'ts-fsrs';
import { DEFAULT_SRS_SETTINGS, gradeCard, newCardState, parseSrsSettings, Rating, type LearnerSrsSettings, type SrsCardState } from './index';
import { createForecaster, DEFAULT_RECALL_TARGET, forecastInstant, type ForecastCard } from './forecast';

const DAY = 86_400_000;
const t0 = new Date('2026-03-02T09:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const settings: LearnerSrsSettings = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false };

/** A card learned on day 0 (two learning steps), then reviewed "Good" on the given days. */
function learned(reviewDays: number[], s: LearnerSrsSettings = settings, id = 'card'): SrsCardState {
  let state = gradeCard(newCardState(t0), Rating.Good, t0, s, id).state;
  state = gradeCard(state, Rating.Good, new Date(t0.getTime() + 10 * 60_000), s, id).state;
  for (const d of reviewDays) state = gradeCard(state, Rating.Good, at(d), s, id).state;
  return state;
}

describe('recall forecast', () => {
  it('is ts-fsrs’s own forgetting curve over fractional days since the last review', () => {
    const f = createForecaster(settings);
    const state = learned([3, 10]);
    expect(state.state).toBe('review');
    for (const days of [10.25, 11, 17.5, 40, 400]) {
      const expected = forgetting_curve(default_w, days - 10, state.stability);
      expect(f.recallAt(state, at(days))).toBeCloseTo(expected, 12);
    }
    // At whole days it agrees with the scheduler's own retrievability.
    const card = { due: state.due, stability: state.stability, difficulty: state.difficulty, elapsed_days: 0, scheduled_days: state.scheduledDays, learning_steps: 0, reps: state.reps, lapses: 0, state: State.Review, last_review: at(10) };
    const fromScheduler = fsrs().get_retrievability(card, at(24), false);
    expect(f.recallAt(state, at(24))).toBeCloseTo(fromScheduler, 10);
    // New cards are not recalled.
    expect(f.recallAt(newCardState(t0), at(5))).toBe(0);
  });

  it('uses the learner’s own weights (their decay)', () => {
    const w = [...default_w];
    w[20] = 0.5;
    const personal = parseSrsSettings({ weights: w, enableFuzz: false });
    if (!personal.ok) throw new Error('settings');
    const state = learned([3]);
    const mine = createForecaster(personal.settings).recallAt(state, at(20));
    expect(mine).toBeCloseTo(forgetting_curve(0.5, 17, state.stability), 12);
    expect(mine).not.toBeCloseTo(createForecaster(settings).recallAt(state, at(20)), 3);
  });

  it('averages over all the assignment’s cards: unlearned and never-enrolled cards count as not recalled', () => {
    const f = createForecaster(settings);
    const a = learned([3]);
    const b = learned([2, 6]);
    const cards: ForecastCard[] = [{ cardId: 'a', state: a }, { cardId: 'b', state: b }, { cardId: 'n', state: newCardState(t0) }];
    const due = at(30);
    const result = f.forecast(cards, 5, due, at(7));
    expect(result.at).toEqual(due);
    expect(result.cards).toBe(5);
    expect(result.learned).toBe(2);
    expect(result.share).toBeCloseTo((forgetting_curve(default_w, 27, a.stability) + forgetting_curve(default_w, 24, b.stability)) / 5, 12);
    expect(f.forecast([], 0, due, at(7)).share).toBe(0);
    expect(() => f.forecast(cards, 2, due, at(7))).toThrow(RangeError);
  });

  it('falls later → lower, and a past or missing due time is forecast for now', () => {
    const f = createForecaster(settings);
    const cards = [{ cardId: 'a', state: learned([3]) }];
    const shares = [10, 20, 40, 80].map((d) => f.forecast(cards, 1, at(d), at(5)).share);
    for (let i = 1; i < shares.length; i++) expect(shares[i]!).toBeLessThan(shares[i - 1]!);
    expect(forecastInstant(at(1), at(5))).toEqual(at(5));
    expect(forecastInstant(null, at(5))).toEqual(at(5));
    expect(f.forecast(cards, 1, at(1), at(5)).share).toBeCloseTo(f.recallAt(cards[0]!.state, at(5)), 12);
  });

  it('simulates "Good" on each due card exactly as gradeCard would, then follows the new curve to the due time', () => {
    const f = createForecaster(settings);
    const review = learned([3]); // due a few days after day 3
    const now = new Date(review.due.getTime() + 2.3 * DAY); // overdue
    const learning = gradeCard(newCardState(t0), Rating.Good, t0, settings, 'l').state; // due 10 minutes later
    const relearning = gradeCard(review, Rating.Again, now, settings, 'r').state;
    const sameDay = new Date(now.getTime() + 20 * 60_000);
    const due = new Date(now.getTime() + 9 * DAY);
    for (const [state, when] of [[review, now], [learning, now], [relearning, sameDay]] as const) {
      expect(state.due.getTime()).toBeLessThanOrEqual(when.getTime());
      const graded = gradeCard(state, Rating.Good, when, settings, 'x').state;
      const expected = forgetting_curve(default_w, (due.getTime() - when.getTime()) / DAY, graded.stability);
      expect(f.recallAfterGood(state, when, due)).toBeCloseTo(expected, 10);
    }
    // In a forecast: only due, reviewable cards are simulated, and the review helps.
    const notDue = learned([3, 5], settings, 'nd');
    const cards: ForecastCard[] = [
      { cardId: 'r', state: review },
      { cardId: 'leech', state: review, reviewable: false },
      { cardId: 'nd', state: { ...notDue, due: new Date(now.getTime() + DAY) } },
    ];
    const result = f.forecast(cards, 3, due, now);
    expect(result.dueNow).toBe(1);
    const expectedAfter = (f.recallAfterGood(review, now, due) + f.recallAt(review, due) + f.recallAt(notDue, due)) / 3;
    expect(result.shareIfReviewedNow).toBeCloseTo(expectedAfter, 12);
    expect(result.shareIfReviewedNow).toBeGreaterThan(result.share);
  });

  it('has an 80 % default target', () => {
    expect(DEFAULT_RECALL_TARGET).toBe(0.8);
  });
});
