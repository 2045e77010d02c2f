import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SRS_SETTINGS,
  gradeCard,
  isLeech,
  LEECH_LAPSES,
  newCardState,
  parseSrsSettings,
  previewIntervals,
  Rating,
  RATINGS,
  SrsError,
  undoGrade,
  type LearnerSrsSettings,
  type SrsCardState,
} from './index';
import { roundTripState } from './test-helpers';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = new Date('2026-02-02T15:00:00Z');
const settings = DEFAULT_SRS_SETTINGS;

function settingsWith(overrides: Partial<LearnerSrsSettings>): LearnerSrsSettings {
  const parsed = parseSrsSettings({ ...settings, ...overrides });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.settings;
}

/** Grade a fresh card through `ratings`, each review at the card's due time. */
function walk(ratings: readonly Rating[], cardId = 'card-1', s = settings): { state: SrsCardState; now: Date } {
  let state = newCardState(T0);
  let now = T0;
  for (const rating of ratings) {
    state = gradeCard(state, rating, now, s, cardId).state;
    now = new Date(Math.max(state.due.getTime(), now.getTime() + MIN));
  }
  return { state, now };
}

/** A card in each state, with the time it is due. */
function samples(): [string, SrsCardState, Date][] {
  const fresh = newCardState(T0);
  const learning = walk([Rating.Good]);
  const review = walk([Rating.Good, Rating.Good, Rating.Good, Rating.Good]);
  const relearning = walk([Rating.Good, Rating.Good, Rating.Good, Rating.Again]);
  expect(learning.state.state).toBe('learning');
  expect(review.state.state).toBe('review');
  expect(relearning.state.state).toBe('relearning');
  return [
    ['new', fresh, T0],
    ['learning', learning.state, learning.now],
    ['review', review.state, review.now],
    ['relearning', relearning.state, relearning.now],
  ];
}

describe('newCardState', () => {
  it('is a new card due now with no memory', () => {
    expect(newCardState(T0)).toEqual({
      due: T0,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: 'new',
      lastReview: null,
    });
  });
});

describe('gradeCard', () => {
  it('follows the learning steps 1m/10m, then graduates', () => {
    const first = gradeCard(newCardState(T0), Rating.Good, T0, settings, 'c');
    expect(first.state.state).toBe('learning');
    expect(first.state.due.getTime() - T0.getTime()).toBe(10 * MIN);
    const again = gradeCard(newCardState(T0), Rating.Again, T0, settings, 'c');
    expect(again.state.due.getTime() - T0.getTime()).toBe(1 * MIN);
    const second = gradeCard(first.state, Rating.Good, first.state.due, settings, 'c');
    expect(second.state.state).toBe('review');
    expect(second.state.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(second.state.reps).toBe(2);
    expect(second.state.lastReview).toEqual(first.state.due);
  });

  it('records the state before the review in the log', () => {
    const { state, now } = walk([Rating.Good, Rating.Good, Rating.Good]);
    const { log } = gradeCard(state, Rating.Hard, now, settings, 'c');
    expect(log).toEqual({
      rating: Rating.Hard,
      state: 'review',
      due: state.due,
      lastReview: state.lastReview,
      stability: state.stability,
      difficulty: state.difficulty,
      elapsedDays: state.scheduledDays,
      lastElapsedDays: state.elapsedDays,
      scheduledDays: state.scheduledDays,
      learningSteps: state.learningSteps,
      review: now,
    });
  });

  it('counts elapsed days by the learner’s day boundaries, not UTC dates', () => {
    const ny = settingsWith({ timeZone: 'America/New_York', dayStartHour: 4, learningSteps: [] });
    // Graduate at 19:30 EDT, review again at 21:00 EDT: UTC midnight passed, the learner day did not.
    const first = gradeCard(newCardState(T0), Rating.Good, new Date('2026-06-01T23:30:00Z'), ny, 'c');
    const sameDay = gradeCard(first.state, Rating.Good, new Date('2026-06-02T01:00:00Z'), ny, 'c');
    expect(sameDay.log.elapsedDays).toBe(0);
    expect(sameDay.state.elapsedDays).toBe(0);
    // 03:59 EDT is still the same learner day; 04:00 is the next one.
    expect(gradeCard(first.state, Rating.Good, new Date('2026-06-02T07:59:00Z'), ny, 'c').state.elapsedDays).toBe(0);
    expect(gradeCard(first.state, Rating.Good, new Date('2026-06-02T08:00:00Z'), ny, 'c').state.elapsedDays).toBe(1);
    // Same-day reviews use FSRS short-term stability, so the two cases really schedule differently.
    const nextDay = gradeCard(first.state, Rating.Good, new Date('2026-06-02T08:00:00Z'), ny, 'c');
    expect(nextDay.state.stability).not.toBe(sameDay.state.stability);
  });

  it('rejects an invalid rating, time or card id', () => {
    const state = newCardState(T0);
    expect(() => gradeCard(state, 0 as Rating, T0, settings, 'c')).toThrow(SrsError);
    expect(() => gradeCard(state, 5 as Rating, T0, settings, 'c')).toThrow(SrsError);
    expect(() => gradeCard(state, Rating.Good, new Date(Number.NaN), settings, 'c')).toThrow(SrsError);
    expect(() => gradeCard(state, Rating.Good, T0, settings, '')).toThrow(SrsError);
  });

  it('does not mutate its input', () => {
    const { state, now } = walk([Rating.Good, Rating.Good]);
    const copy = roundTripState(state);
    gradeCard(state, Rating.Again, now, settings, 'c');
    expect(state).toEqual(copy);
  });
});

describe('previewIntervals', () => {
  it.each(samples())('matches gradeCard for every grade (%s card, fuzz on)', (_name, state, now) => {
    const preview = previewIntervals(state, now, settings, 'card-7');
    expect(preview.map((p) => p.rating)).toEqual(RATINGS);
    for (const p of preview) {
      const graded = gradeCard(state, p.rating, now, settings, 'card-7');
      expect(p.due).toEqual(graded.state.due);
      expect(p.intervalMs).toBe(graded.state.due.getTime() - now.getTime());
      expect(p.label).toMatch(/^(<1m|\d+(\.\d)?(m|h|d|mo|y))$/);
    }
    // Harder grades never come back later than easier ones.
    const dues = preview.map((p) => p.due.getTime());
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
  });

  it('labels the default learning steps', () => {
    expect(previewIntervals(newCardState(T0), T0, settings, 'c').map((p) => p.label).slice(0, 3)).toEqual([
      '1m',
      '6m',
      '10m',
    ]);
  });
});

describe('undoGrade', () => {
  it.each(samples())('restores the exact previous state for every grade (%s card)', (_name, state, now) => {
    for (const rating of RATINGS) {
      const graded = gradeCard(state, rating, now, settings, 'card-3');
      expect(undoGrade(graded.state, graded.log)).toEqual(state);
      // Also after a trip through JSON, as from the database.
      expect(undoGrade(roundTripState(graded.state), graded.log)).toEqual(state);
    }
  });

  it('restores a due date that was not the review time (reviewed late)', () => {
    const { state, now } = walk([Rating.Good, Rating.Good, Rating.Good]);
    const late = new Date(now.getTime() + 9 * DAY);
    const graded = gradeCard(state, Rating.Good, late, settings, 'c');
    expect(undoGrade(graded.state, graded.log).due).toEqual(state.due);
  });

  it('undoes several grades newest first', () => {
    let state = newCardState(T0);
    const history: { before: SrsCardState; after: SrsCardState; log: ReturnType<typeof gradeCard>['log'] }[] = [];
    let now = T0;
    for (const rating of [Rating.Good, Rating.Again, Rating.Good, Rating.Good, Rating.Hard, Rating.Again]) {
      const graded = gradeCard(state, rating, now, settings, 'c');
      history.push({ before: state, after: graded.state, log: graded.log });
      state = graded.state;
      now = new Date(state.due.getTime() + 3 * 3_600_000);
    }
    for (const step of history.reverse()) {
      state = undoGrade(state, step.log);
      expect(state).toEqual(step.before);
    }
    expect(state).toEqual(newCardState(T0));
  });

  it('refuses a log that is not the card’s latest review', () => {
    const first = gradeCard(newCardState(T0), Rating.Good, T0, settings, 'c');
    const second = gradeCard(first.state, Rating.Good, first.state.due, settings, 'c');
    expect(() => undoGrade(second.state, first.log)).toThrow(SrsError);
    expect(() => undoGrade(newCardState(T0), first.log)).toThrow(SrsError);
  });
});

describe('fuzz', () => {
  const long = walk([Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good]);

  it('is on by default and the review interval is long enough to be fuzzed', () => {
    expect(settings.enableFuzz).toBe(true);
    expect(long.state.scheduledDays).toBeGreaterThan(7);
  });

  it('is repeatable: same card id, state and time give the same result', () => {
    const a = gradeCard(long.state, Rating.Good, long.now, settings, 'card-42');
    // Unrelated work in between must not matter (no hidden shared state).
    for (let i = 0; i < 5; i++) gradeCard(long.state, Rating.Good, long.now, settings, `other-${i}`);
    const b = gradeCard(roundTripState(long.state), Rating.Good, new Date(long.now.getTime()), settings, 'card-42');
    expect(b).toEqual(a);
  });

  it('differs between cards with identical state reviewed at the same moment', () => {
    const dues = new Set<number>();
    for (let i = 0; i < 40; i++) {
      dues.add(gradeCard(long.state, Rating.Good, long.now, settings, `card-${i}`).state.due.getTime());
    }
    expect(dues.size).toBeGreaterThan(3);
  });

  it('is absent when disabled: every card gets the same interval', () => {
    const off = settingsWith({ enableFuzz: false });
    const dues = new Set<number>();
    for (let i = 0; i < 20; i++) {
      dues.add(gradeCard(long.state, Rating.Good, long.now, off, `card-${i}`).state.due.getTime());
    }
    expect(dues.size).toBe(1);
  });

  it('stays close to the unfuzzed interval', () => {
    const off = settingsWith({ enableFuzz: false });
    const base = gradeCard(long.state, Rating.Good, long.now, off, 'c').state.scheduledDays;
    for (let i = 0; i < 40; i++) {
      const fuzzed = gradeCard(long.state, Rating.Good, long.now, settings, `card-${i}`).state.scheduledDays;
      expect(Math.abs(fuzzed - base)).toBeLessThanOrEqual(Math.max(2, Math.ceil(base * 0.15)));
    }
  });
});

describe('leeches', () => {
  it(`flags a card on its ${LEECH_LAPSES}th lapse, once`, () => {
    let state = walk([Rating.Good, Rating.Good]).state;
    let now = state.due;
    let flagged = 0;
    let lapsesWhenFlagged = -1;
    for (let cycle = 0; cycle < LEECH_LAPSES + 2; cycle++) {
      expect(state.state).toBe('review');
      const lapse = gradeCard(state, Rating.Again, now, settings, 'leechy');
      expect(lapse.state.lapses).toBe(state.lapses + 1);
      if (lapse.becameLeech) {
        flagged++;
        lapsesWhenFlagged = lapse.state.lapses;
      }
      expect(isLeech(lapse.state)).toBe(lapse.state.lapses >= LEECH_LAPSES);
      // Relearning: Good graduates back to review without touching lapses.
      const relearned = gradeCard(lapse.state, Rating.Good, lapse.state.due, settings, 'leechy');
      expect(relearned.state.lapses).toBe(lapse.state.lapses);
      expect(relearned.becameLeech).toBe(false);
      state = relearned.state;
      now = state.due;
    }
    expect(flagged).toBe(1);
    expect(lapsesWhenFlagged).toBe(LEECH_LAPSES);
    expect(LEECH_LAPSES).toBe(8);
  });

  it('does not count Again during (re)learning as a lapse', () => {
    const learning = gradeCard(newCardState(T0), Rating.Again, T0, settings, 'c');
    expect(learning.state.lapses).toBe(0);
    expect(isLeech({ ...learning.state, lapses: 7 })).toBe(false);
    expect(isLeech({ ...learning.state, lapses: 8 })).toBe(true);
  });
});
