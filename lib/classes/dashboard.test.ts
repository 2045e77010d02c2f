import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDb, type TestDb } from '@/test/db';
import { ownCourse, syncTwoModuleCourse, twoModuleCourse } from '@/test/classes';
import { trueRetention } from '@/lib/srs/stats';
import { assignModule, createClass, joinClass } from './service';
import { classDashboard, clearReviewCache, memberProgress, REVIEW_CACHE_MS } from './dashboard';
import { rowsToCsv } from './table';

let t: TestDb;
let teacher: string;
let ann: string;
let bob: string;
let classId: string;
const now = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;

const course = twoModuleCourse(['a', 'b', 'c', 'd'], ['e']);

async function complete(userId: string, lessonKey: string, at: Date) {
  const l = await t.db.lesson.findFirstOrThrow({ where: { key: lessonKey } });
  await t.db.lessonProgress.create({ data: { userId, lessonId: l.id, completedAt: at, firstViewedAt: at, lastViewedAt: at } });
}
async function log(userId: string, cardKey: string, at: Date, state: string, rating: number) {
  const c = await t.db.card.findFirstOrThrow({ where: { key: cardKey } });
  await t.db.reviewLog.create({
    data: { userId, cardId: c.id, clientId: randomUUID(), rating, state, due: at, stability: 1, difficulty: 5, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0, review: at },
  });
  return { rating, state: state as 'review', review: at };
}

beforeEach(async () => {
  clearReviewCache();
  t = await createTestDb();
  await syncTwoModuleCourse(t.db, course, [['k1', 'm1/a'], ['k2', 'm1/b'], ['k3', 'm1/c'], ['k4', 'm2/e']]);
  teacher = (await t.db.user.create({ data: { email: 't@example.com', name: 'Teacher', role: 'instructor' } })).id;
  await ownCourse(t.db, teacher);
  ann = (await t.db.user.create({ data: { email: 'ann@example.com', name: 'Ann' } })).id;
  bob = (await t.db.user.create({ data: { email: 'bob@example.com', name: 'Bob' } })).id;
  const cls = await createClass(t.db, teacher, { name: 'Period 1', timeZone: 'Europe/Paris' });
  if (!cls.ok) throw new Error(cls.error);
  classId = cls.id;
  const m1 = await t.db.module.findFirstOrThrow({ where: { key: 'm1' } });
  const m2 = await t.db.module.findFirstOrThrow({ where: { key: 'm2' } });
  const start = new Date(now.getTime() - 40 * DAY);
  await joinClass(t.db, ann, cls.joinCode, start);
  await joinClass(t.db, bob, cls.joinCode, start);
  await assignModule(t.db, teacher, { classId, moduleId: m1.id, note: '', dueDate: '2026-06-30', dueTime: '18:00' }, start);
  await assignModule(t.db, teacher, { classId, moduleId: m2.id, note: '', dueDate: '2026-06-10', dueTime: '18:00' }, start);
});
afterEach(async () => t.cleanup());

describe('class dashboard (SQLite)', () => {
  it('has one row per learner × assignment with completion, status, reviews, retention, due cards and activity', async () => {
    await complete(ann, 'm1/a', new Date(now.getTime() - 2 * DAY));
    await complete(ann, 'm1/b', new Date(now.getTime() - 1 * DAY));
    await complete(bob, 'm2/e', new Date(now.getTime() - 9 * DAY));
    // Ann's reviews on module One: two in the past week (a passed review and a learning step), one 20 days ago (review, failed),
    // one 40 days ago (outside every window); one on module Two.
    const logs = [
      await log(ann, 'k1', new Date(now.getTime() - 1 * DAY), 'review', 3),
      await log(ann, 'k2', new Date(now.getTime() - 3 * DAY), 'learning', 1),
      await log(ann, 'k1', new Date(now.getTime() - 20 * DAY), 'review', 1),
      await log(ann, 'k2', new Date(now.getTime() - 40 * DAY), 'review', 3),
    ];
    await log(ann, 'k4', new Date(now.getTime() - 1 * DAY), 'review', 4);
    // Due now: k1 in review state due yesterday; k2 still new (not counted); k3 in learning due tomorrow (not yet).
    const k1 = await t.db.card.findFirstOrThrow({ where: { key: 'k1' } });
    const k3 = await t.db.card.findFirstOrThrow({ where: { key: 'k3' } });
    await t.db.cardState.update({ where: { userId_cardId: { userId: ann, cardId: k1.id } }, data: { state: 'review', due: new Date(now.getTime() - DAY) } });
    await t.db.cardState.update({ where: { userId_cardId: { userId: ann, cardId: k3.id } }, data: { state: 'learning', due: new Date(now.getTime() + DAY) } });

    const d = await classDashboard(t.db, teacher, classId, now);
    if (!d) throw new Error('no dashboard');
    expect(d.class).toMatchObject({ name: 'Period 1', timeZone: 'Europe/Paris' });
    // Assignments soonest due first.
    expect(d.assignments.map((a) => a.title)).toEqual(['Two', 'One']);
    expect(d.rows).toHaveLength(4);
    const row = (userId: string, title: string) => d.rows.find((r) => r.userId === userId && r.assignmentTitle === title)!;

    const annOne = row(ann, 'One');
    expect(annOne).toMatchObject({ done: 2, total: 4, percent: 50, status: 'in_progress', reviews7d: 2, retentionReviews: 2, retention: 0.5, dueNow: 1 });
    // Same rule as the learner's own stats page.
    expect(trueRetention(logs, now)).toMatchObject({ passed: 1, total: 2 });
    expect(annOne.lastActive).toEqual(new Date(now.getTime() - DAY));
    expect(row(ann, 'Two')).toMatchObject({ done: 0, total: 1, status: 'overdue', reviews7d: 1, retention: 1, dueNow: 0 });
    expect(row(bob, 'Two')).toMatchObject({ done: 1, percent: 100, status: 'done' });
    expect(row(bob, 'One')).toMatchObject({ done: 0, status: 'not_started', reviews7d: 0, retention: null, dueNow: 0 });
    expect(row(bob, 'One').lastActive).toEqual(new Date(now.getTime() - 9 * DAY));
    expect(d.assignments.find((a) => a.title === 'One')).toMatchObject({ counts: { in_progress: 1, not_started: 1, done: 0, overdue: 0 }, averagePercent: 25 });

    // The CSV carries the same figures.
    const csv = rowsToCsv(d.rows, d.class.timeZone).split('\r\n');
    // Then the two forecast columns (lib/classes/forecast.test.ts checks their values).
    expect(csv.some((line) => line.startsWith('Ann,ann@example.com,One,2026-06-30 18:00,2,4,50,In progress,2026-06-14 14:00,2,50,2,1,'))).toBe(true);
  });

  it('retention ignores learning-step reviews and reviews older than 30 days', async () => {
    await log(ann, 'k1', new Date(now.getTime() - 2 * DAY), 'learning', 1);
    await log(ann, 'k1', new Date(now.getTime() - 31 * DAY), 'review', 1);
    await log(ann, 'k2', new Date(now.getTime() - 5 * DAY), 'review', 2);
    await log(ann, 'k3', new Date(now.getTime() - 6 * DAY), 'relearning', 1);
    await log(ann, 'k3', new Date(now.getTime() - 8 * DAY), 'review', 1);
    const d = await classDashboard(t.db, teacher, classId, now);
    const r = d!.rows.find((x) => x.userId === ann && x.assignmentTitle === 'One')!;
    expect(r).toMatchObject({ retentionReviews: 2, retention: 0.5, reviews7d: 3 });
  });

  it('shows nothing to another instructor and a drill-down only for members', async () => {
    const other = (await t.db.user.create({ data: { email: 'o@example.com', name: 'O', role: 'instructor' } })).id;
    const outsider = (await t.db.user.create({ data: { email: 'x@example.com', name: 'X' } })).id;
    expect(await classDashboard(t.db, other, classId, now)).toBeNull();
    expect(await memberProgress(t.db, other, classId, ann, now)).toBeNull();
    expect(await memberProgress(t.db, teacher, classId, outsider, now)).toBeNull();
    await complete(ann, 'm1/a', now);
    const p = await memberProgress(t.db, teacher, classId, ann, now);
    expect(p?.learner).toMatchObject({ name: 'Ann', email: 'ann@example.com' });
    expect(p?.assignments.map((a) => [a.row.assignmentTitle, a.row.done, a.lessons.filter((l) => l.completedAt).length])).toEqual([['Two', 0, 0], ['One', 1, 1]]);
  });

  it('retired lessons and modules drop out of the figures', async () => {
    await complete(ann, 'm1/a', now);
    await complete(ann, 'm1/d', now);
    await t.db.lesson.updateMany({ where: { key: 'm1/d' }, data: { retiredAt: now } });
    await t.db.module.updateMany({ where: { key: 'm2' }, data: { retiredAt: now } });
    const d = await classDashboard(t.db, teacher, classId, now);
    expect(d!.assignments.map((a) => a.title)).toEqual(['One']);
    expect(d!.rows.find((r) => r.userId === ann)).toMatchObject({ done: 1, total: 3, percent: 33 });
  });

  it('reuses the review figures only while no member has reviewed since, and for at most a few minutes', async () => {
    const annOne = async (at: Date) => (await classDashboard(t.db, teacher, classId, at))!.rows.find((r) => r.userId === ann && r.assignmentTitle === 'One')!;
    expect((await annOne(now)).reviews7d).toBe(0);
    // A new review changes the member's latest review: recomputed at once.
    const k1 = await t.db.card.findFirstOrThrow({ where: { key: 'k1' } });
    await log(ann, 'k1', new Date(now.getTime() - 60_000), 'review', 3);
    expect(await annOne(now)).toMatchObject({ reviews7d: 1, retention: 1 });
    // Undo deletes the last review: recomputed again.
    await t.db.reviewLog.deleteMany({ where: { userId: ann, cardId: k1.id } });
    expect((await annOne(now)).reviews7d).toBe(0);
    // A review about to leave the 7-day window still counts within the cache's lifetime, not after it.
    await log(ann, 'k1', new Date(now.getTime() - 7 * DAY + 60_000), 'learning', 3);
    expect((await annOne(now)).reviews7d).toBe(1);
    expect((await annOne(new Date(now.getTime() + 2 * 60_000))).reviews7d).toBe(1);
    expect((await annOne(new Date(now.getTime() + REVIEW_CACHE_MS + 60_000))).reviews7d).toBe(0);
  });

  it('computes the same rows in one whole-class pass as member by member', async () => {
    await complete(ann, 'm1/a', new Date(now.getTime() - 2 * DAY));
    await complete(bob, 'm2/e', new Date(now.getTime() - 9 * DAY));
    await log(ann, 'k1', new Date(now.getTime() - 1 * DAY), 'review', 3);
    await log(bob, 'k4', new Date(now.getTime() - 2 * DAY), 'review', 1);
    const k1 = await t.db.card.findFirstOrThrow({ where: { key: 'k1' } });
    await t.db.cardState.update({ where: { userId_cardId: { userId: bob, cardId: k1.id } }, data: { state: 'review', due: new Date(now.getTime() - DAY), stability: 3, lastReview: new Date(now.getTime() - 4 * DAY), lastReviewMs: now.getTime() - 4 * DAY } });
    const byMember = (await classDashboard(t.db, teacher, classId, now, { memberByMemberMax: 100 }))!.rows;
    clearReviewCache();
    const whole = (await classDashboard(t.db, teacher, classId, now, { memberByMemberMax: 0 }))!.rows;
    expect(whole).toEqual(byMember);
    expect(whole.find((r) => r.userId === bob && r.assignmentTitle === 'One')).toMatchObject({ dueNow: 1 });
  });

  it('after one member\'s review recomputes that member only; a card falling due recomputes its learner', async () => {
    const k1 = await t.db.card.findFirstOrThrow({ where: { key: 'k1' } });
    const row = async (userId: string, at: Date) => (await classDashboard(t.db, teacher, classId, at))!.rows.find((r) => r.userId === userId && r.assignmentTitle === 'One')!;
    expect((await row(bob, now)).dueNow).toBe(0);
    // Written behind the dashboard's back (no review logged, due an hour from now): Bob's kept part stands...
    await t.db.cardState.update({ where: { userId_cardId: { userId: bob, cardId: k1.id } }, data: { state: 'review', due: new Date(now.getTime() - DAY), stability: 3, lastReviewMs: now.getTime() - 4 * DAY } });
    // ...while Ann's review is seen at once.
    await log(ann, 'k1', new Date(now.getTime() - 60_000), 'review', 3);
    expect((await row(ann, new Date(now.getTime() + 1000))).reviews7d).toBe(1);
    expect((await row(bob, new Date(now.getTime() + 1000))).dueNow).toBe(0);
    // Bob's own activity moves his stamp: his part is read again.
    await complete(bob, 'm1/a', now);
    expect(await row(bob, new Date(now.getTime() + 2000))).toMatchObject({ dueNow: 1, done: 1 });
    // A learned card becoming due later is seen at that instant, with no write at all.
    await t.db.cardState.update({ where: { userId_cardId: { userId: ann, cardId: k1.id } }, data: { state: 'review', due: new Date(now.getTime() + 10_000), stability: 3, lastReviewMs: now.getTime() - 4 * DAY } });
    await log(ann, 'k1', new Date(now.getTime() + 3000), 'review', 3);
    expect((await row(ann, new Date(now.getTime() + 4000))).dueNow).toBe(0);
    expect((await row(ann, new Date(now.getTime() + 11_000))).dueNow).toBe(1);
  });
});
