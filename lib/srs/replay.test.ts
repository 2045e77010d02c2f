// Property test: grading step by step (through JSON, with undos) and replaying the surviving reviews
// give identical states, for random ratings, times and settings with fuzz on.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WEIGHTS,
  gradeCard,
  newCardState,
  parseSrsSettings,
  Rating,
  replayReviews,
  undoGrade,
  type LearnerSrsSettings,
  type ReplayReview,
  type SrsCardState,
} from './index';
import { pick, roundTripState, seededRandom } from './test-helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

function randomSettings(random: () => number): LearnerSrsSettings {
  // Personal weights: defaults nudged by up to ±30 %, which ts-fsrs then clamps to its valid ranges.
  const weights = random() < 0.5 ? undefined : DEFAULT_WEIGHTS.map((w) => w * (0.7 + 0.6 * random()));
  const parsed = parseSrsSettings({
    desiredRetention: Math.round((0.7 + random() * 0.29) * 100) / 100,
    maximumInterval: pick(random, [36500, 3650, 365, 30, 7]),
    learningSteps: pick(random, [['1m', '10m'], [], ['5m'], ['1m', '1h', '1d'], ['10m', '2d']]),
    relearningSteps: pick(random, [['10m'], [], ['5m', '1h'], ['1d']]),
    timeZone: pick(random, ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham']),
    dayStartHour: Math.floor(random() * 24),
    enableFuzz: true,
    weights,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.settings;
}

function randomRating(random: () => number): Rating {
  const x = random();
  return x < 0.2 ? Rating.Again : x < 0.3 ? Rating.Hard : x < 0.9 ? Rating.Good : Rating.Easy;
}

/** Next review time: usually around the due date, sometimes early, late or much later. */
function nextTime(random: () => number, state: SrsCardState, last: number): number {
  const due = state.due.getTime();
  const x = random();
  let t: number;
  if (x < 0.5) t = due + random() * HOUR;
  else if (x < 0.65) t = last + random() * 2 * HOUR; // early, same day
  else if (x < 0.85) t = due + random() * 10 * DAY; // late
  else if (x < 0.95) t = last + random() * 400 * DAY; // anything
  else t = last; // same millisecond as the previous review
  return Math.max(last, Math.round(t));
}

describe('replayReviews (property)', () => {
  it('reproduces the stored state exactly for random histories', () => {
    const runs = 300;
    let reviewsChecked = 0;
    let undosChecked = 0;
    const statesSeen = new Set<string>();
    for (let run = 0; run < runs; run++) {
      const random = seededRandom(1000 + run);
      const settings = randomSettings(random);
      const cardId = `card-${Math.floor(random() * 1e9)}`;
      const createdAt = new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 3 * 365 * DAY));
      let state = newCardState(createdAt);
      let last = createdAt.getTime();
      const kept: ReplayReview[] = [];
      const steps = 1 + Math.floor(random() * 40);
      for (let step = 0; step < steps; step++) {
        const t = nextTime(random, state, last);
        const rating = randomRating(random);
        // The stored state goes through JSON between reviews, as it would through the database.
        const graded = gradeCard(roundTripState(state), rating, new Date(t), settings, cardId);
        statesSeen.add(graded.state.state);
        last = t;
        if (random() < 0.15) {
          expect(undoGrade(roundTripState(graded.state), graded.log)).toEqual(state);
          undosChecked++;
          continue;
        }
        kept.push({ rating, review: new Date(t) });
        state = graded.state;
      }
      const replayed = replayReviews(kept, settings, cardId, createdAt);
      const context = `run ${run}, ${kept.length} reviews, ${JSON.stringify(settings)}`;
      expect(replayed.stability, context).toBe(state.stability);
      expect(replayed.difficulty, context).toBe(state.difficulty);
      expect(replayed.due.getTime(), context).toBe(state.due.getTime());
      expect(replayed.reps, context).toBe(state.reps);
      expect(replayed.lapses, context).toBe(state.lapses);
      expect(replayed.state, context).toBe(state.state);
      expect(replayed.learningSteps, context).toBe(state.learningSteps);
      expect(replayed, context).toEqual(state);
      reviewsChecked += kept.length;
    }
    // Make sure the generator actually exercised the interesting paths.
    expect(reviewsChecked).toBeGreaterThan(2000);
    expect(undosChecked).toBeGreaterThan(200);
    expect([...statesSeen].sort()).toEqual(['learning', 'relearning', 'review']);
  });

  it('reschedules differently when replayed with other settings (it is not a no-op)', () => {
    const a = { ...randomSettings(seededRandom(7)), maximumInterval: 36500, desiredRetention: 0.95 };
    const b = { ...a, desiredRetention: 0.75 };
    const reviews: ReplayReview[] = [];
    let t = Date.UTC(2026, 0, 5, 12);
    for (const rating of [Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good]) {
      reviews.push({ rating, review: new Date(t) });
      t += 5 * DAY;
    }
    const created = new Date(Date.UTC(2026, 0, 1));
    expect(replayReviews(reviews, a, 'c', created).due).not.toEqual(replayReviews(reviews, b, 'c', created).due);
  });

  it('sorts reviews by time and returns a new card for an empty history', () => {
    const created = new Date(Date.UTC(2026, 0, 1));
    const settings = randomSettings(seededRandom(3));
    const reviews: ReplayReview[] = [
      { rating: Rating.Good, review: new Date(Date.UTC(2026, 0, 3)) },
      { rating: Rating.Again, review: new Date(Date.UTC(2026, 0, 2)) },
    ];
    expect(replayReviews(reviews, settings, 'c', created)).toEqual(
      replayReviews([...reviews].reverse(), settings, 'c', created),
    );
    expect(replayReviews([], settings, 'c', created)).toEqual(newCardState(created));
  });
});
