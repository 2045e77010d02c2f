// Pending cards and other learners' private cards never reach a learner's reviews: not by lesson completion,
// not by the post-sync enrolment, and not in the queue if a card was enrolled before it became pending.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { enrollMissingCards } from './enrol';
import { enrollLessonCards, reviewCounts, reviewSnapshot } from './service';

let t: TestDb;
const NOW = new Date('2026-06-01T10:00:00Z');

beforeEach(async () => {
  t = await createTestDb();
  const db = t.db;
  await db.course.create({ data: { id: 'co', key: 'co', title: 'Co', description: '' } });
  await db.module.create({ data: { id: 'm', courseId: 'co', key: 'm', title: 'M', description: '', order: 0 } });
  await db.lesson.create({ data: { id: 'l', moduleId: 'm', key: 'l', title: 'L', order: 0, markdown: 'x', words: 1, sourceFile: 'x.md' } });
  await db.user.createMany({ data: ['ann', 'bob'].map((id) => ({ id, email: `${id}@example.com`, name: id })) });
  const card = (id: string, position: number, extra: { approval?: string; ownerId?: string; origin?: string } = {}) => ({
    id, lessonId: 'l', key: id, type: 'basic', front: `Q ${id}`, back: 'A', source: 'S', position, ...extra,
  });
  await db.card.createMany({
    data: [
      card('shared', 0),
      card('pending', 1, { approval: 'pending' }),
      card('bobs', 2, { ownerId: 'bob', origin: 'learner' }),
      card('anns', 3, { ownerId: 'ann', origin: 'learner' }),
    ],
  });
}, 60_000);
afterEach(async () => t.cleanup());

const cardsOf = async (userId: string) =>
  (await t.db.cardState.findMany({ where: { userId }, orderBy: { cardId: 'asc' } })).map((s) => s.cardId);

describe('which cards a learner reviews', () => {
  it('lesson completion enrols approved shared cards and the learner’s own private card only', async () => {
    expect(await enrollLessonCards(t.db, 'ann', ['l'], NOW)).toBe(2);
    expect(await cardsOf('ann')).toEqual(['anns', 'shared']);
  });

  it('the post-sync enrolment follows the same rule', async () => {
    await t.db.lessonProgress.create({ data: { userId: 'bob', lessonId: 'l', completedAt: NOW } });
    expect(await enrollMissingCards(t.db, NOW)).toBe(2);
    expect(await cardsOf('bob')).toEqual(['bobs', 'shared']);
  });

  it('a card that becomes pending after enrolment leaves the queue', async () => {
    await enrollLessonCards(t.db, 'ann', ['l'], NOW);
    expect((await reviewCounts(t.db, 'ann', NOW)).new).toBe(2);
    await t.db.card.update({ where: { id: 'shared' }, data: { approval: 'pending' } });
    expect((await reviewCounts(t.db, 'ann', NOW)).new).toBe(1);
    const snap = await reviewSnapshot(t.db, 'ann', NOW);
    expect(snap.card?.front).toBe('Q anns');
  });
});
