import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { syncOneLessonCourse } from '@/test/review';
import { DEFAULT_WEIGHTS, Rating, parseSrsSettings, type LearnerSrsSettings } from '@/lib/srs';
import { enrollLessonCards, gradeForUser, loadSettings } from './service';
import { applyOptimisedWeights, saveLearnerSettings } from './reschedule';

let t: TestDb;
let userId: string;
let otherId: string;

const CARDS = 6;

const T0 = new Date('2026-03-07T15:00:00Z');
const days = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

function settingsWith(base: LearnerSrsSettings, change: Partial<LearnerSrsSettings>): LearnerSrsSettings {
  const parsed = parseSrsSettings({ ...base, ...change });
  if (!parsed.ok) throw new Error('bad test settings');
  return parsed.settings;
}

const states = (id: string) => t.db.cardState.findMany({ where: { userId: id }, orderBy: { cardId: 'asc' } });

/** Each learner reviews every card on day 0 (Good), day 1 (Good) and day 5 (Hard for the first, Good otherwise). */
async function reviewHistory(id: string) {
  let n = 0;
  const first = (await states(id))[0]?.cardId;
  for (const [day, rating] of [[0, Rating.Good], [1, Rating.Good], [5, Rating.Good]] as const) {
    for (const s of await states(id)) {
      const r = day === 5 && s.cardId === first ? Rating.Hard : rating;
      const res = await gradeForUser(t.db, id, { cardId: s.cardId, rating: r, clientId: `${id}-${n++}`, version: s.version, durationMs: 1000 }, days(T0, day));
      expect(res.ok).toBe(true);
    }
  }
}

beforeEach(async () => {
  t = await createTestDb();
  const lessonId = await syncOneLessonCourse(t.db, CARDS);
  userId = (await t.db.user.create({ data: { email: 'a@example.com', name: 'A', timeZone: 'Europe/Paris' } })).id;
  otherId = (await t.db.user.create({ data: { email: 'b@example.com', name: 'B' } })).id;
  await enrollLessonCards(t.db, userId, [lessonId], T0);
  await enrollLessonCards(t.db, otherId, [lessonId], T0);
  await reviewHistory(userId);
  await reviewHistory(otherId);
});
afterEach(async () => t.cleanup());

describe('rescheduling a learner under new settings', () => {
  it('saving without rescheduling changes the settings and no card', async () => {
    const before = await states(userId);
    const s = settingsWith(await loadSettings(t.db, userId), { desiredRetention: 0.97, newPerDay: 7 });
    expect(await saveLearnerSettings(t.db, userId, s, { reschedule: false })).toEqual({ rescheduled: 0 });
    expect(await states(userId)).toEqual(before);
    const saved = await loadSettings(t.db, userId);
    expect(saved.desiredRetention).toBe(0.97);
    expect(saved.newPerDay).toBe(7);
    expect(saved.timeZone).toBe('Europe/Paris');
  });

  it('a higher desired retention brings every reviewed card forward, bumps its version and keeps its log', async () => {
    const before = await states(userId);
    const logsBefore = await t.db.reviewLog.count({ where: { userId } });
    const s = settingsWith(await loadSettings(t.db, userId), { desiredRetention: 0.97 });
    expect(await saveLearnerSettings(t.db, userId, s, { reschedule: true })).toEqual({ rescheduled: CARDS });
    const after = await states(userId);
    for (const [i, a] of after.entries()) {
      const b = before[i]!;
      expect(a.due.getTime()).toBeLessThan(b.due.getTime());
      expect(a.version).toBe(b.version + 1);
      expect(a.reps).toBe(b.reps);
      expect(a.lastReviewMs).toBe(b.lastReview?.getTime());
    }
    expect(await t.db.reviewLog.count({ where: { userId } })).toBe(logsBefore);
  });

  it('replaying with the settings the reviews were made with changes nothing but the version', async () => {
    const before = await states(userId);
    await saveLearnerSettings(t.db, userId, await loadSettings(t.db, userId), { reschedule: true });
    const after = await states(userId);
    const withoutVersion = (rows: typeof after) => rows.map((r) => ({ ...r, version: 0 }));
    expect(withoutVersion(after)).toEqual(withoutVersion(before));
  });

  it("leaves another learner's cards alone, and a card without a log to replay", async () => {
    const other = await states(otherId);
    const first = (await states(userId))[0]!;
    await t.db.reviewLog.deleteMany({ where: { userId, cardId: first.cardId } });
    const s = settingsWith(await loadSettings(t.db, userId), { desiredRetention: 0.8, maximumInterval: 3 });
    expect(await saveLearnerSettings(t.db, userId, s, { reschedule: true })).toEqual({ rescheduled: CARDS - 1 });
    expect(await states(otherId)).toEqual(other);
    const kept = (await states(userId))[0]!;
    expect(kept).toEqual(first);
  });

  it('a grade from a tab opened before the reschedule is refused as stale', async () => {
    const shown = (await states(userId))[1]!;
    const s = settingsWith(await loadSettings(t.db, userId), { desiredRetention: 0.95 });
    await saveLearnerSettings(t.db, userId, s, { reschedule: true });
    const res = await gradeForUser(t.db, userId, { cardId: shown.cardId, rating: Rating.Good, clientId: 'late', version: shown.version, durationMs: 1 }, days(T0, 9));
    expect(res).toMatchObject({ ok: false, code: 'stale' });
  });

  it('optimised weights are stored with their time and applied to the schedule at once', async () => {
    const settings = await loadSettings(t.db, userId);
    const weights = [...(settings.weights ?? DEFAULT_WEIGHTS)];
    weights[2] = weights[2]! * 4; // Good's initial stability: every card's history starts with a Good
    const now = days(T0, 6);
    const before = await states(userId);
    expect(await applyOptimisedWeights(t.db, userId, settings, weights, now)).toBe(CARDS);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(JSON.parse(user.fsrsWeights ?? '[]')).toEqual(weights);
    expect(user.fsrsOptimisedAt?.toISOString()).toBe(now.toISOString());
    expect((await states(userId)).some((a, i) => a.due.getTime() !== before[i]!.due.getTime())).toBe(true);
  });
});
