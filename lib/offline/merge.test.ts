import { describe, expect, it } from 'vitest';
import { DEFAULT_SRS_SETTINGS, gradeCard, newCardState, replayReviews, type Rating } from '@/lib/srs';
import { mergeInTimeOrder, placeReviewTime, type LaterReview } from './merge';

const T0 = new Date('2026-03-07T10:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const settings = DEFAULT_SRS_SETTINGS;

describe('placing an offline review time', () => {
  it('keeps a time between the last review and now', () => {
    expect(placeReviewTime(at(5), at(1), at(10))).toEqual({ at: at(5), clamped: null });
    expect(placeReviewTime(at(5), null, at(10))).toEqual({ at: at(5), clamped: null });
    expect(placeReviewTime(at(10), at(1), at(10))).toEqual({ at: at(10), clamped: null });
  });
  it('clamps a future time to now and a time before the last review to just after it', () => {
    expect(placeReviewTime(at(20), at(1), at(10))).toEqual({ at: at(10), clamped: 'future' });
    expect(placeReviewTime(at(0), at(1), at(10))).toEqual({ at: new Date(at(1).getTime() + 1), clamped: 'before_last_review' });
    expect(placeReviewTime(at(1), at(1), at(10)).clamped).toBe('before_last_review');
    expect(placeReviewTime(new Date(Number.NaN), null, at(10))).toEqual({ at: at(10), clamped: 'future' });
  });
});

describe('merging with reviews from another device', () => {
  it('gives the same card as if the grades had been made in time order', () => {
    // Another device graded Good at +10 and Good at +30; this device graded Again at +5 while offline.
    const start = newCardState(T0);
    const a = gradeCard(start, 3, at(10), settings, 'card');
    const b = gradeCard(a.state, 3, at(30), settings, 'card');
    const later: LaterReview[] = [{ id: 'r2', log: b.log }, { id: 'r1', log: a.log }];
    const steps = mergeInTimeOrder(b.state, later, { rating: 1, at: at(5) }, settings, 'card');
    expect(steps.map((s) => s.id)).toEqual([null, 'r1', 'r2']);
    expect(steps.map((s) => s.log.review)).toEqual([at(5), at(10), at(30)]);
    const expected = replayReviews(
      [{ rating: 1 as Rating, review: at(5) }, { rating: 3 as Rating, review: at(10) }, { rating: 3 as Rating, review: at(30) }],
      settings, 'card', T0,
    );
    expect(steps.at(-1)!.state).toEqual(expected);
  });

  it('refuses a history that is not the card’s newest', () => {
    const start = newCardState(T0);
    const a = gradeCard(start, 3, at(10), settings, 'card');
    const b = gradeCard(a.state, 3, at(30), settings, 'card');
    expect(() => mergeInTimeOrder(b.state, [{ id: 'r1', log: a.log }], { rating: 1, at: at(5) }, settings, 'card')).toThrow();
  });
});
