// A course's instructors: the owner adds co-instructors by email (existing instructor accounts only) and removes
// them. Callers have checked that the acting user owns the course (lib/courses/access.ts).
import type { Db } from '@/lib/db';

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
