import { describe, expect, it } from 'vitest';
import {
  countsByState,
  dueForecast,
  newCardState,
  reviewHeatmap,
  streak,
  trueRetention,
  type SrsCardState,
  type SrsStateName,
} from './index';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const TZ = 'America/New_York';
// 14:00 EST on 2026-01-20; learner days start 04:00 local (09:00Z).
const NOW = at('2026-01-20T19:00:00Z');

describe('reviewHeatmap', () => {
  it('counts reviews per learner day, oldest first, with empty days as 0', () => {
    const logs = [
      { review: at('2026-01-20T10:00:00Z') }, // 05:00 EST 20th
      { review: at('2026-01-20T08:00:00Z') }, // 03:00 EST → still the 19th
      { review: at('2026-01-19T12:00:00Z') },
      { review: at('2026-01-17T23:00:00Z') },
      { review: at('2025-12-01T12:00:00Z') }, // outside the window
      { review: at('2026-01-21T12:00:00Z') }, // in the future
    ];
    expect(reviewHeatmap(logs, NOW, TZ, 4, 4)).toEqual([
      { day: '2026-01-17', count: 1 },
      { day: '2026-01-18', count: 0 },
      { day: '2026-01-19', count: 2 },
      { day: '2026-01-20', count: 1 },
    ]);
  });

  it('defaults to 365 days ending today', () => {
    const map = reviewHeatmap([], NOW, TZ, 4);
    expect(map).toHaveLength(365);
    expect(map.at(-1)?.day).toBe('2026-01-20');
    expect(map[0]?.day).toBe('2025-01-21');
    expect(reviewHeatmap([], NOW, TZ, 4, 0)).toEqual([]);
  });
});

describe('dueForecast', () => {
  const due = (iso: string, state: SrsStateName = 'review'): SrsCardState => ({ ...newCardState(at(iso)), state });

  it('buckets due dates into learner days, overdue into today, and skips new cards', () => {
    const states = [
      due('2026-01-10T12:00:00Z'), // overdue → today
      due('2026-01-20T22:00:00Z'), // today
      due('2026-01-21T08:59:00Z'), // 03:59 EST on the 21st → still today
      due('2026-01-21T09:00:00Z'), // tomorrow
      due('2026-01-20T19:10:00Z', 'learning'), // learning later today
      due('2026-01-22T12:00:00Z', 'relearning'),
      due('2026-01-20T12:00:00Z', 'new'),
      due('2026-03-01T12:00:00Z'), // beyond the window
    ];
    expect(dueForecast(states, NOW, TZ, 4, 3)).toEqual([
      { day: '2026-01-20', count: 4 },
      { day: '2026-01-21', count: 1 },
      { day: '2026-01-22', count: 1 },
    ]);
    expect(dueForecast([], NOW, TZ, 4)).toHaveLength(30);
  });
});

describe('trueRetention', () => {
  it('counts only reviews of cards in review state within the window', () => {
    const log = (rating: number, state: SrsStateName, daysAgo: number) => ({
      rating,
      state,
      review: new Date(NOW.getTime() - daysAgo * DAY),
    });
    const logs = [
      log(3, 'review', 1),
      log(2, 'review', 2),
      log(4, 'review', 3),
      log(1, 'review', 4),
      log(1, 'learning', 1), // learning steps don't count
      log(3, 'relearning', 1),
      log(3, 'new', 1),
      log(1, 'review', 31), // outside 30 days
      log(3, 'review', -1), // in the future
    ];
    expect(trueRetention(logs, NOW)).toEqual({ passed: 3, total: 4, rate: 0.75 });
    expect(trueRetention(logs, NOW, 2.5)).toEqual({ passed: 2, total: 2, rate: 1 });
    expect(trueRetention([], NOW)).toEqual({ passed: 0, total: 0, rate: null });
  });
});

describe('streak', () => {
  const reviewsOn = (...isoTimes: string[]) => isoTimes.map((iso) => ({ review: at(iso) }));

  it('counts consecutive learner days ending today', () => {
    const logs = reviewsOn('2026-01-20T15:00:00Z', '2026-01-19T15:00:00Z', '2026-01-18T15:00:00Z', '2026-01-16T15:00:00Z');
    expect(streak(logs, NOW, TZ, 4)).toEqual({ days: 3, reviewedToday: true });
  });

  it('keeps a streak that ends yesterday alive', () => {
    const logs = reviewsOn('2026-01-19T15:00:00Z', '2026-01-18T15:00:00Z');
    expect(streak(logs, NOW, TZ, 4)).toEqual({ days: 2, reviewedToday: false });
  });

  it('is broken by a missed day', () => {
    expect(streak(reviewsOn('2026-01-18T15:00:00Z'), NOW, TZ, 4)).toEqual({ days: 0, reviewedToday: false });
    expect(streak([], NOW, TZ, 4)).toEqual({ days: 0, reviewedToday: false });
  });

  it('uses the learner’s day start: a 02:00 review belongs to the previous day', () => {
    // 02:00 EST on the 20th is learner day the 19th; 02:00 EST on the 19th is the 18th.
    const logs = reviewsOn('2026-01-20T07:00:00Z', '2026-01-19T07:00:00Z');
    expect(streak(logs, NOW, TZ, 4)).toEqual({ days: 2, reviewedToday: false });
    expect(streak(logs, NOW, TZ, 0)).toEqual({ days: 2, reviewedToday: true });
  });
});

describe('countsByState', () => {
  it('counts each state', () => {
    const base = newCardState(NOW);
    const states: SrsStateName[] = ['new', 'review', 'review', 'learning', 'relearning', 'review'];
    expect(countsByState(states.map((state) => ({ ...base, state })))).toEqual({
      new: 1,
      learning: 1,
      review: 3,
      relearning: 1,
    });
  });
});
