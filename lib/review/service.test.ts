import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { numberedCards, syncOneLessonCourse } from '@/test/review';
import { Rating, replayReviews, LEECH_LAPSES } from '@/lib/srs';
import { enrollLessonCards, gradeForUser, loadSettings, reviewSnapshot, toSrsState, undoLastForUser } from './service';

let t: TestDb;
let userId: string;
let otherId: string;
let lessonId: string;

const cards = numberedCards(30, 2);

const T0 = new Date('2026-03-07T15:00:00Z');
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
let seq = 0;
const grade = (cardId: string, rating: Rating, version: number, now: Date, clientId = `c${seq++}`) =>
  gradeForUser(t.db, userId, { cardId, rating, clientId, version, durationMs: 1234 }, now);

beforeEach(async () => {
  t = await createTestDb();
  lessonId = await syncOneLessonCourse(t.db, cards.length, 2);
  userId = (await t.db.user.create({ data: { email: 'a@example.com', name: 'A', timeZone: 'America/New_York', newPerDay: 5 } })).id;
  otherId = (await t.db.user.create({ data: { email: 'b@example.com', name: 'B' } })).id;
  await enrollLessonCards(t.db, userId, [lessonId], T0);
});
afterEach(async () => t.cleanup());

describe('review service (SQLite)', () => {
  it('enrols each card once and limits new cards per day in lesson order', async () => {
    expect(await enrollLessonCards(t.db, userId, [lessonId], T0)).toBe(0);
    const snap = await reviewSnapshot(t.db, userId, T0);
    expect(snap.counts).toEqual({ new: 5, learning: 0, review: 0 });
    expect(snap.card?.front).toBe('Question 0?');
    expect(snap.card?.intervals.map((i) => i.rating)).toEqual([1, 2, 3, 4]);
    expect((await reviewSnapshot(t.db, otherId, T0)).card).toBeNull();
  });

  it('records one review for a double submission and refuses a stale version', async () => {
    const snap = await reviewSnapshot(t.db, userId, T0);
    const id = snap.card!.id;
    expect(await grade(id, Rating.Good, snap.card!.version, T0, 'same')).toEqual({ ok: true, becameLeech: false });
    expect(await grade(id, Rating.Good, snap.card!.version, T0, 'same')).toEqual({ ok: true, duplicate: true });
    expect(await t.db.reviewLog.count({ where: { userId } })).toBe(1);
    const stale = await grade(id, Rating.Easy, snap.card!.version, minutes(T0, 1), 'other-tab');
    expect(stale).toMatchObject({ ok: false, code: 'stale' });
    expect(await t.db.reviewLog.count({ where: { userId } })).toBe(1);
  });

  it("refuses to grade another learner's card", async () => {
    const snap = await reviewSnapshot(t.db, userId, T0);
    const res = await gradeForUser(t.db, otherId, { cardId: snap.card!.id, rating: Rating.Good, clientId: 'x', version: 0, durationMs: 1 }, T0);
    expect(res).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('counts introduced cards against the daily limit, resetting at the learner day start', async () => {
    let now = T0;
    for (let i = 0; i < 5; i++) {
      const snap = await reviewSnapshot(t.db, userId, now);
      expect(snap.card?.kind).toBe('new');
      await grade(snap.card!.id, Rating.Easy, snap.card!.version, now);
      now = minutes(now, 1);
    }
    const done = await reviewSnapshot(t.db, userId, now);
    expect(done.counts.new).toBe(0);
    // 04:00 in New York the next day (EST, UTC-5) is 09:00 UTC.
    const nextDay = await reviewSnapshot(t.db, userId, new Date('2026-03-08T09:00:00Z'));
    expect(nextDay.counts.new).toBe(5);
  });

  it('undo restores the card state exactly and removes the log entry', async () => {
    const snap = await reviewSnapshot(t.db, userId, T0);
    const id = snap.card!.id;
    await grade(id, Rating.Good, 0, T0);
    const s1 = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
    await grade(id, Rating.Again, s1.version, minutes(T0, 2));
    const undo = await undoLastForUser(t.db, userId);
    expect(undo).toMatchObject({ ok: true, cardId: id });
    const restored = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
    expect(toSrsState(restored)).toEqual(toSrsState(s1));
    expect(await t.db.reviewLog.count({ where: { userId } })).toBe(1);
    const after = await reviewSnapshot(t.db, userId, minutes(T0, 3), id);
    expect(after.card?.id).toBe(id);
    await undoLastForUser(t.db, userId);
    expect(await undoLastForUser(t.db, userId)).toMatchObject({ ok: false, code: 'nothing_to_undo' });
  });

  it('replaying the stored log reproduces the stored state exactly', async () => {
    const snap = await reviewSnapshot(t.db, userId, T0);
    const id = snap.card!.id;
    const ratings = [Rating.Good, Rating.Good, Rating.Again, Rating.Hard, Rating.Good, Rating.Easy, Rating.Again, Rating.Good];
    let now = T0;
    for (const r of ratings) {
      const row = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
      await grade(id, r, row.version, now);
      const after = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
      now = new Date(Math.max(after.due.getTime(), now.getTime() + 60_000) + 3_600_000);
    }
    const stored = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
    const logs = await t.db.reviewLog.findMany({ where: { userId, cardId: id }, orderBy: { review: 'asc' } });
    const settings = await loadSettings(t.db, userId);
    const replayed = replayReviews(logs.map((l) => ({ rating: l.rating as Rating, review: l.review })), settings, id, stored.addedAt);
    expect(replayed).toEqual(toSrsState(stored));
  });

  it(`suspends a card as a leech after ${LEECH_LAPSES} lapses`, async () => {
    const snap = await reviewSnapshot(t.db, userId, T0);
    const id = snap.card!.id;
    let now = T0;
    let leech = false;
    for (let i = 0; i < 60 && !leech; i++) {
      const row = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
      const rating = row.state === 'review' ? Rating.Again : Rating.Good;
      const res = await grade(id, rating, row.version, now);
      leech = res.ok && Boolean(res.becameLeech);
      const after = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
      now = new Date(Math.max(after.due.getTime(), now.getTime()) + 60_000);
    }
    const row = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: id } } });
    expect(row.lapses).toBe(LEECH_LAPSES);
    expect(row.leech).toBe(true);
    const snap2 = await reviewSnapshot(t.db, userId, new Date(now.getTime() + 86_400_000 * 400));
    expect(snap2.card?.id).not.toBe(id);
  });
});
