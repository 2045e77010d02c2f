// Learner statistics computed from review logs and card states: heatmap, forecast, retention, streak.
// Pure functions; "days" are learner days (time zone + day start hour), keyed 'YYYY-MM-DD'.
import { addDaysToKey, dayKey, dayStart } from './days';
import type { SrsCardState, SrsStateName } from './types';

const DAY_MS = 86_400_000;

export interface DayCount {
  day: string;
  count: number;
}

interface TimedLog {
  review: Date;
}

/** Reviews per learner day for the `days` days ending today, oldest first (missing days count 0). */
export function reviewHeatmap(
  logs: readonly TimedLog[],
  now: Date,
  timeZone: string,
  dayStartHour: number,
  days = 365,
): DayCount[] {
  if (days <= 0) return [];
  const today = dayKey(now, timeZone, dayStartHour);
  const keys = Array.from({ length: days }, (_, i) => addDaysToKey(today, i - (days - 1)));
  const counts = new Map(keys.map((key) => [key, 0]));
  // Cheap pre-filter (with a day of slack for DST) before the Intl work; the map lookup is the real range check.
  const earliest = dayStart(now, timeZone, dayStartHour).getTime() - days * DAY_MS;
  for (const log of logs) {
    if (log.review.getTime() < earliest) continue;
    const key = dayKey(log.review, timeZone, dayStartHour);
    const count = counts.get(key);
    if (count !== undefined) counts.set(key, count + 1);
  }
  return keys.map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

/**
 * Cards falling due on each of the next `days` learner days, starting today. Overdue cards count
 * toward today; new cards are not due and are left out.
 */
export function dueForecast(
  states: readonly SrsCardState[],
  now: Date,
  timeZone: string,
  dayStartHour: number,
  days = 30,
): DayCount[] {
  const today = dayKey(now, timeZone, dayStartHour);
  const todayStart = dayStart(now, timeZone, dayStartHour).getTime();
  const keys = Array.from({ length: Math.max(0, days) }, (_, i) => addDaysToKey(today, i));
  const counts = new Map(keys.map((key) => [key, 0]));
  for (const state of states) {
    if (state.state === 'new') continue;
    const key = state.due.getTime() < todayStart ? today : dayKey(state.due, timeZone, dayStartHour);
    const count = counts.get(key);
    if (count !== undefined) counts.set(key, count + 1);
  }
  return keys.map((day) => ({ day, count: counts.get(day) ?? 0 }));
}

export interface RetentionLog {
  rating: number;
  /** State before the review. */
  state: SrsStateName;
  review: Date;
}

export interface TrueRetention {
  passed: number;
  total: number;
  /** passed / total, or null when there were no reviews of review-state cards. */
  rate: number | null;
}

/** True retention looks back this many days (stats page, class dashboard). */
export const RETENTION_WINDOW_DAYS = 30;

/**
 * Share of reviews of cards in 'review' state (not learning steps) passed (rating > 1) in the
 * last `days` × 24 hours. The class dashboard computes the same rule in SQL (lib/classes/dashboard.ts).
 */
export function trueRetention(logs: readonly RetentionLog[], now: Date, days = RETENTION_WINDOW_DAYS): TrueRetention {
  const end = now.getTime();
  const start = end - days * DAY_MS;
  let passed = 0;
  let total = 0;
  for (const log of logs) {
    const t = log.review.getTime();
    if (log.state !== 'review' || t <= start || t > end) continue;
    total++;
    if (log.rating > 1) passed++;
  }
  return { passed, total, rate: total === 0 ? null : passed / total };
}

export interface Streak {
  /** Consecutive learner days with at least one review, ending today or yesterday. */
  days: number;
  /** Whether today already counts (if not, reviewing today extends the streak). */
  reviewedToday: boolean;
}

export function streak(logs: readonly TimedLog[], now: Date, timeZone: string, dayStartHour: number): Streak {
  const nowMs = now.getTime();
  const reviewed = new Set<string>();
  for (const log of logs) {
    if (log.review.getTime() <= nowMs) reviewed.add(dayKey(log.review, timeZone, dayStartHour));
  }
  const today = dayKey(now, timeZone, dayStartHour);
  const reviewedToday = reviewed.has(today);
  let day = reviewedToday ? today : addDaysToKey(today, -1);
  let days = 0;
  while (reviewed.has(day)) {
    days++;
    day = addDaysToKey(day, -1);
  }
  return { days, reviewedToday };
}

export type StateCounts = Record<SrsStateName, number>;

export function countsByState(states: readonly SrsCardState[]): StateCounts {
  const counts: StateCounts = { new: 0, learning: 0, review: 0, relearning: 0 };
  for (const state of states) counts[state.state]++;
  return counts;
}
