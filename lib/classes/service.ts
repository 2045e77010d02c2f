// Classes against the database: instructors create classes, share join codes and assign modules; learners
// join and leave. Every function takes the signed-in user's id and checks that user's right to the class,
// so an id from the client only ever selects among rows the user may touch.
import type { Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { enrollLessonCards } from '@/lib/review/service';
import { joinThrottleKeys, releaseAttempt, reserveAttempt } from '@/lib/auth/rate-limit';
import { lessonHref } from '@/lib/course-urls';
import { zonedWallTimeToDate } from '@/lib/srs/days';
import { editableCourseWhere } from '@/lib/courses/roles';
import { enrollForModules } from '@/lib/courses/enrollment';
import { newJoinCode } from './join-code';
import { assignmentProgress, type AssignmentStatus } from './status';

type Tx = Prisma.TransactionClient;
export type ClassResult<T = object> = ({ ok: true } & T) | { ok: false; error: string; field?: string };

const CLASS_NOT_FOUND = { ok: false, error: 'Class not found.' } as const;

// ---------- enrolment of assigned modules' cards ----------

/** Assigned modules' cards join the learner's reviews (as new cards, in lesson order, under the daily limit). */
export async function enrollModuleCards(tx: Db | Tx, userId: string, moduleIds: string[], now: Date): Promise<number> {
  if (moduleIds.length === 0) return 0;
  const lessons = await tx.lesson.findMany({ where: { moduleId: { in: moduleIds }, retiredAt: null }, select: { id: true } });
  return enrollLessonCards(tx, userId, lessons.map((l) => l.id), now);
}

/** For the review page: cards added by a re-sync to modules assigned to the learner. */
export async function enrollAssignedModules(db: Db, userId: string, now: Date): Promise<number> {
  const assignments = await db.assignment.findMany({
    where: { class: { members: { some: { userId } } }, module: { retiredAt: null } },
    select: { moduleId: true },
  });
  return enrollModuleCards(db, userId, [...new Set(assignments.map((a) => a.moduleId))], now);
}

// ---------- the instructor's classes ----------

async function ownedClass(db: Db | Tx, instructorId: string, classId: string) {
  return db.class.findFirst({ where: { id: classId, instructorId }, select: { id: true, timeZone: true } });
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}

/** Draws join codes until one is free (a clash is ~1 in 10^11, but the unique index decides). */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await write(newJoinCode());
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
  return null;
}

export async function createClass(
  db: Db,
  instructorId: string,
  input: { name: string; timeZone: string },
): Promise<ClassResult<{ id: string; joinCode: string }>> {
  const created = await withFreshCode((joinCode) => db.class.create({ data: { ...input, instructorId, joinCode } }));
  if (!created) return { ok: false, error: 'Could not create a unique join code; please try again.' };
  return { ok: true, id: created.id, joinCode: created.joinCode };
}

export async function updateClass(db: Db, instructorId: string, classId: string, input: { name: string; timeZone: string }): Promise<ClassResult> {
  const res = await db.class.updateMany({ where: { id: classId, instructorId }, data: input });
  return res.count === 1 ? { ok: true } : CLASS_NOT_FOUND;
}

/** Members keep their cards and review history; the class, its memberships and assignments go. */
export async function deleteClass(db: Db, instructorId: string, classId: string): Promise<ClassResult> {
  const res = await db.class.deleteMany({ where: { id: classId, instructorId } });
  return res.count === 1 ? { ok: true } : CLASS_NOT_FOUND;
}

/** A new code; the old one (and invite links carrying it) stops working at once. */
export async function regenerateJoinCode(db: Db, instructorId: string, classId: string): Promise<ClassResult<{ joinCode: string }>> {
  if (!(await ownedClass(db, instructorId, classId))) return CLASS_NOT_FOUND;
  const updated = await withFreshCode((joinCode) => db.class.update({ where: { id: classId }, data: { joinCode } }));
  if (!updated) return { ok: false, error: 'Could not create a unique join code; please try again.' };
  return { ok: true, joinCode: updated.joinCode };
}

/** The learner leaves the class and cannot rejoin with the code until let back in; they keep their cards and history. */
export async function removeMember(db: Db, instructorId: string, classId: string, userId: string, now: Date): Promise<ClassResult> {
  return db.$transaction(async (tx) => {
    const res = await tx.classMember.deleteMany({ where: { classId, userId, class: { instructorId } } });
    if (res.count !== 1) return { ok: false as const, error: 'That learner is not in this class.' };
    await tx.classRemoval.upsert({ where: { classId_userId: { classId, userId } }, create: { classId, userId, removedAt: now }, update: { removedAt: now } });
    return { ok: true as const };
  });
}

/** Lets a removed learner join again with the code (it does not add them back by itself). */
export async function allowBack(db: Db, instructorId: string, classId: string, userId: string): Promise<ClassResult> {
  const res = await db.classRemoval.deleteMany({ where: { classId, userId, class: { instructorId } } });
  return res.count === 1 ? { ok: true } : { ok: false, error: 'That learner was not removed from this class.' };
}

export async function instructorClasses(db: Db, instructorId: string) {
  return db.class.findMany({
    where: { instructorId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, joinCode: true, timeZone: true, _count: { select: { members: true, assignments: { where: { module: { retiredAt: null } } } } } },
  });
}

/** The class's settings, assignments and members for its instructor; null if it is not theirs. */
export async function classForInstructor(db: Db, instructorId: string, classId: string) {
  const cls = await db.class.findFirst({
    where: { id: classId, instructorId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      joinCode: true,
      createdAt: true,
      assignments: {
        select: {
          id: true,
          dueAt: true,
          note: true,
          moduleId: true,
          module: { select: { title: true, order: true, retiredAt: true, _count: { select: { lessons: { where: { retiredAt: null } } } } } },
        },
      },
      members: { orderBy: { joinedAt: 'asc' }, select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } },
      removals: { orderBy: { removedAt: 'desc' }, select: { removedAt: true, user: { select: { id: true, name: true, email: true } } } },
    },
  });
  if (!cls) return null;
  const assignments = cls.assignments
    .map((a) => ({ id: a.id, moduleId: a.moduleId, title: a.module.title, dueAt: a.dueAt, note: a.note, lessons: a.module._count.lessons, retired: a.module.retiredAt !== null, order: a.module.order }))
    .sort(byDueThenOrder);
  return {
    ...cls,
    assignments,
    members: cls.members.map((m) => ({ ...m.user, joinedAt: m.joinedAt })),
    removed: cls.removals.map((r) => ({ ...r.user, removedAt: r.removedAt })),
  };
}

/** Assignments soonest due first (undated last), then in course order: the one order every list uses. */
export function byDueThenOrder(a: { dueAt: Date | null; order: number }, b: { dueAt: Date | null; order: number }): number {
  const da = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const dbt = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return da - dbt || a.order - b.order;
}

// ---------- assignments ----------

export interface DueInput {
  /** 'YYYY-MM-DD' and 'HH:MM' on the class's wall clock. */
  dueDate: string;
  dueTime: string;
}

export async function assignModule(
  db: Db,
  instructorId: string,
  input: { classId: string; moduleId: string; note: string } & DueInput,
  now: Date,
): Promise<ClassResult<{ id: string; dueAt: Date }>> {
  const cls = await ownedClass(db, instructorId, input.classId);
  if (!cls) return CLASS_NOT_FOUND;
  // Only modules of published courses the instructor owns or co-teaches; any other id reads as "not assignable".
  const mod = await db.module.findFirst({
    where: { id: input.moduleId, retiredAt: null, course: { AND: [{ status: 'published' }, editableCourseWhere(instructorId)] } },
    select: { id: true, title: true },
  });
  if (!mod) return { ok: false, error: 'That module is not part of a published course you teach.', field: 'moduleId' };
  const dueAt = zonedWallTimeToDate(input.dueDate, input.dueTime, cls.timeZone);
  try {
    const id = await db.$transaction(async (tx) => {
      const created = await tx.assignment.create({
        data: { classId: cls.id, moduleId: mod.id, dueAt, note: input.note, createdAt: now, updatedAt: now },
      });
      const members = await tx.classMember.findMany({ where: { classId: cls.id }, select: { userId: true } });
      for (const m of members) {
        await enrollModuleCards(tx, m.userId, [mod.id], now);
        await enrollForModules(tx, m.userId, [mod.id], now);
      }
      return created.id;
    });
    return { ok: true, id, dueAt };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, error: `${mod.title} is already assigned to this class; change its due date below.`, field: 'moduleId' };
    throw e;
  }
}

export async function updateAssignment(
  db: Db,
  instructorId: string,
  input: { assignmentId: string; note: string } & DueInput,
): Promise<ClassResult<{ dueAt: Date }>> {
  const found = await db.assignment.findFirst({ where: { id: input.assignmentId, class: { instructorId } }, select: { id: true, class: { select: { timeZone: true } } } });
  if (!found) return { ok: false, error: 'Assignment not found.' };
  const dueAt = zonedWallTimeToDate(input.dueDate, input.dueTime, found.class.timeZone);
  await db.assignment.update({ where: { id: found.id }, data: { dueAt, note: input.note } });
  return { ok: true, dueAt };
}

/** Learners keep the cards and their review history; only the assignment goes. */
export async function withdrawAssignment(db: Db, instructorId: string, assignmentId: string): Promise<ClassResult> {
  const res = await db.assignment.deleteMany({ where: { id: assignmentId, class: { instructorId } } });
  return res.count === 1 ? { ok: true } : { ok: false, error: 'Assignment not found.' };
}

// ---------- learners ----------

export const JOIN_ERRORS = {
  unknown: 'No class has this code. Check it with your instructor: codes change when they are regenerated.',
  throttled: 'Too many wrong codes. Wait a few minutes and try again.',
  own: 'You teach this class.',
  removed: 'Your instructor removed you from this class. Ask them to let you back in.',
} as const;

export async function joinClass(
  db: Db,
  userId: string,
  code: string,
  now: Date,
  ip: string | null = null,
): Promise<ClassResult<{ classId: string; name: string; enrolled: number; already: boolean }>> {
  const keys = joinThrottleKeys(userId, ip);
  // Reserved before the lookup (so parallel guesses cannot exceed the limit), given back when the code is right.
  const throttle = await reserveAttempt(db, keys, now);
  if (!throttle.allowed) return { ok: false, error: `${JOIN_ERRORS.throttled} (about ${Math.ceil(throttle.retryAfterSeconds / 60)} min)` };
  const found = await db.class.findUnique({ where: { joinCode: code }, select: { id: true, name: true, instructorId: true } });
  if (!found) return { ok: false, error: JOIN_ERRORS.unknown };
  await releaseAttempt(db, keys);
  if (found.instructorId === userId) return { ok: false, error: JOIN_ERRORS.own };
  if (await db.classRemoval.findUnique({ where: { classId_userId: { classId: found.id, userId } }, select: { userId: true } })) {
    return { ok: false, error: JOIN_ERRORS.removed };
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.classMember.findUnique({ where: { classId_userId: { classId: found.id, userId } }, select: { userId: true } });
    if (!existing) await tx.classMember.create({ data: { classId: found.id, userId, joinedAt: now } });
    const assignments = await tx.assignment.findMany({ where: { classId: found.id, module: { retiredAt: null } }, select: { moduleId: true } });
    const enrolled = await enrollModuleCards(tx, userId, assignments.map((a) => a.moduleId), now);
    await enrollForModules(tx, userId, assignments.map((a) => a.moduleId), now);
    return { ok: true as const, classId: found.id, name: found.name, enrolled, already: Boolean(existing) };
  });
}

/** The learner leaves; their cards and review history stay theirs. */
export async function leaveClass(db: Db, userId: string, classId: string): Promise<ClassResult> {
  const res = await db.classMember.deleteMany({ where: { classId, userId } });
  return res.count === 1 ? { ok: true } : { ok: false, error: 'You are not in this class.' };
}

export async function learnerClasses(db: Db, userId: string) {
  return db.class.findMany({
    where: { members: { some: { userId } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, instructor: { select: { name: true } }, _count: { select: { assignments: { where: { module: { retiredAt: null } } } } } },
  });
}

export interface LearnerAssignment {
  id: string;
  className: string;
  moduleId: string;
  moduleTitle: string;
  dueAt: Date | null;
  note: string;
  done: number;
  total: number;
  percent: number;
  status: AssignmentStatus;
  /** The first lesson not yet completed (or the first lesson when all are done). */
  nextLessonHref: string | null;
}

/** The learner's assignments in all their classes, soonest due first. */
export async function learnerAssignments(db: Db, userId: string, now: Date): Promise<LearnerAssignment[]> {
  const rows = await db.assignment.findMany({
    where: { class: { members: { some: { userId } } }, module: { retiredAt: null } },
    select: {
      id: true,
      dueAt: true,
      note: true,
      moduleId: true,
      class: { select: { name: true } },
      module: {
        select: {
          key: true,
          title: true,
          order: true,
          course: { select: { key: true } },
          lessons: {
            where: { retiredAt: null },
            orderBy: { order: 'asc' },
            select: { key: true, progress: { where: { userId, completedAt: { not: null } }, select: { userId: true } } },
          },
        },
      },
    },
  });
  return rows
    .sort((a, b) => byDueThenOrder({ dueAt: a.dueAt, order: a.module.order }, { dueAt: b.dueAt, order: b.module.order }))
    .map((a) => {
      const lessons = a.module.lessons;
      const done = lessons.filter((l) => l.progress.length > 0).length;
      const next = lessons.find((l) => l.progress.length === 0) ?? lessons[0];
      return {
        id: a.id,
        className: a.class.name,
        moduleId: a.moduleId,
        moduleTitle: a.module.title,
        dueAt: a.dueAt,
        note: a.note,
        ...assignmentProgress(done, lessons.length, a.dueAt, now),
        nextLessonHref: next ? lessonHref(a.module.course.key, a.module.key, next.key) : null,
      };
    });
}
