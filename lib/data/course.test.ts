// Multi-course reads (SQLite): the catalogue, home's courses, drafts hidden, enrolment by opening a lesson.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { makeUser, twoCourses } from '@/test/courses';
import type { SessionUser } from '@/lib/auth/session';

let t: TestDb;
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return { ...original, get db() { return t.db; } };
});

const { getCatalogue, getCourseOutline, getLearnerCourses, getLessonPage, recordLessonView } = await import('./course');

let owner: SessionUser;
let other: SessionUser;
let learner: SessionUser;

async function setup(betaStatus: 'draft' | 'published') {
  owner = await makeUser(t.db, 'owner@example.com', 'instructor');
  other = await makeUser(t.db, 'other@example.com', 'instructor');
  learner = await makeUser(t.db, 'learner@example.com', 'learner');
  return twoCourses(t.db, owner.id, other.id, betaStatus);
}

beforeEach(async () => { t = await createTestDb(); });
afterEach(async () => t.cleanup());

describe('courses side by side (SQLite)', () => {
  it('the catalogue lists every published course with its counts and instructor', async () => {
    await setup('published');
    expect(await getCatalogue(learner.id)).toMatchObject([
      { key: 'alpha', title: 'Alpha', instructor: 'owner', modules: 2, lessons: 3, cards: 3, enrolled: false },
      { key: 'beta', title: 'Beta', instructor: 'other', modules: 2, lessons: 2, cards: 1, enrolled: false },
    ]);
  });

  it('catalogue counts leave out pending and private cards; the lesson page counts the learner’s own', async () => {
    const { alphaCard } = await setup('published');
    await t.db.card.create({ data: { lessonId: alphaCard.lessonId, key: 'p', type: 'basic', front: 'P?', back: 'p', source: '', approval: 'pending' } });
    await t.db.card.create({ data: { lessonId: alphaCard.lessonId, key: 'own', type: 'basic', front: 'O?', back: 'o', source: '', origin: 'learner', ownerId: learner.id } });
    expect((await getCatalogue(other.id))[0]).toMatchObject({ key: 'alpha', cards: 3 });
    expect((await getLessonPage(learner.id, 'alpha', 'm1', 'a'))?.lesson.cardCount).toBe(2);
    expect((await getLessonPage(other.id, 'alpha', 'm1', 'a'))?.lesson.cardCount).toBe(1);
  });

  it('a draft is missing from the catalogue and its outline and lessons are not found, except for its instructors', async () => {
    await setup('draft');
    expect((await getCatalogue(learner.id)).map((c) => c.key)).toEqual(['alpha']);
    expect((await getCatalogue(other.id)).map((c) => c.key)).toEqual(['alpha']);
    expect(await getCourseOutline(learner.id, 'beta')).toBeNull();
    expect(await getCourseOutline(owner.id, 'beta')).toBeNull();
    expect(await getLessonPage(learner.id, 'beta', 'm1', 'x')).toBeNull();
    expect(await getCourseOutline(other.id, 'beta')).toMatchObject({ key: 'beta', status: 'draft' });
  });

  it('opening a lesson enrols the learner; home lists each enrolled course with progress and where to continue', async () => {
    await setup('published');
    expect(await getLearnerCourses(learner.id)).toEqual([]);
    const page = await getLessonPage(learner.id, 'alpha', 'm1', 'b');
    expect(page).toMatchObject({ course: { key: 'alpha', status: 'published' }, lesson: { title: 'B' }, position: { index: 1, count: 3 } });
    await recordLessonView(learner.id, page!, new Date('2026-06-01T10:00:00Z'));
    const betaPage = await getLessonPage(learner.id, 'beta', 'm1', 'x');
    await recordLessonView(learner.id, betaPage!, new Date('2026-06-01T11:00:00Z'));
    await t.db.lessonProgress.update({ where: { userId_lessonId: { userId: learner.id, lessonId: betaPage!.lesson.id } }, data: { completedAt: new Date() } });
    const home = await getLearnerCourses(learner.id);
    expect(home.map((c) => [c.key, c.done, c.total, c.next?.title, c.fresh])).toEqual([
      ['beta', 1, 2, 'Y', false],
      ['alpha', 0, 3, 'B', false],
    ]);
    expect((await getCatalogue(learner.id)).map((c) => c.enrolled)).toEqual([true, true]);
  });

  it('an instructor previewing their draft is not enrolled', async () => {
    const { beta } = await setup('draft');
    const page = await getLessonPage(other.id, 'beta', 'm1', 'x');
    await recordLessonView(other.id, page!);
    expect(await t.db.enrollment.count({ where: { courseId: beta.id } })).toBe(0);
  });
});
