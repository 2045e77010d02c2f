import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { ONE_LESSON_COURSE, syncOneLessonCourse } from '@/test/review';
import { syncCourse } from '@/lib/sync/sync';
import { Rating } from '@/lib/srs';
import { enrollLessonCards, gradeForUser, reviewSnapshot } from './service';
import { loadLearnerStats } from './stats';
import { optimiseForUser } from './optimise';

let t: TestDb;
let userId: string;

beforeEach(async () => {
  t = await createTestDb();
  const lessonId = await syncOneLessonCourse(t.db, 4);
  userId = (await t.db.user.create({ data: { email: 's@example.com', name: 'S', timeZone: 'Asia/Tokyo' } })).id;
  await enrollLessonCards(t.db, userId, [lessonId], new Date('2026-05-01T00:00:00Z'));
});
afterEach(async () => t.cleanup());

describe('learner stats and optimisation (SQLite)', () => {
  it('counts reviews per day, streak, states and true retention from the stored log', async () => {
    const day1 = new Date('2026-05-01T01:00:00Z');
    for (const [i, rating] of [Rating.Good, Rating.Again, Rating.Easy].entries()) {
      const snap = await reviewSnapshot(t.db, userId, day1);
      await gradeForUser(t.db, userId, { cardId: snap.card!.id, rating, clientId: `id-${i}`, version: snap.card!.version, durationMs: 1000 }, new Date(day1.getTime() + i * 1000));
    }
    const stats = await loadLearnerStats(t.db, userId, new Date('2026-05-01T05:00:00Z'));
    expect(stats.totalReviews).toBe(3);
    expect(stats.heatmap.at(-1)).toEqual({ day: '2026-05-01', count: 3 });
    expect(stats.streak).toEqual({ days: 1, reviewedToday: true });
    expect(stats.counts.new).toBe(1);
    // No review-state reviews yet: true retention has no data rather than a made-up 100%.
    expect(stats.retention).toEqual({ passed: 0, total: 0, rate: null });
    expect(stats.timeZone).toBe('Asia/Tokyo');
  });

  it('filters by course: only that course’s reviews and cards count; the streak spans all courses', async () => {
    await syncCourse(t.db, { ...ONE_LESSON_COURSE, key: 'c2', title: 'C2' }, [{ key: 'z', lessonKey: 'm/l', moduleKey: 'm', type: 'basic' as const, front: 'Z?', back: 'Z', source: 's', anchor: '', score: 1 }]);
    const c1 = await t.db.course.findUniqueOrThrow({ where: { key: 'c' } });
    const c2 = await t.db.course.findUniqueOrThrow({ where: { key: 'c2' } });
    const day1 = new Date('2026-05-01T01:00:00Z');
    const snap = await reviewSnapshot(t.db, userId, day1);
    await gradeForUser(t.db, userId, { cardId: snap.card!.id, rating: Rating.Good, clientId: 'only', version: snap.card!.version, durationMs: 1000 }, day1);
    const lesson2 = await t.db.lesson.findFirstOrThrow({ where: { module: { courseId: c2.id } } });
    await enrollLessonCards(t.db, userId, [lesson2.id], day1);
    const at = new Date('2026-05-01T05:00:00Z');
    const first = await loadLearnerStats(t.db, userId, at, { courseId: c1.id });
    expect([first.totalReviews, first.counts.new + first.counts.learning + first.counts.review]).toEqual([1, 4]);
    const second = await loadLearnerStats(t.db, userId, at, { courseId: c2.id });
    expect([second.totalReviews, second.counts.new]).toEqual([0, 1]);
    expect(second.streak).toEqual({ days: 1, reviewedToday: true });
    expect((await loadLearnerStats(t.db, userId, at)).totalReviews).toBe(1);
  });

  it('explains why it cannot optimise with too little history and changes nothing', async () => {
    const result = await optimiseForUser(t.db, userId);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/review/i);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: userId } })).fsrsWeights).toBeNull();
  });
});
