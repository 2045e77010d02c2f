'use server';
// A learner enrols in a course from the catalogue. The course id comes from the client, so it is re-checked:
// it must exist and be published (a draft is "not found", as on its pages).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { enrollInCourses } from '@/lib/courses/enrollment';
import { recordId } from '@/lib/validations/id';

const input = z.object({ courseId: recordId });

export type EnrollResult = { ok: true; courseKey: string } | { ok: false; error: string };

export async function enrollInCourse(raw: unknown): Promise<EnrollResult> {
  const user = await actionUser();
  if (!user) return { ok: false, error: 'Your session has ended. Sign in again.' };
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Invalid request.' };
  const course = await db.course.findFirst({ where: { id: parsed.data.courseId, status: 'published' }, select: { id: true, key: true } });
  if (!course) return { ok: false, error: 'This course is not available.' };
  await enrollInCourses(db, user.id, [course.id]);
  revalidatePath('/courses', 'layout');
  revalidatePath('/home');
  return { ok: true, courseKey: course.key };
}
