// Folder courses side by side: syncing one course leaves the others alone; an operator can name an owner.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { syncTwoModuleCourse, twoModuleCourse } from '@/test/classes';
import { makeUser } from '@/test/courses';
import { setFolderCourseOwner } from './owner';

let t: TestDb;
beforeEach(async () => { t = await createTestDb(); });
afterEach(async () => t.cleanup());

describe('folder courses (SQLite)', () => {
  it('syncing a second course, or re-syncing it without a lesson, does not touch the first', async () => {
    await syncTwoModuleCourse(t.db, { ...twoModuleCourse(['a', 'b'], ['c']), key: 'first' }, [['k1', 'm1/a']]);
    const before = await t.db.lesson.findMany({ where: { module: { course: { key: 'first' } } }, orderBy: { key: 'asc' } });
    await syncTwoModuleCourse(t.db, { ...twoModuleCourse(['a', 'b'], ['c']), key: 'second' }, [['k1', 'm1/a']]);
    await syncTwoModuleCourse(t.db, { ...twoModuleCourse(['a'], ['c']), key: 'second' }, []);
    expect(await t.db.lesson.findMany({ where: { module: { course: { key: 'first' } } }, orderBy: { key: 'asc' } })).toEqual(before);
    expect(await t.db.card.count({ where: { retiredAt: null, lesson: { module: { course: { key: 'first' } } } } })).toBe(1);
    expect(await t.db.lesson.count({ where: { retiredAt: { not: null }, module: { course: { key: 'second' } } } })).toBe(1);
  });

  it('names an owner, and a new owner keeps the previous one as co-instructor', async () => {
    await syncTwoModuleCourse(t.db, twoModuleCourse(['a'], ['b']), []);
    const ada = await makeUser(t.db, 'ada@example.com', 'instructor');
    const bo = await makeUser(t.db, 'bo@example.com', 'instructor');
    expect(await setFolderCourseOwner(t.db, 'c', ada.id)).toMatch(/set/);
    expect(await setFolderCourseOwner(t.db, 'c', ada.id)).toMatch(/unchanged/);
    expect(await setFolderCourseOwner(t.db, 'c', bo.id)).toMatch(/changed/);
    const course = await t.db.course.findUniqueOrThrow({ where: { key: 'c' }, include: { instructors: { orderBy: { role: 'asc' } } } });
    expect(course.ownerId).toBe(bo.id);
    expect(course.instructors.map((i) => [i.userId, i.role])).toEqual([[ada.id, 'co-instructor'], [bo.id, 'owner']]);
    await expect(setFolderCourseOwner(t.db, 'nope', ada.id)).rejects.toThrow(/No course/);
  });
});
