// Server actions on courses (SQLite): who may change cards, enrol, complete lessons and manage co-instructors.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { makeUser, twoCourses } from '@/test/courses';
import type { SessionUser } from '@/lib/auth/session';

let t: TestDb;
let signedIn: SessionUser | null = null;
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return { ...original, get db() { return t.db; } };
});
vi.mock('@/lib/auth/session', () => ({
  actionUser: async (role?: string) => (signedIn && (!role || signedIn.role === role) ? signedIn : null),
  requireUser: async () => signedIn,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const { editCard, setCardSuspended, revertCard, resolveFlags } = await import('./cards');
const { enrollInCourse } = await import('./enrollment');
const { setLessonComplete } = await import('./progress');
const { addCoInstructorAction, removeCoInstructorAction } = await import('./course-instructors');

let owner: SessionUser;
let other: SessionUser;
let learner: SessionUser;
let courses: Awaited<ReturnType<typeof twoCourses>>;

beforeEach(async () => {
  t = await createTestDb();
  owner = await makeUser(t.db, 'owner@example.com', 'instructor');
  other = await makeUser(t.db, 'other@example.com', 'instructor');
  learner = await makeUser(t.db, 'learner@example.com', 'learner');
  courses = await twoCourses(t.db, owner.id, other.id, 'draft');
  signedIn = null;
});
afterEach(async () => t.cleanup());

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describe('card changes are for the course’s instructors only (SQLite)', () => {
  it('another instructor and a learner are refused and nothing changes; the owner edits and suspends', async () => {
    const { alphaCard } = courses;
    for (const who of [other, learner]) {
      signedIn = who;
      expect(await editCard({ cardId: alphaCard.id, front: 'Hijacked?', back: 'x' })).toMatchObject({ ok: false });
      expect(await setCardSuspended({ cardId: alphaCard.id, suspended: true })).toMatchObject({ ok: false });
      expect(await revertCard(alphaCard.id)).toMatchObject({ ok: false });
      expect(await resolveFlags(alphaCard.id)).toMatchObject({ ok: false });
    }
    expect(await t.db.card.findUniqueOrThrow({ where: { id: alphaCard.id } })).toMatchObject({ editedFront: null, suspended: false });

    signedIn = owner;
    expect(await editCard({ cardId: alphaCard.id, front: 'Better?', back: 'a1' })).toMatchObject({ ok: true });
    expect(await setCardSuspended({ cardId: alphaCard.id, suspended: true })).toMatchObject({ ok: true });
    expect(await t.db.card.findUniqueOrThrow({ where: { id: alphaCard.id } })).toMatchObject({ editedFront: 'Better?', suspended: true, editedById: owner.id });
    // …but not the other course's card, nor a learner's private card in their own course.
    expect(await setCardSuspended({ cardId: courses.betaCard.id, suspended: true })).toMatchObject({ ok: false });
    const mine = await t.db.card.create({ data: { lessonId: alphaCard.lessonId, key: 'private-1', type: 'basic', front: 'Mine?', back: 'yes', source: '', origin: 'learner', ownerId: learner.id } });
    expect(await editCard({ cardId: mine.id, front: 'Read by the teacher?', back: 'no' })).toMatchObject({ ok: false });
    expect(await setCardSuspended({ cardId: mine.id, suspended: true })).toMatchObject({ ok: false });
  });

  it('a co-instructor the owner adds may change cards until removed; only the owner manages co-instructors', async () => {
    signedIn = other;
    expect(await addCoInstructorAction({ ok: false, errors: {} }, form({ courseId: courses.alpha.id, email: other.email }))).toMatchObject({ ok: false, message: expect.stringMatching(/not found/) });
    signedIn = owner;
    expect(await addCoInstructorAction({ ok: false, errors: {} }, form({ courseId: courses.alpha.id, email: learner.email }))).toMatchObject({ ok: false, errors: { email: expect.stringMatching(/No instructor/) } });
    expect(await addCoInstructorAction({ ok: false, errors: {} }, form({ courseId: courses.alpha.id, email: 'OTHER@example.com' }))).toMatchObject({ ok: true });
    signedIn = other;
    expect(await setCardSuspended({ cardId: courses.alphaCard.id, suspended: true })).toMatchObject({ ok: true });
    expect(await removeCoInstructorAction({ courseId: courses.alpha.id, userId: owner.id })).toMatchObject({ ok: false });
    signedIn = owner;
    expect(await removeCoInstructorAction({ courseId: courses.alpha.id, userId: owner.id })).toMatchObject({ ok: false });
    expect(await removeCoInstructorAction({ courseId: courses.alpha.id, userId: other.id })).toMatchObject({ ok: true });
    signedIn = other;
    expect(await setCardSuspended({ cardId: courses.alphaCard.id, suspended: false })).toMatchObject({ ok: false });
  });
});

describe('enrolment and completion respect drafts (SQLite)', () => {
  it('a learner enrols in a published course, not in a draft', async () => {
    signedIn = learner;
    expect(await enrollInCourse({ courseId: courses.beta.id })).toEqual({ ok: false, error: 'This course is not available.' });
    expect(await enrollInCourse({ courseId: courses.alpha.id })).toEqual({ ok: true, courseKey: 'alpha' });
    expect(await enrollInCourse({ courseId: courses.alpha.id })).toEqual({ ok: true, courseKey: 'alpha' });
    expect(await t.db.enrollment.findMany({ where: { userId: learner.id }, select: { courseId: true } })).toEqual([{ courseId: courses.alpha.id }]);
    signedIn = null;
    expect(await enrollInCourse({ courseId: courses.alpha.id })).toMatchObject({ ok: false });
  });

  it('completing a lesson enrols the learner and adds its cards; a draft’s lesson cannot be completed', async () => {
    signedIn = learner;
    const alphaLesson = await t.db.lesson.findFirstOrThrow({ where: { id: courses.alphaCard.lessonId } });
    expect(await setLessonComplete({ lessonId: alphaLesson.id, complete: true })).toEqual({ ok: true, completed: true });
    expect(await t.db.enrollment.count({ where: { userId: learner.id, courseId: courses.alpha.id } })).toBe(1);
    expect(await t.db.cardState.count({ where: { userId: learner.id } })).toBe(1);
    expect(await setLessonComplete({ lessonId: courses.betaCard.lessonId, complete: true })).toMatchObject({ ok: false });
    expect(await t.db.cardState.count({ where: { userId: learner.id, cardId: courses.betaCard.id } })).toBe(0);
  });
});
