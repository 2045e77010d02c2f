// Two app nodes on one database: each "node" is its own Prisma client and review store (its own connections),
// as two processes behind a load balancer would have. Runs on SQLite (two connections to one file) and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { createDb, type Db } from '@/lib/db';
import { syncOneLessonCourse } from '@/test/review';
import { Rating } from '@/lib/srs';
import { PAIR_LIMIT, reserveAttempt, throttleKeys } from '@/lib/auth/rate-limit';
import { closeStoreFor } from './store';
import { enrollLessonCards, gradeForUser, reviewSnapshot } from './service';

let t: TestDb;
let nodeA: Db;
let nodeB: Db;
let userId: string;
const T0 = new Date('2026-03-07T15:00:00Z');

beforeEach(async () => {
  t = await createTestDb();
  nodeA = t.db;
  nodeB = createDb(t.url);
  const lessonId = await syncOneLessonCourse(nodeA, 4);
  userId = (await nodeA.user.create({ data: { email: 'a@example.com', name: 'A' } })).id;
  await enrollLessonCards(nodeA, userId, [lessonId], T0);
});
afterEach(async () => {
  await closeStoreFor(nodeB);
  await nodeB.$disconnect();
  await t.cleanup();
});

describe(`two app nodes on one database (${process.env.TEST_DB_PROVIDER ?? 'sqlite'})`, () => {
  it('a grade made on node A is what node B shows at once', async () => {
    const before = await reviewSnapshot(nodeB, userId, T0);
    const card = before.card!;
    expect(before.counts.new).toBe(4);
    const r = await gradeForUser(nodeA, userId, { cardId: card.id, rating: Rating.Good, clientId: 'g1', version: card.version, durationMs: 900 }, T0);
    expect(r).toEqual({ ok: true, becameLeech: false });
    const after = await reviewSnapshot(nodeB, userId, T0);
    expect(after.counts.new).toBe(3);
    expect(after.canUndo).toBe(true);
    expect(after.card?.id).not.toBe(card.id);
    // The learner goes on on node B with the card node A graded (version moved on).
    const state = await nodeB.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: card.id } } });
    expect(state.version).toBe(card.version + 1);
  });

  it('one submission retried on both nodes at once is recorded once', async () => {
    const card = (await reviewSnapshot(nodeA, userId, T0)).card!;
    const input = { cardId: card.id, rating: Rating.Good, clientId: 'same', version: card.version, durationMs: 500 };
    const results = await Promise.all([gradeForUser(nodeA, userId, input, T0), gradeForUser(nodeB, userId, input, T0)]);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.duplicate)).toHaveLength(1);
    expect(await nodeA.reviewLog.count({ where: { userId } })).toBe(1);
  });

  it('two different grades of one card version on two nodes: one wins, the other is told it is stale', async () => {
    const card = (await reviewSnapshot(nodeA, userId, T0)).card!;
    const base = { cardId: card.id, version: card.version, durationMs: 500 };
    const results = await Promise.all([
      gradeForUser(nodeA, userId, { ...base, rating: Rating.Good, clientId: 'tab1' }, T0),
      gradeForUser(nodeB, userId, { ...base, rating: Rating.Again, clientId: 'tab2' }, T0),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'stale')).toHaveLength(1);
    expect(await nodeA.reviewLog.count({ where: { userId } })).toBe(1);
    const state = await nodeA.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: card.id } } });
    expect(state.version).toBe(card.version + 1);
  });

  it('sign-in reservations made in parallel on both nodes never exceed the limit', async () => {
    const keys = throttleKeys('a@example.com', '203.0.113.9').all;
    const results = await Promise.all(
      Array.from({ length: 4 * PAIR_LIMIT }, (_, i) => reserveAttempt(i % 2 ? nodeB : nodeA, keys, T0)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(PAIR_LIMIT);
    expect((await reserveAttempt(nodeA, keys, T0)).allowed).toBe(false);
    expect((await reserveAttempt(nodeB, keys, T0)).allowed).toBe(false);
  });
});
