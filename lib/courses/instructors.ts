// A course's instructors: the owner adds co-instructors by email (existing instructor accounts only) and removes
// them. Callers have checked that the acting user owns the course (lib/courses/access.ts).
import type { Db } from '@/lib/db';
import { setCourseOwner } from './roles';

export type InstructorResult = { ok: true; message: string } | { ok: false; error: string; field?: 'email' };

export async function addCoInstructor(db: Db, courseId: string, email: string, now = new Date()): Promise<InstructorResult> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, role: true } });
  if (!user || user.role !== 'instructor') {
    return { ok: false, field: 'email', error: 'No instructor account has this email. Ask them to get an instructor account first.' };
  }
  const existing = await db.courseInstructor.findUnique({ where: { courseId_userId: { courseId, userId: user.id } }, select: { role: true } });
  if (existing) return { ok: false, field: 'email', error: `${user.name} already teaches this course.` };
  await db.courseInstructor.create({ data: { courseId, userId: user.id, role: 'co-instructor', addedAt: now } });
  return { ok: true, message: `${user.name} is now a co-instructor.` };
}

/** Removes a co-instructor; the owner cannot be removed this way. */
export async function removeCoInstructor(db: Db, courseId: string, userId: string): Promise<InstructorResult> {
  const res = await db.courseInstructor.deleteMany({ where: { courseId, userId, role: 'co-instructor' } });
  return res.count === 1 ? { ok: true, message: 'Co-instructor removed.' } : { ok: false, error: 'That person is not a co-instructor of this course.' };
}

/** The owner hands the course over to one of its co-instructors (they become owner; the old owner a co-instructor). */
export async function handOverCourse(db: Db, courseId: string, userId: string, now = new Date()): Promise<InstructorResult> {
  return db.$transaction(async (tx) => {
    const row = await tx.courseInstructor.findUnique({
      where: { courseId_userId: { courseId, userId } },
      select: { role: true, user: { select: { name: true, role: true } } },
    });
    if (!row || row.role !== 'co-instructor' || row.user.role !== 'instructor') {
      return { ok: false as const, error: 'Only a co-instructor of this course can become its owner.' };
    }
    await setCourseOwner(tx, courseId, userId, now);
    return { ok: true as const, message: `${row.user.name} now owns this course; you are a co-instructor.` };
  });
}
