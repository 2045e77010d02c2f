'use server';
// Lesson completion. The lesson id comes from the client, so it is re-checked: it must exist, be live and belong
// to a course the learner may see (published, or one they teach). Completing enrols the learner in the course.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { enrollLessonCards } from '@/lib/review/service';
import { visibleCourseWhere } from '@/lib/courses/access';
import { enrollInCourses } from '@/lib/courses/enrollment';
import { recordId } from '@/lib/validations/id';

const input = z.object({ lessonId: recordId, complete: z.boolean() });

export type ProgressResult = { ok: true; completed: boolean } | { ok: false; error: string };

export async function setLessonComplete(raw: unknown): Promise<ProgressResult> {
  const user = await actionUser();
  if (!user) return { ok: false, error: 'Your session has ended. Sign in again.' };
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Invalid request.' };
  const { lessonId, complete } = parsed.data;
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, retiredAt: null, module: { retiredAt: null, course: visibleCourseWhere(user.id) } },
    select: { id: true, module: { select: { courseId: true, course: { select: { status: true } } } } },
  });
  if (!lesson) return { ok: false, error: 'This lesson is no longer part of the course.' };
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId: user.id, lessonId } },
      create: { userId: user.id, lessonId, lastViewedAt: now, completedAt: complete ? now : null },
      update: { completedAt: complete ? now : null },
    });
    // Completing a lesson puts its cards into the learner's reviews; un-completing keeps them (and their history).
    if (complete) await enrollLessonCards(tx, user.id, [lessonId], now);
    if (complete && lesson.module.course.status === 'published') await enrollInCourses(tx, user.id, [lesson.module.courseId], now);
  });
  revalidatePath('/courses', 'layout');
  revalidatePath('/home');
  revalidatePath('/review');
  return { ok: true, completed: complete };
}
