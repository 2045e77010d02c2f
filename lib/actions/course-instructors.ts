'use server';
// The course owner adds co-instructors by email and removes them. Each action re-checks that the signed-in user
// owns the course; for anyone else the course "is not found".
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { actionCourseInstructor } from '@/lib/courses/access';
import { addCoInstructor, handOverCourse, removeCoInstructor } from '@/lib/courses/instructors';
import { email } from '@/lib/validations/auth';
import { isFormData, MALFORMED_FORM } from '@/lib/validations/form';
import { recordId } from '@/lib/validations/id';

export interface InstructorFormState {
  ok: boolean;
  message?: string;
  errors: { email?: string };
}

const id = recordId;
const NOT_OWNER = 'Course not found, or only its owner can change its instructors.';

export async function addCoInstructorAction(_prev: InstructorFormState, form: FormData): Promise<InstructorFormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const courseId = id.safeParse(form.get('courseId'));
  if (!courseId.success) return { ok: false, message: 'Invalid request.', errors: {} };
  const access = await actionCourseInstructor(courseId.data, { owner: true });
  if (!access) return { ok: false, message: NOT_OWNER, errors: {} };
  const address = email.safeParse(form.get('email'));
  if (!address.success) return { ok: false, errors: { email: 'Enter an email address like name@example.com.' } };
  const result = await addCoInstructor(db, access.course.id, address.data);
  if (!result.ok) return result.field ? { ok: false, errors: { email: result.error } } : { ok: false, message: result.error, errors: {} };
  revalidatePath('/teach', 'layout');
  return { ok: true, message: result.message, errors: {} };
}

export async function removeCoInstructorAction(raw: unknown): Promise<{ ok: boolean; error?: string }> {
  const parsed = z.object({ courseId: id, userId: id }).safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Invalid request.' };
  const access = await actionCourseInstructor(parsed.data.courseId, { owner: true });
  if (!access) return { ok: false, error: NOT_OWNER };
  const result = await removeCoInstructor(db, access.course.id, parsed.data.userId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/teach', 'layout');
  return { ok: true };
}

/** The owner makes a co-instructor the owner (e.g. before deleting their own account). */
export async function handOverCourseAction(raw: unknown): Promise<{ ok: boolean; error?: string }> {
  const parsed = z.object({ courseId: id, userId: id }).safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Invalid request.' };
  const access = await actionCourseInstructor(parsed.data.courseId, { owner: true });
  if (!access) return { ok: false, error: NOT_OWNER };
  const result = await handOverCourse(db, access.course.id, parsed.data.userId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/teach', 'layout');
  revalidatePath('/account');
  return { ok: true };
}
