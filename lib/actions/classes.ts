'use server';
// Class forms. Instructors: create, rename, delete, regenerate the join code, assign/change/withdraw modules,
// remove learners and let them back. Learners: join (rate-limited), leave. Each action re-reads the session and passes the
// signed-in user's id to lib/classes, which only touches rows that user owns or belongs to.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { requestAddress } from '@/lib/auth/request-address';
import { assignmentSchema, assignmentUpdateSchema, classSchema, joinCodeSchema } from '@/lib/validations/classes';
import { fieldErrors, type FieldErrors } from '@/lib/validations/auth';
import {
  allowBack,
  assignModule,
  createClass,
  deleteClass,
  joinClass,
  leaveClass,
  regenerateJoinCode,
  removeMember,
  updateAssignment,
  updateClass,
  withdrawAssignment,
  type ClassResult,
} from '@/lib/classes/service';
import { isFormData, MALFORMED_FORM } from '@/lib/validations/form';
import { isRecordId } from '@/lib/validations/id';

export interface FormState {
  ok: boolean;
  message?: string;
  errors: FieldErrors;
}
export interface ActionResult {
  ok: boolean;
  error?: string;
}

const SIGNED_OUT: FormState = { ok: false, message: 'Your session has ended. Sign in again.', errors: {} };
const NOT_INSTRUCTOR: FormState = { ok: false, message: 'Only instructors can do this.', errors: {} };

const isId = isRecordId;
const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

function failed(result: Extract<ClassResult, { ok: false }>): FormState {
  return result.field ? { ok: false, errors: { [result.field]: result.error } } : { ok: false, message: result.error, errors: {} };
}

function refreshClass(classId: string) {
  revalidatePath(`/teach/classes/${classId}`, 'layout');
  revalidatePath('/teach');
}

/**
 * The instructor's one-click actions: re-check the role, refuse malformed ids, run the lib/classes function
 * (which checks ownership), then refresh the pages that show it.
 */
async function instructorAction<Ids extends unknown[]>(
  ids: [...Ids],
  invalid: string,
  run: (instructorId: string, ids: { [K in keyof Ids]: string }) => Promise<ClassResult<object>>,
  refresh: (ids: { [K in keyof Ids]: string }) => void,
): Promise<ActionResult> {
  const user = await actionUser('instructor');
  if (!user) return { ok: false, error: NOT_INSTRUCTOR.message };
  if (!ids.every(isId)) return { ok: false, error: invalid };
  const valid = ids as { [K in keyof Ids]: string };
  const result = await run(user.id, valid);
  if (!result.ok) return { ok: false, error: result.error };
  refresh(valid);
  return { ok: true };
}

// ---------- instructors ----------

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser('instructor');
  if (!user) return NOT_INSTRUCTOR;
  const parsed = classSchema.safeParse({ name: text(form, 'name'), timeZone: text(form, 'timeZone') });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const created = await createClass(db, user.id, parsed.data);
  if (!created.ok) return failed(created);
  redirect(`/teach/classes/${created.id}`);
}

export async function updateClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser('instructor');
  if (!user) return NOT_INSTRUCTOR;
  const classId = form.get('classId');
  if (!isId(classId)) return { ok: false, message: 'Class not found.', errors: {} };
  const parsed = classSchema.safeParse({ name: text(form, 'name'), timeZone: text(form, 'timeZone') });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const result = await updateClass(db, user.id, classId, parsed.data);
  if (!result.ok) return failed(result);
  refreshClass(classId);
  return { ok: true, message: 'Class saved.', errors: {} };
}

export async function deleteClassAction(classId: unknown): Promise<ActionResult> {
  return instructorAction([classId], 'Class not found.', (me, [id]) => deleteClass(db, me, id), () => revalidatePath('/teach'));
}

export async function regenerateJoinCodeAction(classId: unknown): Promise<ActionResult> {
  return instructorAction([classId], 'Class not found.', (me, [id]) => regenerateJoinCode(db, me, id), ([id]) => refreshClass(id));
}

export async function removeMemberAction(classId: unknown, userId: unknown): Promise<ActionResult> {
  return instructorAction([classId, userId], 'That learner is not in this class.', (me, [id, learner]) => removeMember(db, me, id, learner, new Date()), ([id]) => refreshClass(id));
}

export async function allowBackAction(classId: unknown, userId: unknown): Promise<ActionResult> {
  return instructorAction([classId, userId], 'That learner was not removed from this class.', (me, [id, learner]) => allowBack(db, me, id, learner), ([id]) => refreshClass(id));
}

export async function assignModuleAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser('instructor');
  if (!user) return NOT_INSTRUCTOR;
  const parsed = assignmentSchema.safeParse({
    classId: text(form, 'classId'),
    moduleId: text(form, 'moduleId'),
    dueDate: text(form, 'dueDate'),
    dueTime: text(form, 'dueTime'),
    note: text(form, 'note'),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const now = new Date();
  const result = await assignModule(db, user.id, parsed.data, now);
  if (!result.ok) return failed(result);
  refreshClass(parsed.data.classId);
  const past = result.dueAt <= now ? ' Its due time has already passed, so it shows as overdue until learners finish it.' : '';
  return { ok: true, message: `Module assigned.${past}`, errors: {} };
}

export async function updateAssignmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser('instructor');
  if (!user) return NOT_INSTRUCTOR;
  const parsed = assignmentUpdateSchema.safeParse({
    assignmentId: text(form, 'assignmentId'),
    dueDate: text(form, 'dueDate'),
    dueTime: text(form, 'dueTime'),
    note: text(form, 'note'),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const result = await updateAssignment(db, user.id, parsed.data);
  if (!result.ok) return failed(result);
  revalidatePath('/teach', 'layout');
  const past = result.dueAt <= new Date() ? ' The new due time has already passed.' : '';
  return { ok: true, message: `Assignment updated.${past}`, errors: {} };
}

export async function withdrawAssignmentAction(assignmentId: unknown): Promise<ActionResult> {
  return instructorAction([assignmentId], 'Assignment not found.', (me, [id]) => withdrawAssignment(db, me, id), () => revalidatePath('/teach', 'layout'));
}

// ---------- learners ----------

export async function joinClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser();
  if (!user) return SIGNED_OUT;
  const parsed = joinCodeSchema.safeParse({ code: text(form, 'code') });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const h = await headers();
  const ip = requestAddress(h);
  const joined = await joinClass(db, user.id, parsed.data.code, new Date(), ip);
  if (!joined.ok) return { ok: false, errors: { code: joined.error } };
  revalidatePath('/classes');
  revalidatePath('/home');
  if (joined.already) return { ok: true, message: `You are already in ${joined.name}.`, errors: {} };
  const cards = joined.enrolled ? ` ${joined.enrolled} card${joined.enrolled === 1 ? ' was' : 's were'} added to your reviews.` : '';
  return { ok: true, message: `You joined ${joined.name}.${cards}`, errors: {} };
}

export async function leaveClassAction(classId: unknown): Promise<ActionResult> {
  const user = await actionUser();
  if (!user) return { ok: false, error: SIGNED_OUT.message };
  if (!isId(classId)) return { ok: false, error: 'You are not in this class.' };
  const result = await leaveClass(db, user.id, classId);
  if (!result.ok) return result;
  revalidatePath('/classes');
  revalidatePath('/home');
  return { ok: true };
}
