import { describe, expect, it } from 'vitest';
import {
  buildQueue,
  countIntroducedToday,
  gradeCard,
  newCardState,
  parseSrsSettings,
  Rating,
  retrievability,
  type LearnerSrsSettings,
  type QueueCard,
  type SrsCardState,
} from './index';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 14:00 in New York (EST); the learner day runs 04:00 EST today → 04:00 EST tomorrow (09:00Z).
const NOW = new Date('2026-01-20T19:00:00Z');
const END_OF_DAY = new Date('2026-01-21T09:00:00Z');

function nySettings(overrides: Partial<LearnerSrsSettings> = {}): LearnerSrsSettings {
  const parsed = parseSrsSettings({ timeZone: 'America/New_York', dayStartHour: 4, newPerDay: 3, ...overrides });
  if (!parsed.ok) throw new Error('bad settings');
  return parsed.settings;
}
const settings = nySettings();

function learning(due: Date, state: 'learning' | 'relearning' = 'learning'): SrsCardState {
  return { ...newCardState(new Date(due.getTime() - 10 * 60_000)), state, due, stability: 1, difficulty: 5, reps: 1,
    lastReview: new Date(due.getTime() - 10 * 60_000) };
}

function review(lastReview: Date, stability: number, due: Date): SrsCardState {
  return {
    ...newCardState(lastReview),
    state: 'review',
    due,
    lastReview,
    stability,
    difficulty: 5,
    reps: 3,
    scheduledDays: Math.round((due.getTime() - lastReview.getTime()) / DAY),
  };
}

function card(id: string, state: SrsCardState, extra: Partial<QueueCard> = {}): QueueCard {
  return { id, state, suspended: false, retired: false, order: [0, 0], ...extra };
}

describe('buildQueue', () => {
  const cards: QueueCard[] = [
    card('new-b', newCardState(NOW), { order: [1, 2] }),
    card('rev-slightly-overdue', review(new Date(NOW.getTime() - 11 * DAY), 10, new Date(NOW.getTime() - DAY))),
    card('learn-later', learning(new Date(NOW.getTime() + 20 * 60_000))),
    card('new-a', newCardState(NOW), { order: [1, 1] }),
    card('rev-very-overdue', review(new Date(NOW.getTime() - 40 * DAY), 10, new Date(NOW.getTime() - 30 * DAY))),
    card('learn-2', learning(new Date(NOW.getTime() - 1 * 60_000), 'relearning')),
    card('new-first-lesson', newCardState(NOW), { order: [0, 9] }),
    card('learn-1', learning(new Date(NOW.getTime() - 5 * 60_000))),
    card('rev-due-tonight', review(new Date(NOW.getTime() - 2 * DAY), 2, new Date(NOW.getTime() + 5 * HOUR))),
    card('rev-tomorrow', review(new Date(NOW.getTime() - DAY), 5, new Date(END_OF_DAY.getTime() + 1))),
    card('learn-tomorrow', learning(new Date(END_OF_DAY.getTime() + 60_000))),
    card('new-d', newCardState(NOW), { order: [2, 0] }),
    card('new-c', newCardState(NOW), { order: [1, 3] }),
  ];

  it('orders learning (by due), then due reviews (least retrievable first), then new (by order)', () => {
    const queue = buildQueue({ cards, now: NOW, settings, newIntroducedToday: 0 });
    expect(queue.items).toEqual([
      { id: 'learn-1', kind: 'learning' },
      { id: 'learn-2', kind: 'learning' },
      { id: 'rev-very-overdue', kind: 'review' },
      { id: 'rev-slightly-overdue', kind: 'review' },
      { id: 'rev-due-tonight', kind: 'review' },
      { id: 'new-first-lesson', kind: 'new' },
      { id: 'new-a', kind: 'new' },
      { id: 'new-b', kind: 'new' },
    ]);
    expect(queue.counts).toEqual({ learning: 2, review: 3, new: 3 });
    expect(queue.learningLaterToday).toEqual([{ id: 'learn-later', due: new Date(NOW.getTime() + 20 * 60_000) }]);
  });

  it('sorts reviews by retrievability, not by due date', () => {
    const now = NOW;
    // Due earlier but remembered better (high stability) vs due later but fading fast.
    const stable = review(new Date(now.getTime() - 20 * DAY), 60, new Date(now.getTime() - 3 * DAY));
    const fragile = review(new Date(now.getTime() - 3 * DAY), 1, new Date(now.getTime() - 1 * DAY));
    expect(retrievability(fragile, now, settings)).toBeLessThan(retrievability(stable, now, settings));
    const queue = buildQueue({ cards: [card('stable', stable), card('fragile', fragile)], now, settings, newIntroducedToday: 0 });
    expect(queue.items.map((i) => i.id)).toEqual(['fragile', 'stable']);
  });

  it('never shows suspended or retired cards', () => {
    const hidden = cards.flatMap((c, i) => [
      { ...c, id: `${c.id}-suspended`, suspended: true },
      { ...c, id: `${c.id}-retired`, retired: i % 2 === 0, suspended: i % 2 === 1 },
    ]);
    const queue = buildQueue({ cards: hidden, now: NOW, settings, newIntroducedToday: 0 });
    expect(queue.items).toEqual([]);
    expect(queue.learningLaterToday).toEqual([]);
    expect(queue.counts).toEqual({ learning: 0, review: 0, new: 0 });
  });

  it('limits new cards to newPerDay minus those introduced today', () => {
    const many = Array.from({ length: 30 }, (_, i) => card(`n${String(i).padStart(2, '0')}`, newCardState(NOW), { order: i }));
    const ids = (introduced: number, s = settings) =>
      buildQueue({ cards: many, now: NOW, settings: s, newIntroducedToday: introduced }).items.map((i) => i.id);
    expect(ids(0)).toEqual(['n00', 'n01', 'n02']);
    expect(ids(2)).toEqual(['n00']);
    expect(ids(3)).toEqual([]);
    expect(ids(10)).toEqual([]);
    expect(ids(0, nySettings({ newPerDay: 0 }))).toEqual([]);
    expect(ids(5, nySettings({ newPerDay: 25 }))).toHaveLength(20);
  });

  it('accepts plain-number and tuple orders (shorter prefix first)', () => {
    const queue = buildQueue({
      cards: [
        card('b', newCardState(NOW), { order: [1, 0] }),
        card('a', newCardState(NOW), { order: 1 }),
        card('c', newCardState(NOW), { order: [0, 5, 1] }),
      ],
      now: NOW,
      settings: nySettings({ newPerDay: 10 }),
      newIntroducedToday: 0,
    });
    expect(queue.items.map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  it('uses the learner’s day end: a review due at 03:59 local is due today, 04:00 is tomorrow', () => {
    const last = new Date(NOW.getTime() - 3 * DAY);
    const justBefore = review(last, 3, new Date(END_OF_DAY.getTime() - 60_000));
    const atBoundary = review(last, 3, END_OF_DAY);
    const queue = buildQueue({
      cards: [card('before', justBefore), card('boundary', atBoundary)],
      now: NOW,
      settings,
      newIntroducedToday: 0,
    });
    expect(queue.items.map((i) => i.id)).toEqual(['before']);
  });
});

describe('countIntroducedToday', () => {
  const at = (iso: string) => new Date(iso);

  it('counts distinct cards first graded today while new, in the learner’s day', () => {
    const logs = [
      { cardId: 'a', state: 'new' as const, review: at('2026-01-20T09:30:00Z') }, // 04:30 EST today
      { cardId: 'a', state: 'learning' as const, review: at('2026-01-20T09:40:00Z') },
      { cardId: 'b', state: 'new' as const, review: at('2026-01-20T18:00:00Z') },
      { cardId: 'b', state: 'new' as const, review: at('2026-01-20T18:30:00Z') }, // reset and relearned: still one card
      { cardId: 'c', state: 'new' as const, review: at('2026-01-20T08:59:00Z') }, // 03:59 EST: yesterday
      { cardId: 'd', state: 'review' as const, review: at('2026-01-20T12:00:00Z') },
    ];
    expect(countIntroducedToday(logs, NOW, settings)).toBe(2);
    // In UTC with a midnight day start, card c falls on the same day.
    expect(countIntroducedToday(logs, NOW, { timeZone: 'UTC', dayStartHour: 0 })).toBe(3);
  });

  it('feeds buildQueue so the daily limit holds across sessions', () => {
    const deck = Array.from({ length: 10 }, (_, i) => ({ id: `n${i}`, state: newCardState(NOW), order: i }));
    const logs: { cardId: string; state: 'new'; review: Date }[] = [];
    let now = NOW;
    const states = new Map(deck.map((c) => [c.id, c.state]));
    const introducedIds: string[] = [];
    for (let session = 0; session < 3; session++) {
      const queue = buildQueue({
        cards: deck.map((c) => ({ id: c.id, state: states.get(c.id) ?? c.state, suspended: false, retired: false, order: c.order })),
        now,
        settings,
        newIntroducedToday: countIntroducedToday(logs, now, settings),
      });
      for (const item of queue.items.filter((i) => i.kind === 'new').slice(0, 2)) {
        const before = states.get(item.id) ?? newCardState(now);
        const graded = gradeCard(before, Rating.Good, now, settings, item.id);
        states.set(item.id, graded.state);
        logs.push({ cardId: item.id, state: 'new', review: now });
        introducedIds.push(item.id);
      }
      now = new Date(now.getTime() + HOUR);
    }
    expect(introducedIds).toEqual(['n0', 'n1', 'n2']);
    // Next learner day the allowance is back.
    const tomorrow = new Date(END_OF_DAY.getTime() + HOUR);
    expect(countIntroducedToday(logs, tomorrow, settings)).toBe(0);
  });
});
