import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { ownCourse, syncTwoModuleCourse, twoModuleCourse } from '@/test/classes';
import { DEFAULT_SRS_SETTINGS, DEFAULT_WEIGHTS, gradeCard, newCardState, Rating, type SrsCardState } from '@/lib/srs';
import { createForecaster } from '@/lib/srs/forecast';
import { gradeForUser, stateColumns } from '@/lib/review/service';
import { assignModule, createClass, joinClass } from './service';
import { classDashboard, clearReviewCache } from './dashboard';
import { learnerForecasts } from './forecast';

let t: TestDb;
let teacher: string;
let ann: string;
let bob: string;
let classId: string;
const now = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const course = twoModuleCourse(['a', 'b'], ['e']);

async function setState(userId: string, cardKey: string, state: SrsCardState, leech = false) {
  const c = await t.db.card.findFirstOrThrow({ where: { key: cardKey } });
  await t.db.cardState.upsert({
    where: { userId_cardId: { userId, cardId: c.id } },
    create: { userId, cardId: c.id, ...stateColumns(state), leech },
    update: { ...stateColumns(state), leech },
  });
}
/** A card learned 60 days ago and reviewed once since. */
function learnedState(id: string, reviewedDaysAgo: number): SrsCardState {
  const s = { ...DEFAULT_SRS_SETTINGS, enableFuzz: false };
  const start = new Date(now.getTime() - 60 * DAY);
  let st = gradeCard(newCardState(start), Rating.Good, start, s, id).state;
  st = gradeCard(st, Rating.Good, new Date(start.getTime() + 600_000), s, id).state;
  return gradeCard(st, Rating.Good, new Date(now.getTime() - reviewedDaysAgo * DAY), s, id).state;
}

beforeEach(async () => {
  clearReviewCache();
  t = await createTestDb();
  await syncTwoModuleCourse(t.db, course, [['k1', 'm1/a'], ['k2', 'm1/a'], ['k3', 'm1/b'], ['k4', 'm1/b'], ['k5', 'm2/e']]);
  teacher = (await t.db.user.create({ data: { email: 't@example.com', name: 'Teacher', role: 'instructor' } })).id;
  await ownCourse(t.db, teacher);
  ann = (await t.db.user.create({ data: { email: 'ann@example.com', name: 'Ann', timeZone: 'Europe/Paris' } })).id;
  bob = (await t.db.user.create({ data: { email: 'bob@example.com', name: 'Bob' } })).id;
  const cls = await createClass(t.db, teacher, { name: 'P1', timeZone: 'Europe/Paris' });
  if (!cls.ok) throw new Error(cls.error);
  classId = cls.id;
  const start = new Date(now.getTime() - 30 * DAY);
  await joinClass(t.db, ann, cls.joinCode, start);
  await joinClass(t.db, bob, cls.joinCode, start);
  const m1 = await t.db.module.findFirstOrThrow({ where: { key: 'm1' } });
  const m2 = await t.db.module.findFirstOrThrow({ where: { key: 'm2' } });
  await assignModule(t.db, teacher, { classId, moduleId: m1.id, note: '', dueDate: '2026-06-26', dueTime: '18:00' }, start);
  await assignModule(t.db, teacher, { classId, moduleId: m2.id, note: '', dueDate: '2026-06-01', dueTime: '18:00' }, start);
}, 60_000);
afterEach(async () => t.cleanup());

describe('recall forecast per learner × assignment (SQLite)', () => {
  it('puts the predicted share at the due time, and after the due reviews, on the dashboard rows', async () => {
    const overdue = learnedState('k1', 40); // due before now
    const fresh = learnedState('k2', 1);
    expect(overdue.due.getTime()).toBeLessThan(now.getTime());
    expect(fresh.due.getTime()).toBeGreaterThan(now.getTime());
    await setState(ann, 'k1', overdue);
    await setState(ann, 'k2', fresh);
    await setState(ann, 'k3', learnedState('k3', 40), true); // a leech: counted, never simulated
    // k4 stays new; a suspended card is not one of the assignment's cards.
    await t.db.card.updateMany({ where: { key: 'k4' }, data: { suspended: true } });
    await setState(bob, 'k5', learnedState('k5', 3));

    const dashboard = await classDashboard(t.db, teacher, classId, now);
    if (!dashboard) throw new Error('no dashboard');
    const m1 = dashboard.assignments.find((a) => a.title === 'One')!;
    const annM1 = dashboard.rows.find((r) => r.userId === ann && r.assignmentId === m1.id)!;
    const f = createForecaster({ ...DEFAULT_SRS_SETTINGS, timeZone: 'Europe/Paris' });
    const due = m1.dueAt!;
    const leech = learnedState('k3', 40);
    expect(annM1.forecast).toBeCloseTo((f.recallAt(overdue, due) + f.recallAt(fresh, due) + f.recallAt(leech, due)) / 3, 6);
    expect(annM1.forecastIfReviewed).toBeCloseTo((f.recallAfterGood(overdue, now, due) + f.recallAt(fresh, due) + f.recallAt(leech, due)) / 3, 6);
    expect(annM1.forecastIfReviewed!).toBeGreaterThan(annM1.forecast!);

    // Bob learned nothing of module One: 0. Module Two's due date has passed: forecast for now.
    const bobM1 = dashboard.rows.find((r) => r.userId === bob && r.assignmentId === m1.id)!;
    expect(bobM1.forecast).toBe(0);
    const m2 = dashboard.assignments.find((a) => a.title === 'Two')!;
    const bobM2 = dashboard.rows.find((r) => r.userId === bob && r.assignmentId === m2.id)!;
    const g = createForecaster(DEFAULT_SRS_SETTINGS);
    expect(bobM2.forecast).toBeCloseTo(g.recallAt(learnedState('k5', 3), now), 6);
    expect(dashboard.rows.every((r) => typeof r.forecast === 'number')).toBe(true);
  }, 60_000);

  it("counts only the cards every member reviews: not one awaiting approval, not a learner's private card", async () => {
    await setState(ann, 'k1', learnedState('k1', 2));
    await setState(ann, 'k2', learnedState('k2', 2));
    await setState(ann, 'k3', learnedState('k3', 2));
    await t.db.card.updateMany({ where: { key: 'k4' }, data: { approval: 'pending' } });
    const lesson = await t.db.lesson.findFirstOrThrow({ where: { key: 'm1/a' } });
    await t.db.card.create({ data: { lessonId: lesson.id, key: 'bob-own', type: 'basic', front: 'Mine?', back: 'Yes', source: 'Mine.', origin: 'learner', ownerId: bob } });
    const dashboard = await classDashboard(t.db, teacher, classId, now);
    if (!dashboard) throw new Error('no dashboard');
    const m1 = dashboard.assignments.find((a) => a.title === 'One')!;
    const annM1 = dashboard.rows.find((r) => r.userId === ann && r.assignmentId === m1.id)!;
    const f = createForecaster({ ...DEFAULT_SRS_SETTINGS, timeZone: 'Europe/Paris' });
    const expected = ['k1', 'k2', 'k3'].reduce((sum, k) => sum + f.recallAt(learnedState(k, 2), m1.dueAt!), 0) / 3;
    expect(annM1.forecast).toBeCloseTo(expected, 6);
  }, 60_000);

  it('sums each learner’s own forgetting curve (personal FSRS parameters) the way lib/srs does', async () => {
    const weights = [...DEFAULT_WEIGHTS];
    weights[20] = 0.25; // a flatter curve than the default decay
    await t.db.user.update({ where: { id: bob }, data: { fsrsWeights: JSON.stringify(weights) } });
    for (const [i, k] of ['k1', 'k2', 'k3'].entries()) {
      await setState(ann, k, learnedState(k, 5 + i * 9));
      await setState(bob, k, learnedState(k, 5 + i * 9));
    }
    const dashboard = await classDashboard(t.db, teacher, classId, now);
    if (!dashboard) throw new Error('no dashboard');
    const m1 = dashboard.assignments.find((a) => a.title === 'One')!;
    const { settingsFromUser, USER_SETTINGS_SELECT } = await import('@/lib/review/settings');
    for (const userId of [ann, bob]) {
      const row = await t.db.user.findUniqueOrThrow({ where: { id: userId }, select: USER_SETTINGS_SELECT });
      const f = createForecaster(settingsFromUser(row));
      const states = ['k1', 'k2', 'k3'].map((k, i) => learnedState(k, 5 + i * 9));
      const expected = f.forecast(states.map((state) => ({ cardId: '', state })), 4, m1.dueAt, now);
      const got = dashboard.rows.find((r) => r.userId === userId && r.assignmentId === m1.id)!;
      expect(got.forecast).toBeCloseTo(expected.share, 6);
      expect(got.forecastIfReviewed).toBeCloseTo(expected.shareIfReviewedNow, 6);
    }
    const annRow = dashboard.rows.find((r) => r.userId === ann && r.assignmentId === m1.id)!;
    const bobRow = dashboard.rows.find((r) => r.userId === bob && r.assignmentId === m1.id)!;
    expect(bobRow.forecast).not.toBeCloseTo(annRow.forecast!, 3);
  }, 60_000);

  it('gives a learner their own forecasts only, for the classes they are in', async () => {
    await setState(ann, 'k1', learnedState('k1', 2));
    await setState(bob, 'k1', learnedState('k1', 2));
    const mine = await learnerForecasts(t.db, ann, now);
    expect(mine.size).toBe(2);
    const m1 = await t.db.assignment.findFirstOrThrow({ where: { classId, module: { key: 'm1' } } });
    const f = mine.get(m1.id)!;
    expect(f.learned).toBe(1);
    expect(f.cards).toBe(4);
    const outsider = (await t.db.user.create({ data: { email: 'o@example.com', name: 'O' } })).id;
    expect((await learnerForecasts(t.db, outsider, now)).size).toBe(0);
  });
  it('a repeat view reuses the forecasts; a member\'s grade or a moved due date computes them again', async () => {
    await setState(ann, 'k1', learnedState('k1', 40));
    const annM1 = async (at: Date) => {
      const d = (await classDashboard(t.db, teacher, classId, at))!;
      const m1 = d.assignments.find((a) => a.title === 'One')!;
      return d.rows.find((r) => r.userId === ann && r.assignmentId === m1.id)!.forecast!;
    };
    const before = await annM1(now);
    // Written behind the dashboard's back (no review logged): the cached figure stands, as intended.
    await setState(ann, 'k2', learnedState('k2', 1));
    expect(await annM1(new Date(now.getTime() + 1000))).toBe(before);
    // A real grade logs a review, which moves the stamp: the forecast is computed again (and now counts k2 too).
    const k1 = await t.db.card.findFirstOrThrow({ where: { key: 'k1' } });
    const r = await gradeForUser(t.db, ann, { cardId: k1.id, rating: Rating.Good, clientId: 'g1', version: 0, durationMs: 900 }, new Date(now.getTime() + 2000));
    expect(r.ok).toBe(true);
    const afterGrade = await annM1(new Date(now.getTime() + 3000));
    expect(afterGrade).not.toBe(before);
    // Moving the assignment's due date is seen at once too.
    const m1 = await t.db.module.findFirstOrThrow({ where: { key: 'm1' } });
    await t.db.assignment.updateMany({ where: { classId, moduleId: m1.id }, data: { dueAt: new Date(now.getTime() + 90 * DAY) } });
    expect(await annM1(new Date(now.getTime() + 4000))).toBeLessThan(afterGrade);
  });
});
