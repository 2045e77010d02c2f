'use server';
// Class forms: create (instructor), join (learner), assign and unassign modules (the class's instructor).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { assignmentSchema, classNameSchema, joinCodeSchema } from '@/lib/validations/classes';
import { fieldErrors, type FieldErrors } from '@/lib/validations/auth';
import { assignModule, createClass, joinClass, removeAssignment } from '@/lib/classes/service';

export interface FormState {
  ok: boolean;
  message?: string;
  errors: FieldErrors;
}

const SIGNED_OUT: FormState = { ok: false, message: 'Your session has ended. Sign in again.', errors: {} };
const NOT_INSTRUCTOR: FormState = { ok: false, message: 'Only instructors can do this.', errors: {} };

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await actionUser('instructor');
  if (!user) return NOT_INSTRUCTOR;
  const parsed = classNameSchema.safeParse({ name: form.get('name') });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const created = await createClass(db, user.id, parsed.data.name);
  if (!created.ok) return { ok: false, message: created.error, errors: {} };
  redirect(`/teach/classes/${created.id}`);
}

export async function joinClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await actionUser();
  if (!user) return SIGNED_OUT;
  const parsed = joinCodeSchema.safeParse({ code: form.get('code') });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const joined = await joinClass(db, user.id, parsed.data.code, new Date());
  if (!joined.ok) return { ok: false, errors: { code: joined.error } };
  revalidatePath('/classes');
  revalidatePath('/home');
  return { ok: true, message: `You joined ${joined.name}.${joined.enrolled ? ` ${joined.enrolled} cards were added to your reviews.` : ''}`, errors: {} };
}

export async function assignModuleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await actionUser('instructor');
  if (!user) return NOT_INSTRUCTOR;
  const parsed = assignmentSchema.safeParse({ classId: form.get('classId'), moduleId: form.get('moduleId') ?? '', dueDate: form.get('dueDate') ?? '' });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { classId, moduleId, dueDate } = parsed.data;
  const result = await assignModule(db, user.id, { classId, moduleId, dueAt: dueDate }, new Date());
  if (!result.ok) return { ok: false, message: result.error, errors: {} };
  revalidatePath(`/teach/classes/${classId}`);
  return { ok: true, message: 'Module assigned.', errors: {} };
}

export async function removeAssignmentAction(assignmentId: unknown): Promise<{ ok: boolean; error?: string }> {
  const user = await actionUser('instructor');
  if (!user) return { ok: false, error: NOT_INSTRUCTOR.message };
  if (typeof assignmentId !== 'string' || assignmentId.length > 64) return { ok: false, error: 'Invalid assignment.' };
  const result = await removeAssignment(db, user.id, assignmentId);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/teach', 'layout');
  return { ok: true };
}
