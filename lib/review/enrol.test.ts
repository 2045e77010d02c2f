import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { enrollMissingCards } from './enrol';
import { enrollLessonCards } from './service';

let t: TestDb;
const NOW = new Date('2026-06-01T10:00:00Z');

beforeEach(async () => {
  t = await createTestDb();
  const db = t.db;
  await db.course.create({ data: { id: 'co', key: 'co', title: 'Co', description: '' } });
  for (const m of [0, 1]) {
    await db.module.create({ data: { id: `m${m}`, courseId: 'co', key: `m${m}`, title: `M${m}`, description: '', order: m } });
    await db.lesson.create({ data: { id: `m${m}l0`, moduleId: `m${m}`, key: 'l0', title: 'L0', order: 2, markdown: 'x', words: 1, sourceFile: 'x.md' } });
    await db.card.createMany({ data: [0, 1].map((c) => ({ id: `m${m}c${c}`, lessonId: `m${m}l0`, key: `c${c}`, type: 'basic', front: 'Q', back: 'A', source: 'S', position: c })) });
  }
  await db.user.createMany({ data: ['ann', 'bob', 'cy', 'inst'].map((id) => ({ id, email: `${id}@example.com`, name: id })) });
  // Ann completed m0's lesson; Bob is in a class with m1 assigned; Cy only viewed a lesson.
  await db.lessonProgress.create({ data: { userId: 'ann', lessonId: 'm0l0', completedAt: NOW } });
  await db.lessonProgress.create({ data: { userId: 'cy', lessonId: 'm0l0' } });
  await db.class.create({ data: { id: 'k', name: 'K', instructorId: 'inst', joinCode: 'ABCDEFGH' } });
  await db.classMember.create({ data: { classId: 'k', userId: 'bob' } });
  await db.assignment.create({ data: { classId: 'k', moduleId: 'm1' } });
  await enrollLessonCards(t.db, 'ann', ['m0l0'], NOW);
}, 60_000);
afterEach(async () => t.cleanup());

describe('enrollMissingCards (after a sync)', () => {
  it('adds cards a sync added to completed lessons and assigned modules, like enrollLessonCards, once', async () => {
    await t.db.card.create({ data: { id: 'm0c2', lessonId: 'm0l0', key: 'c2', type: 'basic', front: 'Q', back: 'A', source: 'S', position: 2 } });
    await t.db.card.create({ data: { id: 'm0c3', lessonId: 'm0l0', key: 'c3', type: 'basic', front: 'Q', back: 'A', source: 'S', position: 3, suspended: true } });
    expect(await enrollMissingCards(t.db, NOW)).toBe(3); // Ann's new m0c2, Bob's m1c0 and m1c1
    expect(await enrollMissingCards(t.db, NOW)).toBe(0);
    const states = await t.db.cardState.findMany({ orderBy: [{ userId: 'asc' }, { cardId: 'asc' }] });
    expect(states.map((s) => `${s.userId}:${s.cardId}`)).toEqual(['ann:m0c0', 'ann:m0c1', 'ann:m0c2', 'bob:m1c0', 'bob:m1c1']);
    // The same start state and queue position enrollLessonCards gives.
    const viaLesson = states.find((s) => s.cardId === 'm0c1')!;
    const viaSync = states.find((s) => s.cardId === 'm0c2')!;
    for (const key of ['state', 'stability', 'difficulty', 'reps', 'lapses', 'lastReview', 'lastReviewMs', 'leech', 'version'] as const) expect(viaSync[key]).toEqual(viaLesson[key]);
    expect(viaSync.due.getTime()).toBe(NOW.getTime());
    expect(viaSync.sortKey).toBe(viaLesson.sortKey + 1);
    expect(states.find((s) => s.cardId === 'm1c1')!.sortKey).toBe(1_000_000 + 2_000 + 1);
  });
});
