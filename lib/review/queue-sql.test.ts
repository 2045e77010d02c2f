// The SQL-chosen next card and today's counts equal what lib/srs's buildQueue gives over every row, on random
// histories built to tie often: shared stabilities and review times (equal retrievability, so due date and id
// decide), near-equal ratios that FSRS's rounding makes equal, learning cards either side of now, cards that
// are suspended, retired (card, lesson, module) or leeches, new cards past the daily limit, time zones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { buildQueue, countIntroducedToday, dayStart, DEFAULT_SRS_SETTINGS, type LearnerSrsSettings, type QueueCard, type SrsCardState, type SrsStateName } from '@/lib/srs';
import { seededRandom, pick } from '@/lib/srs/test-helpers';
import { nextQueueCard, queueSummary } from './queue-sql';
import { stateColumns, toSrsState } from './service';

const DAY = 86_400_000;
const HOUR = 3_600_000;
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  const db = t.db;
  await db.course.create({ data: { id: 'co', key: 'co', title: 'Co', description: '' } });
  for (let m = 0; m < 3; m++) {
    await db.module.create({ data: { id: `m${m}`, courseId: 'co', key: `m${m}`, title: `M${m}`, description: '', order: m, retiredAt: m === 2 ? new Date('2026-01-01T00:00:00Z') : null } });
    for (let l = 0; l < 4; l++) {
      await db.lesson.create({ data: { id: `m${m}l${l}`, moduleId: `m${m}`, key: `l${l}`, title: `L${l}`, order: l, markdown: 'x', words: 1, sourceFile: 'x.md', retiredAt: l === 3 && m === 1 ? new Date('2026-01-01T00:00:00Z') : null } });
      await db.card.createMany({
        data: Array.from({ length: 12 }, (_, c) => ({
          id: `m${m}l${l}c${String(c).padStart(2, '0')}`,
          lessonId: `m${m}l${l}`,
          key: `c${c}`,
          type: 'basic',
          front: `Q${m}.${l}.${c}`,
          back: 'A',
          source: 'S',
          position: c,
          suspended: c === 7,
          retiredAt: c === 9 ? new Date('2026-01-01T00:00:00Z') : null,
        })),
      });
    }
  }
}, 60_000);
afterAll(async () => t.cleanup());

const ALL_CARDS = Array.from({ length: 3 * 4 * 12 }, (_, i) => {
  const m = Math.floor(i / 48);
  const l = Math.floor((i % 48) / 12);
  const c = i % 12;
  return { id: `m${m}l${l}c${String(c).padStart(2, '0')}`, live: m !== 2 && !(m === 1 && l === 3) && c !== 7 && c !== 9, sortKey: m * 1_000_000 + l * 1_000 + c };
});

/** One random learner history at `now`: states written through stateColumns, as the app writes them. */
async function history(seed: number, now: Date) {
  const rnd = seededRandom(seed);
  const userId = `u${seed}`;
  const settings: LearnerSrsSettings = {
    ...DEFAULT_SRS_SETTINGS,
    timeZone: pick(rnd, ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']),
    dayStartHour: pick(rnd, [0, 4, 23]),
    newPerDay: pick(rnd, [0, 3, 10, 200]),
  };
  await t.db.user.create({ data: { id: userId, email: `${userId}@example.com`, name: userId, timeZone: settings.timeZone, dayStartHour: settings.dayStartHour, newPerDay: settings.newPerDay } });
  // Few distinct values make exact ties in retrievability common.
  const stabilities = [0.5, 2, 2.0000001, 7, 30, 0];
  const lastReviews = [now.getTime() - 3 * DAY, now.getTime() - 3 * DAY + 1, now.getTime() - 40 * DAY, now.getTime() - 2 * HOUR, now.getTime() + HOUR];
  // Every third history has no learning cards, so that its next card is a review chosen by retrievability.
  const kinds: SrsStateName[] = seed % 3 === 0 ? ['new', 'review', 'review', 'review'] : ['new', 'new', 'learning', 'relearning', 'review', 'review', 'review'];
  const rows: { cardId: string; sortKey: number; leech: boolean; state: SrsCardState }[] = [];
  for (const card of ALL_CARDS) {
    if (rnd() < 0.25) continue;
    const kind = pick<SrsStateName>(rnd, kinds);
    const dueOffset = pick(rnd, [-5 * DAY, -HOUR, -1, 0, 1, 30 * 60_000, 6 * HOUR, 20 * HOUR, 2 * DAY]);
    const lastReview = kind === 'new' ? null : rnd() < 0.05 ? null : new Date(pick(rnd, lastReviews));
    const state: SrsCardState = {
      state: kind,
      due: new Date(now.getTime() + (rnd() < 0.3 ? 0 : dueOffset)),
      stability: kind === 'new' ? 0 : pick(rnd, stabilities),
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: 1,
      learningSteps: 0,
      reps: kind === 'new' ? 0 : 3,
      lapses: 0,
      lastReview,
    };
    rows.push({ cardId: card.id, sortKey: card.sortKey, leech: rnd() < 0.05, state });
  }
  await t.db.cardState.createMany({
    data: rows.map((r) => ({ userId, cardId: r.cardId, sortKey: r.sortKey, leech: r.leech, addedAt: now, ...stateColumns(r.state) })),
  });
  // Cards first studied today and earlier (only today's count against the daily limit; a card twice counts once).
  const start = dayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const logs = Array.from({ length: Math.floor(rnd() * 8) }, (_, i) => ({
    cardId: pick(rnd, ALL_CARDS).id,
    review: new Date(rnd() < 0.6 ? start + Math.floor(rnd() * (now.getTime() - start)) : start - 1 - Math.floor(rnd() * DAY)),
    clientId: `${userId}-${i}`,
  }));
  await t.db.reviewLog.createMany({
    data: logs.map((l) => ({ userId, cardId: l.cardId, clientId: l.clientId, rating: 3, state: 'new', due: l.review, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0, review: l.review })),
  });
  return { userId, settings, logs };
}

/** What buildQueue says over every row the learner has (read back from the database, filtered in JS). */
async function expected(userId: string, settings: LearnerSrsSettings, now: Date, logs: { cardId: string; review: Date }[]) {
  const live = new Map(ALL_CARDS.map((c) => [c.id, c.live]));
  const stored = await t.db.cardState.findMany({ where: { userId } });
  const cards: QueueCard[] = stored.map((r) => ({ id: r.cardId, state: toSrsState(r), suspended: r.leech, retired: !live.get(r.cardId), order: r.sortKey }));
  const introduced = countIntroducedToday(logs.map((l) => ({ ...l, state: 'new' as const })), now, settings);
  return buildQueue({ cards, now, settings, newIntroducedToday: introduced });
}

describe('the SQL queue equals buildQueue', () => {
  it('on 60 random histories: next card, counts and the next learning time', async () => {
    const base = new Date('2026-03-08T06:30:00Z').getTime(); // around a US daylight-saving change
    let reviewsChosen = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const now = new Date(base + (seed % 12) * 5 * HOUR + seed * 60_000);
      const { userId, settings, logs } = await history(seed, now);
      const queue = await expected(userId, settings, now, logs);
      const summary = await queueSummary(t.db, userId, settings, now);
      expect(summary.counts, `seed ${seed}`).toEqual(queue.counts);
      expect(summary.nextLearningDue?.toISOString() ?? null, `seed ${seed}`).toBe(queue.learningLaterToday[0]?.due.toISOString() ?? null);
      const next = await nextQueueCard(t.db, userId, settings, summary.counts, now);
      expect(next?.cardId ?? null, `seed ${seed}`).toBe(queue.items[0]?.id ?? null);
      expect(next?.kind ?? null, `seed ${seed}`).toBe(queue.items[0]?.kind ?? null);
      if (next?.kind === 'review') reviewsChosen++;
    }
    // The random histories must exercise the retrievability order, not only learning and new cards.
    expect(reviewsChosen).toBeGreaterThan(5);
  }, 120_000);

  it('walks a whole queue in order: each next card, once graded away, gives the next in buildQueue', async () => {
    const now = new Date('2026-05-01T12:00:00Z');
    const { userId, settings, logs } = await history(1001, now);
    const queue = await expected(userId, settings, now, logs);
    const seen: string[] = [];
    for (;;) {
      const summary = await queueSummary(t.db, userId, settings, now);
      const next = await nextQueueCard(t.db, userId, settings, summary.counts, now);
      if (!next) break;
      seen.push(next.cardId);
      // Take it out of today's queue without changing anyone else's order: due next week, as a review.
      await t.db.cardState.update({ where: { userId_cardId: { userId, cardId: next.cardId } }, data: { ...stateColumns({ ...next.state, state: 'review', due: new Date(now.getTime() + 7 * DAY) }) } });
      if (next.kind === 'new') {
        await t.db.reviewLog.create({ data: { userId, cardId: next.cardId, clientId: `walk-${seen.length}`, rating: 3, state: 'new', due: now, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0, review: now } });
      }
    }
    expect(seen).toEqual(queue.items.map((i) => i.id));
  }, 60_000);
});
