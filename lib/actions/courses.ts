'use server';
// Authoring actions. Each re-reads the session and the user's right to the course (owner or co-instructor,
// lib/courses/access) before touching it; a course id from the form only selects among courses the user may
// edit, and anything else reads as "not found". Learners add private cards to lessons they can see.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { actionCourseInstructor } from '@/lib/courses/access';
import {
  addPrivateCard,
  createDraftCourse,
  deletePrivateCard,
  publishDraft,
  randomCardKey,
  removeDocument,
  setCardApproval,
  updateCourseDetails,
  uploadDocuments,
  loadDraft,
} from '@/lib/courses/authoring';
import {
  addLessonCard,
  checkOutline,
  clozeFromText,
  mergeModules,
  moveLesson,
  moveLessonToModule,
  moveModule,
  removeLessonCard,
  renameLesson,
  renameModule,
  setPrerequisites,
  splitModule,
  type Outline,
  type OutlineResult,
} from '@/lib/courses/outline';
import { parseUploads, type UploadError } from '@/lib/courses/upload';
import { uploadParser } from '@/lib/courses/parser';
import { fieldErrors, type FieldErrors } from '@/lib/validations/auth';
import { approvalSchema, courseDetailsSchema, courseIdSchema, manualCardInputSchema, outlineOpSchema } from '@/lib/validations/courses';
import { isFormData, MALFORMED_FORM } from '@/lib/validations/form';
import { recordId } from '@/lib/validations/id';

export interface CourseFormState {
  ok: boolean;
  message?: string;
  errors: FieldErrors;
  fileErrors?: UploadError[];
}
export interface ActionResult {
  ok: boolean;
  error?: string;
  message?: string;
}

const SIGNED_OUT = 'Your session has ended, or you may not edit this course. Sign in again.';
const NOT_FOUND = 'Course not found.';

/** Every page under /teach/courses (the course's pages are addressed by key, which the action does not need). */
function teachPaths() {
  revalidatePath('/teach/courses', 'layout');
  revalidatePath('/teach');
}

async function editor(rawCourseId: unknown) {
  const id = courseIdSchema.safeParse(rawCourseId);
  if (!id.success) return null;
  return actionCourseInstructor(id.data);
}

export async function createCourseAction(_prev: CourseFormState, form: FormData): Promise<CourseFormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser('instructor');
  if (!user) return { ok: false, message: 'Only instructors can create courses.', errors: {} };
  const parsed = courseDetailsSchema.safeParse({ title: form.get('title'), description: form.get('description') ?? '' });
  if (!parsed.success) return { ok: false, message: 'Please fix the highlighted fields.', errors: fieldErrors(parsed.error) };
  const course = await createDraftCourse(db, user.id, parsed.data);
  revalidatePath('/teach/courses');
  redirect(`/teach/courses/${encodeURIComponent(course.key)}`);
}

export async function updateCourseAction(_prev: CourseFormState, form: FormData): Promise<CourseFormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const access = await editor(form.get('courseId'));
  if (!access) return { ok: false, message: SIGNED_OUT, errors: {} };
  const parsed = courseDetailsSchema.safeParse({ title: form.get('title'), description: form.get('description') ?? '' });
  if (!parsed.success) return { ok: false, message: 'Please fix the highlighted fields.', errors: fieldErrors(parsed.error) };
  await updateCourseDetails(db, access.course.id, { ...parsed.data, requireApproval: form.get('requireApproval') === 'on' });
  teachPaths();
  revalidatePath('/courses', 'layout');
  return { ok: true, message: 'Course details saved.', errors: {} };
}

export async function uploadDocumentsAction(_prev: CourseFormState, form: FormData): Promise<CourseFormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const access = await editor(form.get('courseId'));
  if (!access) return { ok: false, message: SIGNED_OUT, errors: {} };
  const entries = form.getAll('files').filter((f): f is File => typeof f === 'object' && f !== null && 'arrayBuffer' in f && f.size > 0);
  const files = await Promise.all(entries.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const { files: parsed, errors } = await parseUploads(files, uploadParser);
  if (errors.length > 0) {
    return { ok: false, message: 'Nothing was uploaded: fix the files listed below and try again.', errors: {}, fileErrors: errors };
  }
  const bytesOf = new Map(files.map((f) => [f.name.split(/[\\/]/).pop()?.trim() ?? f.name, f.bytes]));
  const result = await uploadDocuments(
    db,
    access.course.id,
    access.user.id,
    parsed.map((p) => ({ ...p, bytes: bytesOf.get(p.name) ?? new Uint8Array() })),
  );
  if (!result.ok) return { ok: false, message: result.error, errors: {}, ...(result.errors ? { fileErrors: result.errors } : {}) };
  teachPaths();
  const s = result.summary;
  const parts = [
    s.added.length ? `${s.added.length} added` : '',
    s.updated.length ? `${s.updated.length} new version${s.updated.length === 1 ? '' : 's'}` : '',
    s.unchanged.length ? `${s.unchanged.length} unchanged` : '',
  ].filter(Boolean);
  return { ok: true, message: `Uploaded: ${parts.join(', ')}.`, errors: {} };
}

export async function removeDocumentAction(courseId: string, name: string): Promise<ActionResult> {
  const access = await editor(courseId);
  if (!access) return { ok: false, error: SIGNED_OUT };
  const parsedName = z.string().min(1).max(255).safeParse(name);
  if (!parsedName.success) return { ok: false, error: 'Invalid document.' };
  const result = await removeDocument(db, access.course.id, parsedName.data);
  if (!result.ok) return { ok: false, error: result.error };
  teachPaths();
  return { ok: true, message: `${parsedName.data} removed from the draft.` };
}

/** Applies one edit to the latest stored outline (never an outline sent by the browser). */
async function editOutline(courseId: string, edit: (outline: Outline) => OutlineResult): Promise<ActionResult> {
  const access = await editor(courseId);
  if (!access) return { ok: false, error: SIGNED_OUT };
  return db.$transaction(async (tx) => {
    const draft = await loadDraft(tx, access.course.id);
    if (!draft) return { ok: false, error: NOT_FOUND };
    const result = edit(draft.outline);
    if (!result.ok) return { ok: false, error: result.error };
    const checked = checkOutline(result.outline);
    if (!checked.ok) return { ok: false, error: checked.error };
    await tx.courseDraft.upsert({
      where: { courseId: access.course.id },
      create: { courseId: access.course.id, outline: JSON.stringify(checked.outline) },
      update: { outline: JSON.stringify(checked.outline) },
    });
    teachPaths();
    return { ok: true, message: 'Saved.' };
  });
}

export async function outlineAction(courseId: string, raw: unknown): Promise<ActionResult> {
  const parsed = outlineOpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Invalid request.' };
  const op = parsed.data;
  return editOutline(courseId, (o) => {
    switch (op.op) {
      case 'renameModule':
        return renameModule(o, op.module, op.title);
      case 'renameLesson':
        return renameLesson(o, op.lesson, op.title);
      case 'moveModule':
        return moveModule(o, op.module, op.delta);
      case 'moveLesson':
        return moveLesson(o, op.lesson, op.delta);
      case 'moveLessonToModule':
        return moveLessonToModule(o, op.lesson, op.module);
      case 'mergeModules':
        return mergeModules(o, op.keep, op.other);
      case 'splitModule':
        return splitModule(o, op.module, op.lesson);
      case 'setPrerequisites':
        return setPrerequisites(o, op.module, op.prerequisites);
      case 'removeCard':
        return removeLessonCard(o, op.card);
    }
  });
}

function manualCard(form: FormData): { ok: true; card: { type: 'basic' | 'cloze'; front: string; back: string } } | { ok: false; errors: FieldErrors } {
  const type = form.get('type') === 'cloze' ? 'cloze' : 'basic';
  const parsed = manualCardInputSchema.safeParse(
    type === 'cloze' ? { type, text: form.get('text') ?? '' } : { type, front: form.get('front') ?? '', back: form.get('back') ?? '' },
  );
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  if (parsed.data.type === 'basic') return { ok: true, card: parsed.data };
  const cloze = clozeFromText(parsed.data.text);
  if (!cloze.ok) return { ok: false, errors: { text: cloze.error } };
  return { ok: true, card: { type: 'cloze', front: cloze.front, back: cloze.back } };
}

export async function addInstructorCardAction(_prev: CourseFormState, form: FormData): Promise<CourseFormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const lesson = z.string().min(1).max(200).safeParse(form.get('lesson'));
  if (!lesson.success) return { ok: false, message: 'Invalid lesson.', errors: {} };
  const card = manualCard(form);
  if (!card.ok) return { ok: false, message: 'Please fix the highlighted fields.', errors: card.errors };
  const result = await editOutline(String(form.get('courseId') ?? ''), (o) => addLessonCard(o, lesson.data, { key: randomCardKey('i'), ...card.card }));
  if (!result.ok) return { ok: false, message: result.error, errors: {} };
  return { ok: true, message: 'Card added to the draft; it reaches learners when you publish.', errors: {} };
}

export async function publishAction(courseId: string): Promise<ActionResult> {
  const access = await editor(courseId);
  if (!access) return { ok: false, error: SIGNED_OUT };
  const result = await publishDraft(db, access.course.id);
  if (!result.ok) return { ok: false, error: result.error };
  teachPaths();
  revalidatePath('/courses', 'layout');
  revalidatePath('/home');
  revalidatePath('/review');
  const r = result.report.sync;
  return {
    ok: true,
    message: `Published: ${r.lessons.created} lessons added, ${r.lessons.updated + r.lessons.restored} changed, ${r.lessons.retired} retired; ${r.cards.created} cards added, ${r.cards.updated + r.cards.restored} changed, ${r.cards.retired} retired.`,
  };
}

export async function setCardApprovalAction(courseId: string, cardId: string, approval: string): Promise<ActionResult> {
  const access = await editor(courseId);
  if (!access) return { ok: false, error: SIGNED_OUT };
  const parsed = z.object({ cardId: recordId, approval: approvalSchema }).safeParse({ cardId, approval });
  if (!parsed.success) return { ok: false, error: 'Invalid request.' };
  const result = await setCardApproval(db, access.course.id, parsed.data.cardId, parsed.data.approval);
  if (!result.ok) return { ok: false, error: result.error };
  teachPaths();
  revalidatePath('/review');
  return { ok: true, message: parsed.data.approval === 'approved' ? 'Card approved.' : parsed.data.approval === 'rejected' ? 'Card rejected.' : 'Card back to pending.' };
}

export async function addPrivateCardAction(_prev: CourseFormState, form: FormData): Promise<CourseFormState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser();
  if (!user) return { ok: false, message: 'Your session has ended. Sign in again.', errors: {} };
  const lessonId = recordId.safeParse(form.get('lessonId'));
  if (!lessonId.success) return { ok: false, message: 'Invalid lesson.', errors: {} };
  const card = manualCard(form);
  if (!card.ok) return { ok: false, message: 'Please fix the highlighted fields.', errors: card.errors };
  const result = await addPrivateCard(db, user.id, lessonId.data, card.card);
  if (!result.ok) return { ok: false, message: result.error, errors: {} };
  revalidatePath('/courses', 'layout');
  revalidatePath('/review');
  return { ok: true, message: 'Your private card is in your reviews.', errors: {} };
}

export async function deletePrivateCardAction(cardId: string): Promise<ActionResult> {
  const user = await actionUser();
  if (!user) return { ok: false, error: 'Your session has ended. Sign in again.' };
  const id = recordId.safeParse(cardId);
  if (!id.success) return { ok: false, error: 'Invalid card.' };
  const result = await deletePrivateCard(db, user.id, id.data);
  if (!result.ok) return { ok: false, error: result.error };
  revalidatePath('/courses', 'layout');
  revalidatePath('/review');
  return { ok: true, message: 'Card deleted.' };
}
