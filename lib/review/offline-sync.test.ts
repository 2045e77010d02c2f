// Integration: offline grades sent to the server on a fresh SQLite file (lib/review/offline-sync.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { syncOneLessonCourse } from '@/test/review';
import { replayReviews, type Rating } from '@/lib/srs';
import type { SyncBatch } from '@/lib/offline/queue';
import { enrollLessonCards, gradeForUser, loadSettings, toSrsState } from './service';
import { applyOfflineGrades } from './offline-sync';

let t: TestDb;
let userId: string;
let otherId: string;
let cardIds: string[];

const T0 = new Date('2026-03-07T15:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
type Grade = SyncBatch['grades'][number];
const g = (clientId: string, cardId: string, reviewedAt: Date, extra: Partial<Grade> = {}): Grade => ({
  clientId, cardId, version: 0, lastReviewShown: null, rating: 3, reviewedAt: reviewedAt.toISOString(), durationMs: 2000, ...extra,
});
const logs = (cardId?: string) =>
  t.db.reviewLog.findMany({ where: { userId, ...(cardId ? { cardId } : {}) }, orderBy: { review: 'asc' }, select: { clientId: true, review: true, rating: true, cardId: true } });

beforeEach(async () => {
  t = await createTestDb();
  const lessonId = await syncOneLessonCourse(t.db, 6);
  userId = (await t.db.user.create({ data: { email: 'a@example.com', name: 'A' } })).id;
  otherId = (await t.db.user.create({ data: { email: 'b@example.com', name: 'B' } })).id;
  await enrollLessonCards(t.db, userId, [lessonId], T0);
  await enrollLessonCards(t.db, otherId, [lessonId], T0);
  cardIds = (await t.db.cardState.findMany({ where: { userId }, orderBy: { sortKey: 'asc' }, select: { cardId: true } })).map((c) => c.cardId);
});
afterEach(async () => t.cleanup());

describe('offline grades sent to the server', () => {
  it('records each grade once at its own time, however often the batch is sent', async () => {
    const batch: SyncBatch = { userId, grades: cardIds.slice(0, 5).map((id, i) => g(`off-${i}`, id, at(i + 1))) };
    const first = await applyOfflineGrades(t.db, userId, batch, at(60));
    expect(first.ok && first.outcomes.map((o) => [o.status, o.recordedAt, o.clamped])).toEqual(
      [1, 2, 3, 4, 5].map((m) => ['recorded', at(m).toISOString(), null]),
    );
    const again = await applyOfflineGrades(t.db, userId, batch, at(61));
    expect(again.ok && again.outcomes.map((o) => o.status)).toEqual(Array(5).fill('duplicate'));
    const stored = await logs();
    expect(stored.map((l) => [l.clientId, l.review.toISOString()])).toEqual([0, 1, 2, 3, 4].map((i) => [`off-${i}`, at(i + 1).toISOString()]));
    const state = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: cardIds[0]! } } });
    expect(state.version).toBe(1);
    expect(state.lastReview).toEqual(at(1));
  });

  it('applies several grades of one card in order, each on the version the one before produced', async () => {
    const id = cardIds[0]!;
    const batch: SyncBatch = { userId, grades: [g('a', id, at(1), { rating: 1 }), g('b', id, at(3), { version: 1, lastReviewShown: at(1).toISOString() })] };
    const res = await applyOfflineGrades(t.db, userId, batch, at(10));
    expect(res.ok && res.outcomes.map((o) => o.status)).toEqual(['recorded', 'recorded']);
    const stored = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
    const settings = await loadSettings(t.db, userId);
    expect(toSrsState(stored)).toEqual(replayReviews([{ rating: 1, review: at(1) }, { rating: 3, review: at(3) }], settings, id, stored.addedAt));
  });

  it('clamps a time in the future to now and a time before the last review to just after it, and says so', async () => {
    const [a, b] = [cardIds[0]!, cardIds[1]!];
    expect(await gradeForUser(t.db, userId, { cardId: b, rating: 3, clientId: 'online-b', version: 0, durationMs: 1 }, at(10))).toMatchObject({ ok: true });
    const res = await applyOfflineGrades(t.db, userId, {
      userId,
      grades: [g('future', a, at(500)), g('early', b, at(5), { version: 1, lastReviewShown: at(10).toISOString() })],
    }, at(20));
    expect(res.ok && res.outcomes.map((o) => [o.status, o.recordedAt, o.clamped])).toEqual([
      ['recorded', at(20).toISOString(), 'future'],
      ['recorded', new Date(at(10).getTime() + 1).toISOString(), 'before_last_review'],
    ]);
  });

  it('merges a card graded meanwhile on another device in time order', async () => {
    const id = cardIds[0]!;
    // The other device (online) graded Good at +10; this device, offline on version 0, graded Again at +5.
    await gradeForUser(t.db, userId, { cardId: id, rating: 3, clientId: 'device-b', version: 0, durationMs: 1 }, at(10));
    const res = await applyOfflineGrades(t.db, userId, { userId, grades: [g('device-a', id, at(5), { rating: 1 })] }, at(30));
    expect(res.ok && res.outcomes[0]).toMatchObject({ status: 'merged', recordedAt: at(5).toISOString(), clamped: null });
    expect((await logs(id)).map((l) => [l.clientId, l.rating])).toEqual([['device-a', 1], ['device-b', 3]]);
    const stored = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
    const settings = await loadSettings(t.db, userId);
    const ratings: { rating: Rating; review: Date }[] = [{ rating: 1, review: at(5) }, { rating: 3, review: at(10) }];
    expect(toSrsState(stored)).toEqual(replayReviews(ratings, settings, id, stored.addedAt));
    // A grade made after the other device's goes on top of it.
    const later = await applyOfflineGrades(t.db, userId, { userId, grades: [g('device-a-2', id, at(20), { version: 0 })] }, at(30));
    expect(later.ok && later.outcomes[0]?.status).toBe('merged');
    expect((await logs(id)).map((l) => l.clientId)).toEqual(['device-a', 'device-b', 'device-a-2']);
  });

  it("refuses a batch queued under another account, and cards that are not the learner's", async () => {
    const refused = await applyOfflineGrades(t.db, userId, { userId: otherId, grades: [g('x', cardIds[0]!, at(1))] }, at(10));
    expect(refused).toMatchObject({ ok: false, code: 'wrong_user' });
    expect(await t.db.reviewLog.count()).toBe(0);
    const unknown = await applyOfflineGrades(t.db, userId, { userId, grades: [g('y', 'not-a-card', at(1))] }, at(10));
    expect(unknown.ok && unknown.outcomes[0]?.status).toBe('not_found');
    expect(await t.db.reviewLog.count()).toBe(0);
  });
});
