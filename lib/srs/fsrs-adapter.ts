// The only module that touches ts-fsrs: maps our plain types to/from ts-fsrs and builds schedulers.
// When ts-fsrs 6 lands, this file (and optimise.ts for the binding) is what should need to change.
import {
  default_w,
  forgetting_curve,
  fsrs,
  FSRSAlgorithm,
  generatorParameters,
  Rating as FsrsRating,
  State as FsrsState,
  StrategyMode,
  type Card,
  type FSRS,
  type FSRSParameters,
  type Grade,
  type ReviewLog,
  type StepUnit,
} from 'ts-fsrs';
import { dayKey, daysBetweenKeys, learnerDaysBetween } from './days';
import type { LearnerSrsSettings } from './settings';
import { STEP_PATTERN } from './steps';
import { SrsError, type Rating, type SrsCardState, type SrsReviewLog, type SrsStateName } from './types';

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

/** FSRS-6 default weights of the installed ts-fsrs (used when a learner has no personal weights). */
export const DEFAULT_WEIGHTS: readonly number[] = Object.freeze([...default_w]);

const STATE_TO_FSRS: Readonly<Record<SrsStateName, FsrsState>> = {
  new: FsrsState.New,
  learning: FsrsState.Learning,
  review: FsrsState.Review,
  relearning: FsrsState.Relearning,
};

function stateFromFsrs(state: FsrsState): SrsStateName {
  switch (state) {
    case FsrsState.New:
      return 'new';
    case FsrsState.Learning:
      return 'learning';
    case FsrsState.Review:
      return 'review';
    case FsrsState.Relearning:
      return 'relearning';
    default:
      throw new SrsError(`Unknown ts-fsrs state ${String(state)}`);
  }
}

const GRADE: Readonly<Record<Rating, Grade>> = {
  1: FsrsRating.Again,
  2: FsrsRating.Hard,
  3: FsrsRating.Good,
  4: FsrsRating.Easy,
};

function isStepUnit(step: string): step is StepUnit {
  return STEP_PATTERN.test(step);
}

function toSteps(steps: readonly string[], what: string): StepUnit[] {
  return steps.map((step) => {
    if (!isStepUnit(step)) throw new SrsError(`Invalid ${what} step "${step}"`);
    return step;
  });
}

export function toFsrsParameters(settings: LearnerSrsSettings): FSRSParameters {
  return generatorParameters({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumInterval,
    w: settings.weights,
    enable_fuzz: settings.enableFuzz,
    enable_short_term: true,
    learning_steps: toSteps(settings.learningSteps, 'learning'),
    relearning_steps: toSteps(settings.relearningSteps, 'relearning'),
  });
}

/**
 * ts-fsrs seeds its fuzz from review time, reps and difficulty×stability, so two cards with the same
 * memory state graded in the same millisecond would get the same fuzz. Adding the card id spreads
 * them, and the seed still depends only on (card id, state, time): grading is repeatable.
 */
export function fuzzSeed(cardId: string, state: SrsCardState, now: Date): string {
  return `${cardId}|${now.getTime()}|${state.reps + 1}|${state.difficulty * state.stability}`;
}

function schedulerFor(settings: LearnerSrsSettings, seed: string): FSRS {
  // A fresh instance per call: ts-fsrs keeps the seed on the instance, so sharing one is a trap.
  return fsrs(toFsrsParameters(settings)).useStrategy(StrategyMode.SEED, () => seed);
}

/** Learner days since the last review, as FSRS should see them at `now`. */
export function learnerElapsedDays(state: SrsCardState, now: Date, settings: LearnerSrsSettings): number {
  if (state.state === 'new' || state.lastReview === null) return 0;
  return Math.max(0, learnerDaysBetween(state.lastReview, now, settings.timeZone, settings.dayStartHour));
}

/**
 * ts-fsrs 5 counts elapsed days between UTC calendar dates of last_review and now. We want the
 * learner's day boundaries instead, so we hand it a stand-in last_review exactly `elapsed` × 24h
 * before `now`, whose UTC date difference is `elapsed`. Only the elapsed-day count reads it;
 * the real lastReview is kept by us, never taken back from ts-fsrs.
 */
function toFsrsCard(state: SrsCardState, elapsedDays: number, now: Date): Card {
  return {
    due: new Date(state.due.getTime()),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: STATE_TO_FSRS[state.state],
    last_review:
      state.state === 'new' || state.lastReview === null
        ? undefined
        : new Date(now.getTime() - elapsedDays * DAY_MS),
  };
}

function fromFsrsCard(card: Card, elapsedDays: number, lastReview: Date | null): SrsCardState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateFromFsrs(card.state),
    lastReview: lastReview === null ? null : new Date(lastReview.getTime()),
  };
}

function buildLog(before: SrsCardState, rating: Rating, elapsedDays: number, now: Date): SrsReviewLog {
  return {
    rating,
    state: before.state,
    due: new Date(before.due.getTime()),
    lastReview: before.lastReview === null ? null : new Date(before.lastReview.getTime()),
    stability: before.stability,
    difficulty: before.difficulty,
    elapsedDays,
    lastElapsedDays: before.elapsedDays,
    scheduledDays: before.scheduledDays,
    learningSteps: before.learningSteps,
    review: new Date(now.getTime()),
  };
}

export interface ScheduledOutcome {
  state: SrsCardState;
  log: SrsReviewLog;
}

/** Outcomes of all four grades at `now`, in one ts-fsrs preview (same seed as `scheduleOne`). */
export function scheduleAll(
  state: SrsCardState,
  now: Date,
  settings: LearnerSrsSettings,
  cardId: string,
): Record<Rating, ScheduledOutcome> {
  const elapsed = learnerElapsedDays(state, now, settings);
  const preview = schedulerFor(settings, fuzzSeed(cardId, state, now)).repeat(toFsrsCard(state, elapsed, now), now);
  const outcome = (rating: Rating): ScheduledOutcome => ({
    state: fromFsrsCard(preview[GRADE[rating]].card, elapsed, now),
    log: buildLog(state, rating, elapsed, now),
  });
  return { 1: outcome(1), 2: outcome(2), 3: outcome(3), 4: outcome(4) };
}

/** Outcome of one grade at `now`. */
export function scheduleOne(
  state: SrsCardState,
  rating: Rating,
  now: Date,
  settings: LearnerSrsSettings,
  cardId: string,
): ScheduledOutcome {
  const elapsed = learnerElapsedDays(state, now, settings);
  const item = schedulerFor(settings, fuzzSeed(cardId, state, now)).next(
    toFsrsCard(state, elapsed, now),
    now,
    GRADE[rating],
  );
  return { state: fromFsrsCard(item.card, elapsed, now), log: buildLog(state, rating, elapsed, now) };
}

/**
 * Previous state via ts-fsrs `rollback`. Its rollback sets `due` to the review time and takes
 * last_review from log.due, so it cannot restore those two; our log stores both, and we put
 * them back (plus elapsedDays, which we compute ourselves).
 */
export function rollbackOne(stateAfter: SrsCardState, log: SrsReviewLog): SrsCardState {
  const after: Card = {
    due: new Date(stateAfter.due.getTime()),
    stability: stateAfter.stability,
    difficulty: stateAfter.difficulty,
    elapsed_days: stateAfter.elapsedDays,
    scheduled_days: stateAfter.scheduledDays,
    learning_steps: stateAfter.learningSteps,
    reps: stateAfter.reps,
    lapses: stateAfter.lapses,
    state: STATE_TO_FSRS[stateAfter.state],
    last_review: stateAfter.lastReview ?? undefined,
  };
  const fsrsLog: ReviewLog = {
    rating: GRADE[log.rating],
    state: STATE_TO_FSRS[log.state],
    due: log.lastReview ?? log.due,
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsedDays,
    last_elapsed_days: log.lastElapsedDays,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: log.review,
  };
  const previous = fsrs().rollback(after, fsrsLog);
  return fromFsrsCard(
    { ...previous, due: log.due },
    log.lastElapsedDays,
    log.lastReview,
  );
}

/**
 * Returns a function giving the probability of recall of a card at `now`. Uses fractional days
 * since the last review (ts-fsrs's get_retrievability floors to whole days), so cards due on the
 * same day still sort by how overdue they really are.
 */
export function retrievabilityCalculator(settings: LearnerSrsSettings): (state: SrsCardState, now: Date) => number {
  const w = toFsrsParameters(settings).w;
  return (state, now) => {
    if (state.state === 'new' || state.lastReview === null || state.stability <= 0) return 0;
    const elapsed = Math.max(0, (now.getTime() - state.lastReview.getTime()) / DAY_MS);
    return forgetting_curve(w, elapsed, state.stability);
  };
}

/** Probability (0-1) that the learner recalls the card at `now`; 0 for new cards. */
export function retrievability(state: SrsCardState, now: Date, settings: LearnerSrsSettings): number {
  return retrievabilityCalculator(settings)(state, now);
}

const round8 = (x: number): number => Math.round(x * 1e8) / 1e8;
const S_MIN = 0.001;
const S_MAX = 36_500;

/**
 * ts-fsrs's forgetting curve for one learner's weights with the decay and factor worked out once (ts-fsrs
 * recomputes them on every call, which costs more than the curve over a class's 50,000 cards).
 * Same formula and rounding as ts-fsrs `forgetting_curve` (unit-tested against it).
 */
export function forgettingCurveFor(settings: LearnerSrsSettings): (elapsedDays: number, stability: number) => number {
  const { decay, factor } = forgettingCurveParams(settings);
  return (elapsedDays, stability) => round8(Math.pow(1 + (factor * elapsedDays) / stability, decay));
}

/**
 * The two numbers of the learner's forgetting curve R(t, S) = (1 + factor · t / S)^decay, for code that
 * evaluates it elsewhere (the class forecast sums it in SQL).
 */
export function forgettingCurveParams(settings: LearnerSrsSettings): { decay: number; factor: number } {
  const w = new FSRSAlgorithm(toFsrsParameters(settings)).parameters.w;
  const decay = -(w[20] ?? 0.5);
  return { decay, factor: round8(Math.exp(Math.log(0.9) / decay) - 1) };
}

/**
 * Returns a function giving the stability a card would have right after a "Good" at `now`: the memory
 * step ts-fsrs takes in `gradeCard` (learner-day elapsed count; short-term stability for a same-day
 * review, recall stability otherwise), written out for Good with the weights read once, because the
 * recall forecast simulates thousands of due reviews per dashboard view and a ts-fsrs call per card costs
 * ~70 µs. Unit-tested against gradeCard. New cards get the initial "Good" stability.
 */
export function goodStabilityCalculator(settings: LearnerSrsSettings): (state: SrsCardState, now: Date) => number {
  const params = toFsrsParameters(settings);
  const algorithm = new FSRSAlgorithm(params);
  const w = [...algorithm.parameters.w];
  const at = (i: number): number => w[i] ?? 0;
  const curve = forgettingCurveFor(settings);
  const initial = algorithm.init_stability(FsrsRating.Good);
  const shortTermGain = Math.exp(at(17) * at(18));
  // Day keys go through Intl, which is slow; every zone's day boundaries fall on a multiple of 15 minutes
  // (UTC), so instants in one 15-minute slot share a learner day, remembered per slot.
  const days = new Map<number, number>();
  const dayOf = (date: Date): number => {
    const slot = Math.floor(date.getTime() / QUARTER_HOUR_MS);
    let n = days.get(slot);
    if (n === undefined) {
      n = daysBetweenKeys('1970-01-01', dayKey(date, settings.timeZone, settings.dayStartHour));
      days.set(slot, n);
    }
    return n;
  };
  return (state, now) => {
    if (state.state === 'new' || state.lastReview === null || state.stability <= 0) return initial;
    const s = state.stability;
    const elapsed = Math.max(0, dayOf(now) - dayOf(state.lastReview));
    if (elapsed === 0 && params.enable_short_term) {
      return round8(Math.min(Math.max(s * Math.max(Math.pow(s, -at(19)) * shortTermGain, 1), S_MIN), S_MAX));
    }
    const r = curve(elapsed, s);
    const gain = Math.exp(at(8)) * (11 - state.difficulty) * Math.pow(s, -at(9)) * (Math.exp((1 - r) * at(10)) - 1);
    return round8(Math.min(Math.max(s * (1 + gain), S_MIN), S_MAX));
  };
}
