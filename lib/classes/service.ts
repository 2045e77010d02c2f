// Classes against the database: instructors create classes and assign modules; learners join with a code.
// Every function takes the signed-in user's id and checks that user's right to the class.
import type { Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { enrollLessonCards } from '@/lib/review/service';
import { newJoinCode } from './join-code';

type Tx = Prisma.TransactionClient;
export type ClassResult<T = object> = ({ ok: true } & T) | { ok: false; error: string };

/** Assigned modules' cards join the learner's reviews (as new cards, in lesson order). */
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

export async function createClass(db: Db, instructorId: string, name: string): Promise<ClassResult<{ id: string; joinCode: string }>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const created = await db.class.create({ data: { name, instructorId, joinCode: newJoinCode() } });
      return { ok: true, id: created.id, joinCode: created.joinCode };
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') continue; // code taken: draw again
      throw e;
    }
  }
  return { ok: false, error: 'Could not create a unique join code; please try again.' };
}

export async function joinClass(db: Db, userId: string, code: string, now: Date): Promise<ClassResult<{ name: string; enrolled: number }>> {
  const found = await db.class.findUnique({ where: { joinCode: code }, select: { id: true, name: true, instructorId: true } });
  if (!found) return { ok: false, error: 'No class has this code. Check it with your instructor.' };
  if (found.instructorId === userId) return { ok: false, error: 'You teach this class.' };
  return db.$transaction(async (tx) => {
    await tx.classMember.upsert({
      where: { classId_userId: { classId: found.id, userId } },
      create: { classId: found.id, userId, joinedAt: now },
      update: {},
    });
    const assignments = await tx.assignment.findMany({ where: { classId: found.id, module: { retiredAt: null } }, select: { moduleId: true } });
    const enrolled = await enrollModuleCards(tx, userId, assignments.map((a) => a.moduleId), now);
    return { ok: true as const, name: found.name, enrolled };
  });
}

async function ownedClass(db: Db | Tx, instructorId: string, classId: string) {
  return db.class.findFirst({ where: { id: classId, instructorId }, select: { id: true } });
}

export async function assignModule(
  db: Db,
  instructorId: string,
  input: { classId: string; moduleId: string; dueAt: Date | null },
  now: Date,
): Promise<ClassResult> {
  if (!(await ownedClass(db, instructorId, input.classId))) return { ok: false, error: 'Class not found.' };
  const mod = await db.module.findFirst({ where: { id: input.moduleId, retiredAt: null }, select: { id: true } });
  if (!mod) return { ok: false, error: 'That module is not part of the course any more.' };
  await db.$transaction(async (tx) => {
    await tx.assignment.upsert({
      where: { classId_moduleId: { classId: input.classId, moduleId: input.moduleId } },
      create: { classId: input.classId, moduleId: input.moduleId, dueAt: input.dueAt, createdAt: now },
      update: { dueAt: input.dueAt },
    });
    const members = await tx.classMember.findMany({ where: { classId: input.classId }, select: { userId: true } });
    for (const m of members) await enrollModuleCards(tx, m.userId, [input.moduleId], now);
  });
  return { ok: true };
}

export async function removeAssignment(db: Db, instructorId: string, assignmentId: string): Promise<ClassResult> {
  // Learners keep the cards and their review history; only the assignment goes.
  const res = await db.assignment.deleteMany({ where: { id: assignmentId, class: { instructorId } } });
  return res.count === 1 ? { ok: true } : { ok: false, error: 'Assignment not found.' };
}

export interface MemberProgress {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  lastActive: Date | null;
  reviews7d: number;
  modules: { moduleId: string; done: number; total: number }[];
}

export async function classReport(db: Db, instructorId: string, classId: string, now: Date) {
  const cls = await db.class.findFirst({
    where: { id: classId, instructorId },
    include: {
      assignments: {
        where: { module: { retiredAt: null } },
        include: { module: { select: { id: true, title: true, order: true, lessons: { where: { retiredAt: null }, select: { id: true } } } } },
      },
      members: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { joinedAt: 'asc' } },
    },
  });
  if (!cls) return null;
  const assignments = [...cls.assignments].sort((a, b) => a.module.order - b.module.order);
  const userIds = cls.members.map((m) => m.userId);
  const lessonIds = assignments.flatMap((a) => a.module.lessons.map((l) => l.id));
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [done, recent, lastSeen] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId: { in: userIds }, lessonId: { in: lessonIds }, completedAt: { not: null } }, select: { userId: true, lessonId: true } }),
    db.reviewLog.groupBy({ by: ['userId'], where: { userId: { in: userIds }, review: { gte: weekAgo } }, _count: { _all: true } }),
    db.lessonProgress.groupBy({ by: ['userId'], where: { userId: { in: userIds } }, _max: { lastViewedAt: true } }),
  ]);
  const doneSet = new Set(done.map((d) => `${d.userId}:${d.lessonId}`));
  const members: MemberProgress[] = cls.members.map((m) => ({
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    joinedAt: m.joinedAt,
    lastActive: lastSeen.find((r) => r.userId === m.userId)?._max.lastViewedAt ?? null,
    reviews7d: recent.find((r) => r.userId === m.userId)?._count._all ?? 0,
    modules: assignments.map((a) => ({
      moduleId: a.moduleId,
      done: a.module.lessons.filter((l) => doneSet.has(`${m.userId}:${l.id}`)).length,
      total: a.module.lessons.length,
    })),
  }));
  return {
    id: cls.id,
    name: cls.name,
    joinCode: cls.joinCode,
    assignments: assignments.map((a) => ({ id: a.id, moduleId: a.moduleId, title: a.module.title, dueAt: a.dueAt })),
    members,
  };
}

export interface LearnerAssignment {
  className: string;
  moduleId: string;
  moduleTitle: string;
  dueAt: Date | null;
  done: number;
  total: number;
  overdue: boolean;
}

export async function learnerAssignments(db: Db, userId: string, now: Date): Promise<LearnerAssignment[]> {
  const rows = await db.assignment.findMany({
    where: { class: { members: { some: { userId } } }, module: { retiredAt: null } },
    include: {
      class: { select: { name: true } },
      module: { select: { title: true, lessons: { where: { retiredAt: null }, select: { progress: { where: { userId, completedAt: { not: null } }, select: { userId: true } } } } } },
    },
    orderBy: [{ dueAt: 'asc' }],
  });
  return rows.map((a) => {
    const total = a.module.lessons.length;
    const done = a.module.lessons.filter((l) => l.progress.length > 0).length;
    return {
      className: a.class.name,
      moduleId: a.moduleId,
      moduleTitle: a.module.title,
      dueAt: a.dueAt,
      done,
      total,
      overdue: Boolean(a.dueAt && a.dueAt < now && done < total),
    };
  });
}

export async function instructorClasses(db: Db, instructorId: string) {
  return db.class.findMany({
    where: { instructorId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, joinCode: true, _count: { select: { members: true, assignments: true } } },
  });
}

export async function learnerClasses(db: Db, userId: string) {
  return db.class.findMany({
    where: { members: { some: { userId } } },
    select: { id: true, name: true, instructor: { select: { name: true } } },
  });
}
