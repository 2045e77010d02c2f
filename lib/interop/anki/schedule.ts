// A learner's FSRS schedule in Anki's terms and back: card state → cards row (type/queue/due/ivl/left and
// the FSRS memory state), our review log → revlog rows, and revlog rows → the grades to replay.
import { dayStart, learnerDaysBetween, nextDayStart, type Rating, type SrsCardState, type SrsStateName } from '@/lib/srs';
import type { AnkiRevlogEntry, AnkiSchedule } from './types';

export interface ScheduleContext {
  now: Date;
  timeZone: string;
  dayStartHour: number;
  /** The collection's creation instant: review due days count from its day. */
  collectionCreated: Date;
  learningSteps: readonly string[];
  relearningSteps: readonly string[];
  desiredRetention: number;
}

/** The collection's creation instant for an export made now: the start of the learner's day. */
export function collectionCreatedFor(now: Date, timeZone: string, dayStartHour: number): Date {
  return dayStart(now, timeZone, dayStartHour);
}

const TYPE: Record<SrsStateName, 0 | 1 | 2 | 3> = { new: 0, learning: 1, review: 2, relearning: 3 };

function dayNumber(at: Date, ctx: ScheduleContext): number {
  return learnerDaysBetween(ctx.collectionCreated, at, ctx.timeZone, ctx.dayStartHour);
}

/** The cards-row schedule of one card. `position` orders new cards; `suspended` covers leeches and instructor suspension. */
export function toAnkiSchedule(state: SrsCardState, ctx: ScheduleContext, position: number, suspended: boolean): AnkiSchedule {
  const type = TYPE[state.state];
  const memory =
    state.state === 'new' || state.stability <= 0
      ? {}
      : { stability: state.stability, difficulty: state.difficulty, desiredRetention: ctx.desiredRetention };
  const base = { reps: state.reps, lapses: state.lapses, ...memory };
  if (state.state === 'new') {
    return { ...base, type, queue: suspended ? -1 : 0, due: position, ivl: 0, factor: 0, left: 0 };
  }
  if (state.state === 'review') {
    return {
      ...base,
      type,
      queue: suspended ? -1 : 2,
      due: dayNumber(state.due, ctx),
      ivl: Math.max(1, state.scheduledDays),
      factor: 2500,
      left: 0,
    };
  }
  const steps = state.state === 'learning' ? ctx.learningSteps : ctx.relearningSteps;
  const remaining = Math.max(1, steps.length - state.learningSteps);
  const intraday = state.due.getTime() < nextDayStart(ctx.now, ctx.timeZone, ctx.dayStartHour).getTime();
  return {
    ...base,
    type,
    queue: suspended ? -1 : intraday ? 1 : 3,
    due: intraday ? Math.floor(state.due.getTime() / 1000) : dayNumber(state.due, ctx),
    ivl: state.state === 'relearning' ? Math.max(1, state.scheduledDays) : 0,
    factor: state.state === 'relearning' ? 2500 : 0,
    left: remaining * 1000 + remaining,
  };
}

/** One of our review-log rows: the state before the grade, the grade and when. */
export interface LogForExport {
  rating: Rating;
  state: SrsStateName;
  due: Date;
  scheduledDays: number;
  review: Date;
  durationMs: number;
}

function interval(scheduledDays: number, from: Date, due: Date): number {
  if (scheduledDays > 0) return scheduledDays;
  return -Math.max(1, Math.round((due.getTime() - from.getTime()) / 1000));
}

const REVLOG_TYPE: Record<SrsStateName, 0 | 1 | 2> = { new: 0, learning: 0, review: 1, relearning: 2 };

/**
 * revlog rows for one card's history (oldest first). The interval after a review is what the next review
 * found (its "before" fields), or the card's current state after the last one.
 */
export function toAnkiRevlog(logs: readonly LogForExport[], current: SrsCardState): AnkiRevlogEntry[] {
  const ordered = [...logs].sort((a, b) => a.review.getTime() - b.review.getTime());
  return ordered.map((log, i) => {
    const next = ordered[i + 1];
    const after = next ? { scheduledDays: next.scheduledDays, due: next.due } : { scheduledDays: current.scheduledDays, due: current.due };
    const previous = ordered[i - 1];
    return {
      id: log.review.getTime(),
      ease: log.rating,
      ivl: interval(after.scheduledDays, log.review, after.due),
      lastIvl: previous ? interval(log.scheduledDays, previous.review, log.due) : 0,
      factor: log.state === 'new' || log.state === 'learning' ? 0 : 2500,
      time: Math.min(60_000, Math.max(0, Math.round(log.durationMs))),
      type: REVLOG_TYPE[log.state],
    };
  });
}

export interface ReplayGrade {
  rating: Rating;
  review: Date;
  durationMs: number;
  /** The revlog row id, so importing twice records each review once. */
  revlogId: number;
}

/** The grades of a card's revlog to replay into FSRS: learn, review, relearn and filtered reviews; manual
 * reschedules and "set due date" rows (type 4, 5 or ease 0) are not answers and are skipped. */
export function gradesFromRevlog(revlog: readonly AnkiRevlogEntry[]): ReplayGrade[] {
  return revlog
    .filter((r) => r.type <= 3 && r.ease >= 1 && r.ease <= 4 && Number.isFinite(r.id) && r.id > 0)
    .sort((a, b) => a.id - b.id)
    .map((r) => ({ rating: r.ease, review: new Date(r.id), durationMs: Math.max(0, Math.min(r.time, 3_600_000)), revlogId: r.id }));
}
