import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { ownCourse, syncTwoModuleCourse, twoModuleCourse } from '@/test/classes';
import { JOIN_USER_LIMIT } from '@/lib/auth/rate-limit';
import {
  allowBack,
  assignModule,
  classForInstructor,
  createClass,
  deleteClass,
  JOIN_ERRORS,
  joinClass,
  learnerAssignments,
  learnerClasses,
  leaveClass,
  regenerateJoinCode,
  removeMember,
  updateAssignment,
  updateClass,
  withdrawAssignment,
} from './service';

let t: TestDb;
let teacher: string;
let otherTeacher: string;
let learner: string;
let moduleId: string;
let module2Id: string;
const now = new Date('2026-06-01T10:00:00Z');

const course = twoModuleCourse(['a', 'b'], ['c']);

async function newClass(name = 'Period 1', timeZone = 'UTC') {
  const cls = await createClass(t.db, teacher, { name, timeZone });
  if (!cls.ok) throw new Error(cls.error);
  return cls;
}
const due = (dueDate: string, dueTime = '23:59') => ({ dueDate, dueTime });

beforeEach(async () => {
  t = await createTestDb();
  await syncTwoModuleCourse(t.db, course, [['k1', 'm1/a'], ['k2', 'm1/b'], ['k3', 'm2/c']]);
  teacher = (await t.db.user.create({ data: { email: 't@example.com', name: 'T', role: 'instructor' } })).id;
  otherTeacher = (await t.db.user.create({ data: { email: 'o@example.com', name: 'O', role: 'instructor' } })).id;
  learner = (await t.db.user.create({ data: { email: 'l@example.com', name: 'L' } })).id;
  await ownCourse(t.db, teacher);
  moduleId = (await t.db.module.findFirstOrThrow({ where: { key: 'm1' } })).id;
  module2Id = (await t.db.module.findFirstOrThrow({ where: { key: 'm2' } })).id;
});
afterEach(async () => t.cleanup());

describe('classes (SQLite)', () => {
  it('gives each class an 8-character code and stores its time zone', async () => {
    const cls = await newClass('Period 1', 'America/New_York');
    expect(cls.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
    expect(await t.db.class.findUniqueOrThrow({ where: { id: cls.id } })).toMatchObject({ name: 'Period 1', timeZone: 'America/New_York', instructorId: teacher });
  });

  it('assigning a module puts its cards in members’ reviews, now and for later joiners', async () => {
    const cls = await newClass();
    expect(await joinClass(t.db, learner, cls.joinCode, now)).toMatchObject({ ok: true, name: 'Period 1', enrolled: 0, already: false });
    expect(await t.db.cardState.count({ where: { userId: learner } })).toBe(0);

    const assigned = await assignModule(t.db, teacher, { classId: cls.id, moduleId, note: 'Read before Monday', ...due('2026-06-10') }, now);
    expect(assigned).toMatchObject({ ok: true, dueAt: new Date('2026-06-10T23:59:00Z') });
    expect(await t.db.cardState.count({ where: { userId: learner } })).toBe(2);

    const late = (await t.db.user.create({ data: { email: 'late@example.com', name: 'Late' } })).id;
    expect(await joinClass(t.db, late, cls.joinCode, now)).toMatchObject({ ok: true, enrolled: 2 });
    // Joining again is harmless and says so.
    expect(await joinClass(t.db, late, cls.joinCode, now)).toMatchObject({ ok: true, already: true, enrolled: 0 });
  });

  it('due dates are wall-clock times in the class’s time zone, across DST', async () => {
    const cls = await newClass('NY', 'America/New_York');
    const winter = await assignModule(t.db, teacher, { classId: cls.id, moduleId, note: '', ...due('2026-01-15', '17:00') }, now);
    expect(winter).toMatchObject({ ok: true, dueAt: new Date('2026-01-15T22:00:00Z') });
    const summer = await assignModule(t.db, teacher, { classId: cls.id, moduleId: module2Id, note: '', ...due('2026-07-15', '17:00') }, now);
    expect(summer).toMatchObject({ ok: true, dueAt: new Date('2026-07-15T21:00:00Z') });
    // Changing the class's zone does not move existing due instants; editing re-reads the zone.
    await updateClass(t.db, teacher, cls.id, { name: 'NY', timeZone: 'Asia/Tokyo' });
    if (!winter.ok) throw new Error();
    expect(await updateAssignment(t.db, teacher, { assignmentId: winter.id, note: 'x', ...due('2026-01-15', '17:00') })).toMatchObject({ ok: true, dueAt: new Date('2026-01-15T08:00:00Z') });
  });

  it('learners see their assignments soonest first with progress, status and the next lesson', async () => {
    const cls = await newClass();
    await joinClass(t.db, learner, cls.joinCode, now);
    await assignModule(t.db, teacher, { classId: cls.id, moduleId: module2Id, note: '', ...due('2026-06-20') }, now);
    await assignModule(t.db, teacher, { classId: cls.id, moduleId, note: 'Start here', ...due('2026-06-10') }, now);
    const lessonA = await t.db.lesson.findFirstOrThrow({ where: { key: 'm1/a' } });
    await t.db.lessonProgress.create({ data: { userId: learner, lessonId: lessonA.id, completedAt: now } });

    const before = await learnerAssignments(t.db, learner, now);
    expect(before.map((a) => [a.moduleTitle, a.status, a.percent, a.note])).toEqual([
      ['One', 'in_progress', 50, 'Start here'],
      ['Two', 'not_started', 0, ''],
    ]);
    expect(before[0]?.nextLessonHref).toBe('/courses/c/m1/b');
    const after = await learnerAssignments(t.db, learner, new Date('2026-06-11T00:00:00Z'));
    expect(after.map((a) => a.status)).toEqual(['overdue', 'not_started']);
    // Other people's assignments never show up.
    const outsider = (await t.db.user.create({ data: { email: 'x@example.com', name: 'X' } })).id;
    expect(await learnerAssignments(t.db, outsider, now)).toEqual([]);
  });

  it('refuses assigning a module twice, and changing or withdrawing assignments of another instructor', async () => {
    const cls = await newClass();
    const first = await assignModule(t.db, teacher, { classId: cls.id, moduleId, note: '', ...due('2026-06-10') }, now);
    if (!first.ok) throw new Error(first.error);
    expect(await assignModule(t.db, teacher, { classId: cls.id, moduleId, note: '', ...due('2026-06-12') }, now)).toMatchObject({ ok: false, field: 'moduleId' });
    expect(await assignModule(t.db, otherTeacher, { classId: cls.id, moduleId: module2Id, note: '', ...due('2026-06-10') }, now)).toEqual({ ok: false, error: 'Class not found.' });
    expect(await updateAssignment(t.db, otherTeacher, { assignmentId: first.id, note: 'hijack', ...due('2030-01-01') })).toMatchObject({ ok: false });
    expect(await withdrawAssignment(t.db, otherTeacher, first.id)).toMatchObject({ ok: false });
    expect(await t.db.assignment.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ note: '', dueAt: new Date('2026-06-10T23:59:00Z') });
    expect(await assignModule(t.db, teacher, { classId: cls.id, moduleId: 'no-such-module', note: '', ...due('2026-06-10') }, now)).toMatchObject({ ok: false, field: 'moduleId' });
  });

  it('assigns only modules of published courses the instructor owns or co-teaches; assigning enrols members', async () => {
    // Another instructor's course, in the other instructor's own class: not assignable by them until they co-teach it.
    await syncTwoModuleCourse(t.db, { ...twoModuleCourse(['x'], ['y']), key: 'other', title: 'Other' }, [['o1', 'm1/x']]);
    const otherCourse = await ownCourse(t.db, teacher, 'other');
    const otherModule = (await t.db.module.findFirstOrThrow({ where: { courseId: otherCourse, key: 'm1' } })).id;
    const theirs = await createClass(t.db, otherTeacher, { name: 'Theirs', timeZone: 'UTC' });
    if (!theirs.ok) throw new Error(theirs.error);
    const refused = await assignModule(t.db, otherTeacher, { classId: theirs.id, moduleId: otherModule, note: '', ...due('2026-06-10') }, now);
    expect(refused).toMatchObject({ ok: false, field: 'moduleId' });
    await t.db.courseInstructor.create({ data: { courseId: otherCourse, userId: otherTeacher, role: 'co-instructor' } });
    await joinClass(t.db, learner, theirs.joinCode, now);
    expect(await assignModule(t.db, otherTeacher, { classId: theirs.id, moduleId: otherModule, note: '', ...due('2026-06-10') }, now)).toMatchObject({ ok: true });
    expect(await t.db.enrollment.findMany({ where: { userId: learner }, select: { courseId: true } })).toEqual([{ courseId: otherCourse }]);
    // A draft course's modules are not assignable, even by its owner.
    await t.db.course.update({ where: { id: otherCourse }, data: { status: 'draft' } });
    const cls = await newClass();
    const m2 = (await t.db.module.findFirstOrThrow({ where: { courseId: otherCourse, key: 'm2' } })).id;
    expect(await assignModule(t.db, teacher, { classId: cls.id, moduleId: m2, note: '', ...due('2026-06-10') }, now)).toMatchObject({ ok: false, field: 'moduleId' });
  });

  it('joining a class with assignments enrols the learner in their courses', async () => {
    const cls = await newClass();
    await assignModule(t.db, teacher, { classId: cls.id, moduleId, note: '', ...due('2026-06-10') }, now);
    await joinClass(t.db, learner, cls.joinCode, now);
    const course = await t.db.course.findUniqueOrThrow({ where: { key: 'c' } });
    expect(await t.db.enrollment.count({ where: { userId: learner, courseId: course.id } })).toBe(1);
  });

  it('withdrawing an assignment, leaving or being removed keeps the learner’s cards and history', async () => {
    const cls = await newClass();
    await joinClass(t.db, learner, cls.joinCode, now);
    const a = await assignModule(t.db, teacher, { classId: cls.id, moduleId, note: '', ...due('2026-06-10') }, now);
    if (!a.ok) throw new Error(a.error);
    expect(await withdrawAssignment(t.db, teacher, a.id)).toEqual({ ok: true });
    expect(await t.db.cardState.count({ where: { userId: learner } })).toBe(2);

    expect(await leaveClass(t.db, learner, cls.id)).toEqual({ ok: true });
    expect(await leaveClass(t.db, learner, cls.id)).toMatchObject({ ok: false });
    expect(await learnerClasses(t.db, learner)).toEqual([]);
    await joinClass(t.db, learner, cls.joinCode, now);
    expect(await removeMember(t.db, otherTeacher, cls.id, learner, now)).toMatchObject({ ok: false });
    expect(await removeMember(t.db, teacher, cls.id, learner, now)).toEqual({ ok: true });
    expect(await t.db.classMember.count()).toBe(0);
    expect(await t.db.cardState.count({ where: { userId: learner } })).toBe(2);
  });

  it('a removed learner cannot rejoin with the code until the instructor lets them back in', async () => {
    const cls = await newClass();
    await joinClass(t.db, learner, cls.joinCode, now);
    await removeMember(t.db, teacher, cls.id, learner, now);
    expect(await joinClass(t.db, learner, cls.joinCode, now)).toEqual({ ok: false, error: JOIN_ERRORS.removed });
    expect((await classForInstructor(t.db, teacher, cls.id))?.removed.map((r) => r.email)).toEqual(['l@example.com']);
    // Only the class's instructor can let them back; leaving by oneself never blocks a return.
    expect(await allowBack(t.db, otherTeacher, cls.id, learner)).toMatchObject({ ok: false });
    expect(await allowBack(t.db, teacher, cls.id, learner)).toEqual({ ok: true });
    expect(await joinClass(t.db, learner, cls.joinCode, now)).toMatchObject({ ok: true });
    await leaveClass(t.db, learner, cls.id);
    expect(await joinClass(t.db, learner, cls.joinCode, now)).toMatchObject({ ok: true });
    // Refusals for a removed learner do not count against the wrong-code limit.
    expect(await t.db.authThrottle.count({ where: { count: { gt: 0 } } })).toBe(0);
  });

  it('a regenerated code withdraws the old one', async () => {
    const cls = await newClass();
    expect(await regenerateJoinCode(t.db, otherTeacher, cls.id)).toEqual({ ok: false, error: 'Class not found.' });
    const fresh = await regenerateJoinCode(t.db, teacher, cls.id);
    if (!fresh.ok) throw new Error(fresh.error);
    expect(fresh.joinCode).not.toBe(cls.joinCode);
    expect(await joinClass(t.db, learner, cls.joinCode, now)).toEqual({ ok: false, error: JOIN_ERRORS.unknown });
    expect(await joinClass(t.db, learner, fresh.joinCode, now)).toMatchObject({ ok: true });
  });

  it('rate-limits wrong codes per learner, and the limit lifts after the window', async () => {
    const cls = await newClass();
    for (let i = 0; i < JOIN_USER_LIMIT; i++) expect(await joinClass(t.db, learner, 'WRONGCDE', now, '10.0.0.9')).toEqual({ ok: false, error: JOIN_ERRORS.unknown });
    // Even the right code is refused while throttled, so guessing cannot continue.
    const blocked = await joinClass(t.db, learner, cls.joinCode, now, '10.0.0.9');
    expect(blocked).toMatchObject({ ok: false });
    expect(blocked.ok ? '' : blocked.error).toContain(JOIN_ERRORS.throttled);
    // Another learner is not affected by this one's mistakes.
    const other = (await t.db.user.create({ data: { email: 'p@example.com', name: 'P' } })).id;
    expect(await joinClass(t.db, other, cls.joinCode, now, '10.0.0.8')).toMatchObject({ ok: true });
    expect(await joinClass(t.db, learner, cls.joinCode, new Date(now.getTime() + 16 * 60_000), '10.0.0.9')).toMatchObject({ ok: true });
  });

  it('an instructor cannot join their own class; only they can see, rename or delete it', async () => {
    const cls = await newClass();
    expect(await joinClass(t.db, teacher, cls.joinCode, now)).toEqual({ ok: false, error: JOIN_ERRORS.own });
    expect(await classForInstructor(t.db, otherTeacher, cls.id)).toBeNull();
    expect(await updateClass(t.db, otherTeacher, cls.id, { name: 'Mine now', timeZone: 'UTC' })).toMatchObject({ ok: false });
    expect(await deleteClass(t.db, otherTeacher, cls.id)).toMatchObject({ ok: false });
    expect(await updateClass(t.db, teacher, cls.id, { name: 'Renamed', timeZone: 'Europe/Paris' })).toEqual({ ok: true });
    expect(await classForInstructor(t.db, teacher, cls.id)).toMatchObject({ name: 'Renamed', timeZone: 'Europe/Paris' });
    await joinClass(t.db, learner, cls.joinCode, now);
    await assignModule(t.db, teacher, { classId: cls.id, moduleId, note: '', ...due('2026-06-10') }, now);
    expect(await deleteClass(t.db, teacher, cls.id)).toEqual({ ok: true });
    expect(await t.db.classMember.count()).toBe(0);
    expect(await t.db.assignment.count()).toBe(0);
    expect(await t.db.cardState.count({ where: { userId: learner } })).toBe(2);
  });
});
