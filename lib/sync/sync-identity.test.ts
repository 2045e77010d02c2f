// Card identity through re-syncs (issue 10): rewording a generated question, or a database holding keys
// of an older key formula, keeps the card's row, so learners' states and review logs stay attached.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { syncCourse } from './sync';
import type { Course } from '@/lib/content/types';
import { generateCourseCards, type GeneratedCard } from '@/lib/cards';
import { fnv1a64, questionStem, answerNorm } from '@/lib/cards/key';
import { enrollLessonCards, gradeForUser } from '@/lib/review/service';
import { Rating } from '@/lib/srs';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.cleanup());

const markdown = [
  'The Industrial Revolution began in Britain around 1760. The Bridgewater Canal was completed in 1761.',
  '',
  'James Watt improved the steam engine in 1776. The spinning jenny was invented by James Hargreaves in 1764.',
  '',
  'The Liverpool and Manchester Railway opened in 1830 as the first inter-city railway.',
].join('\n');

const course: Course = {
  key: 'history',
  title: 'History',
  description: '',
  modules: [
    {
      key: 'm',
      title: 'The Industrial Revolution',
      description: '',
      order: 0,
      prerequisites: [],
      sources: ['m.md'],
      lessons: [{ key: 'm/industry', moduleKey: 'm', title: 'The Industrial Revolution', order: 0, markdown, words: 60, sourceFile: 'm.md' }],
    },
  ],
};

/** The key formula before issue 10: lesson, type, answer and the question's stems. */
const legacyKey = (c: GeneratedCard) => fnv1a64([c.lessonKey, c.type, answerNorm(c.back), questionStem(c.front)].join('\u241f')).slice(0, 16);
const T0 = new Date('2026-03-07T15:00:00Z');

async function studyEveryCard(userId: string) {
  const lesson = await t.db.lesson.findFirstOrThrow();
  await enrollLessonCards(t.db, userId, [lesson.id], T0);
  const rows = await t.db.card.findMany({ where: { retiredAt: null } });
  for (const [i, row] of rows.entries()) {
    const r = await gradeForUser(t.db, userId, { cardId: row.id, rating: Rating.Good, clientId: `g${i}`, version: 0, durationMs: 1000 }, T0);
    expect(r.ok).toBe(true);
  }
  return rows;
}

describe('card identity on re-sync (SQLite)', () => {
  it('keeps rows, states and logs when only the questions are reworded', async () => {
    const generated = generateCourseCards(course);
    expect(generated.length).toBeGreaterThanOrEqual(3);
    await syncCourse(t.db, course, generated);
    const user = await t.db.user.create({ data: { email: 'l@example.com', name: 'L' } });
    const before = await studyEveryCard(user.id);

    const reworded = generated.map((c) => ({ ...c, front: c.type === 'cloze' ? c.front.replace(/\.$/, ' (reworded).') : `Reworded: ${c.front}` }));
    // a new key formula would make this pass trivially: the rewording must not change the keys
    expect(generateCourseCards(course).map((c) => c.key)).toEqual(generated.map((c) => c.key));
    const report = await syncCourse(t.db, course, reworded);
    expect(report.cards).toEqual({ created: 0, updated: generated.length, retired: 0, restored: 0 });

    const after = await t.db.card.findMany({ where: { retiredAt: null } });
    expect(after.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
    expect(after.every((c) => c.front.includes('eworded'))).toBe(true);
    expect(await t.db.cardState.count({ where: { userId: user.id, cardId: { in: after.map((c) => c.id) } } })).toBe(after.length);
    expect(await t.db.reviewLog.count({ where: { userId: user.id, cardId: { in: after.map((c) => c.id) } } })).toBe(after.length);
  });

  it('re-keys rows stored under the old question-based keys instead of retiring them', async () => {
    const generated = generateCourseCards(course);
    const legacy = generated.map((c) => ({ ...c, key: legacyKey(c) }));
    await syncCourse(t.db, course, legacy);
    const user = await t.db.user.create({ data: { email: 'l@example.com', name: 'L' } });
    const before = await studyEveryCard(user.id);

    // the new generator: new keys, and one question worded differently
    const next = generated.map((c, i) => (i === 0 && c.type === 'basic' ? { ...c, front: `Reworded: ${c.front}` } : c));
    const report = await syncCourse(t.db, course, next);
    expect(report.cards.created).toBe(0);
    expect(report.cards.retired).toBe(0);
    expect(report.cards.updated).toBe(generated.length);

    const after = await t.db.card.findMany({ where: { retiredAt: null } });
    expect(after.map((c) => c.id).sort()).toEqual(before.map((c) => c.id).sort());
    expect(after.map((c) => c.key).sort()).toEqual(generated.map((c) => c.key).sort());
    expect(await t.db.cardState.count({ where: { userId: user.id, cardId: { in: after.map((c) => c.id) } } })).toBe(after.length);
    expect(await t.db.reviewLog.count({ where: { userId: user.id, cardId: { in: after.map((c) => c.id) } } })).toBe(after.length);
    // a second sync is a no-op
    expect((await syncCourse(t.db, course, next)).changes).toBe(0);
  });

  it('treats a changed fact as a new card and retires the old one (its history kept)', async () => {
    const generated = generateCourseCards(course);
    await syncCourse(t.db, course, generated);
    const user = await t.db.user.create({ data: { email: 'l@example.com', name: 'L' } });
    await studyEveryCard(user.id);
    const edited = { ...course, modules: course.modules.map((m) => ({ ...m, lessons: m.lessons.map((l) => ({ ...l, markdown: l.markdown.replace('1776', '1769') })) })) };
    const regenerated = generateCourseCards(edited);
    const changed = regenerated.filter((c) => !generated.some((g) => g.key === c.key));
    expect(changed.length).toBeGreaterThan(0);
    const report = await syncCourse(t.db, edited, regenerated);
    expect(report.cards.created).toBe(changed.length);
    expect(report.cards.retired).toBe(changed.length);
    expect(await t.db.reviewLog.count({ where: { userId: user.id } })).toBe(generated.length);
  });
});
