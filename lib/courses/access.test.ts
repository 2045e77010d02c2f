import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import type { SessionUser } from '@/lib/auth/session';

let t: TestDb;
let signedIn: SessionUser | null = null;
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return { ...original, get db() { return t.db; } };
});
vi.mock('@/lib/auth/session', () => ({
  requireUser: async () => { if (!signedIn) throw new Error('redirect:signin'); return signedIn; },
  actionUser: async (role?: string) => (signedIn && (!role || signedIn.role === role) ? signedIn : null),
}));
vi.mock('next/navigation', () => ({
  notFound: () => { throw new Error('404'); },
  forbidden: () => { throw new Error('403'); },
}));

const { canEditCourse, courseRole, editableCourseIds, isCourseOwner, requireCourseInstructor, actionCourseInstructor, setCourseOwner, visibleCourseWhere } = await import('./access');

let owner: SessionUser;
let co: SessionUser;
let other: SessionUser;
let learner: SessionUser;
let published: string;
let draft: string;

async function user(email: string, role: 'learner' | 'instructor'): Promise<SessionUser> {
  const u = await t.db.user.create({ data: { email, name: email.split('@')[0]!, role } });
  return { id: u.id, email, name: u.name, role, timeZone: 'UTC' };
}

beforeEach(async () => {
  t = await createTestDb();
  owner = await user('owner@example.com', 'instructor');
  co = await user('co@example.com', 'instructor');
  other = await user('other@example.com', 'instructor');
  learner = await user('learner@example.com', 'learner');
  published = (await t.db.course.create({ data: { key: 'pub', title: 'Pub', description: '' } })).id;
  draft = (await t.db.course.create({ data: { key: 'draft', title: 'Draft', description: '', status: 'draft' } })).id;
  for (const id of [published, draft]) {
    await setCourseOwner(t.db, id, owner.id);
    await t.db.courseInstructor.create({ data: { courseId: id, userId: co.id, role: 'co-instructor' } });
  }
  signedIn = null;
});
afterEach(async () => t.cleanup());

describe('course access (SQLite)', () => {
  it('the owner and co-instructors may edit; other instructors and learners may not', async () => {
    expect(await courseRole(t.db, owner.id, published)).toBe('owner');
    expect(await courseRole(t.db, co.id, published)).toBe('co-instructor');
    expect(await canEditCourse(other.id, published)).toBe(false);
    expect(await canEditCourse(learner.id, published)).toBe(false);
    expect(await isCourseOwner(co.id, published)).toBe(false);
    expect((await editableCourseIds(t.db, co.id)).sort()).toEqual([published, draft].sort());
    expect(await editableCourseIds(t.db, other.id)).toEqual([]);
  });

  it('a co-instructor who is no longer an instructor loses the right', async () => {
    await t.db.user.update({ where: { id: co.id }, data: { role: 'learner' } });
    expect(await canEditCourse(co.id, published)).toBe(false);
    expect(await editableCourseIds(t.db, co.id)).toEqual([]);
  });

  it('drafts are visible only to their instructors', async () => {
    const seen = async (userId: string) =>
      (await t.db.course.findMany({ where: visibleCourseWhere(userId), select: { key: true }, orderBy: { key: 'asc' } })).map((c) => c.key);
    expect(await seen(learner.id)).toEqual(['pub']);
    expect(await seen(other.id)).toEqual(['pub']);
    expect(await seen(co.id)).toEqual(['draft', 'pub']);
  });

  it('pages: a draft is 404 and a published course 403 for others; missing is 404', async () => {
    signedIn = other;
    await expect(requireCourseInstructor(draft)).rejects.toThrow('404');
    await expect(requireCourseInstructor({ key: 'pub' })).rejects.toThrow('403');
    await expect(requireCourseInstructor('nope')).rejects.toThrow('404');
    signedIn = learner;
    await expect(requireCourseInstructor(published)).rejects.toThrow('403');
    signedIn = co;
    await expect(requireCourseInstructor({ key: 'draft' })).resolves.toMatchObject({ role: 'co-instructor', course: { status: 'draft' } });
    await expect(requireCourseInstructor(published, { owner: true })).rejects.toThrow('403');
    signedIn = owner;
    await expect(requireCourseInstructor(published, { owner: true })).resolves.toMatchObject({ role: 'owner' });
  });

  it('actions: null unless owner or co-instructor', async () => {
    signedIn = other;
    expect(await actionCourseInstructor(published)).toBeNull();
    signedIn = learner;
    expect(await actionCourseInstructor(published)).toBeNull();
    signedIn = co;
    expect(await actionCourseInstructor(published)).toMatchObject({ role: 'co-instructor' });
    expect(await actionCourseInstructor(published, { owner: true })).toBeNull();
  });
});
