import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { syncCourse } from '@/lib/content/sync';
import type { Course } from '@/lib/content/types';
import { assignModule, classReport, createClass, joinClass, learnerAssignments, removeAssignment } from './service';

let t: TestDb;
let teacher: string;
let otherTeacher: string;
let learner: string;
let moduleId: string;
const now = new Date('2026-06-01T10:00:00Z');

const course: Course = {
  key: 'c',
  title: 'C',
  description: '',
  modules: [
    { key: 'm1', title: 'One', description: '', order: 0, prerequisites: [], sources: [], lessons: [
      { key: 'm1/a', moduleKey: 'm1', title: 'A', order: 0, markdown: 'a', words: 1, sourceFile: 'x' },
      { key: 'm1/b', moduleKey: 'm1', title: 'B', order: 1, markdown: 'b', words: 1, sourceFile: 'x' },
    ] },
  ],
};

beforeEach(async () => {
  t = await createTestDb();
  await syncCourse(t.db, course, [
    { key: 'k1', lessonKey: 'm1/a', moduleKey: 'm1', type: 'basic', front: 'Q1?', back: 'A1', source: 's', anchor: '', score: 1 },
    { key: 'k2', lessonKey: 'm1/b', moduleKey: 'm1', type: 'basic', front: 'Q2?', back: 'A2', source: 's', anchor: '', score: 1 },
  ]);
  teacher = (await t.db.user.create({ data: { email: 't@example.com', name: 'T', role: 'instructor' } })).id;
  otherTeacher = (await t.db.user.create({ data: { email: 'o@example.com', name: 'O', role: 'instructor' } })).id;
  learner = (await t.db.user.create({ data: { email: 'l@example.com', name: 'L' } })).id;
  moduleId = (await t.db.module.findFirstOrThrow()).id;
});
afterEach(async () => t.cleanup());

describe('classes (SQLite)', () => {
  it('assigning a module puts its cards in members’ reviews, now and for later joiners', async () => {
    const cls = await createClass(t.db, teacher, 'Period 1');
    if (!cls.ok) throw new Error(cls.error);
    expect((await joinClass(t.db, learner, cls.joinCode, now)).ok).toBe(true);
    expect(await t.db.cardState.count({ where: { userId: learner } })).toBe(0);

    const due = new Date('2026-06-10T23:59:59Z');
    expect(await assignModule(t.db, teacher, { classId: cls.id, moduleId, dueAt: due }, now)).toEqual({ ok: true });
    expect(await t.db.cardState.count({ where: { userId: learner } })).toBe(2);

    const late = (await t.db.user.create({ data: { email: 'late@example.com', name: 'Late' } })).id;
    const joined = await joinClass(t.db, late, cls.joinCode, now);
    expect(joined).toMatchObject({ ok: true, enrolled: 2 });

    const mine = await learnerAssignments(t.db, learner, new Date('2026-06-11T00:00:00Z'));
    expect(mine).toEqual([{ className: 'Period 1', moduleId, moduleTitle: 'One', dueAt: due, done: 0, total: 2, overdue: true }]);
  });

  it('reports each member’s progress only to the class’s own instructor', async () => {
    const cls = await createClass(t.db, teacher, 'Period 2');
    if (!cls.ok) throw new Error(cls.error);
    await joinClass(t.db, learner, cls.joinCode, now);
    await assignModule(t.db, teacher, { classId: cls.id, moduleId, dueAt: null }, now);
    const lessonA = await t.db.lesson.findFirstOrThrow({ where: { key: 'm1/a' } });
    await t.db.lessonProgress.create({ data: { userId: learner, lessonId: lessonA.id, completedAt: now } });

    const report = await classReport(t.db, teacher, cls.id, now);
    expect(report?.members).toHaveLength(1);
    expect(report?.members[0]?.modules).toEqual([{ moduleId, done: 1, total: 2 }]);

    expect(await classReport(t.db, otherTeacher, cls.id, now)).toBeNull();
    expect(await assignModule(t.db, otherTeacher, { classId: cls.id, moduleId, dueAt: null }, now)).toEqual({ ok: false, error: 'Class not found.' });
    const assignmentId = report!.assignments[0]!.id;
    expect(await removeAssignment(t.db, otherTeacher, assignmentId)).toMatchObject({ ok: false });
    expect(await removeAssignment(t.db, teacher, assignmentId)).toEqual({ ok: true });
    expect(await t.db.cardState.count({ where: { userId: learner } })).toBe(2);
  });

  it('refuses unknown codes with a clear message', async () => {
    expect(await joinClass(t.db, learner, 'ZZZZZZ', now)).toEqual({ ok: false, error: 'No class has this code. Check it with your instructor.' });
  });
});
