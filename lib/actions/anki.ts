'use server';
// Imports an Anki deck (.apkg, CSV/TSV): an instructor's becomes a new draft course they own; a learner's own
// package brings its cards and review history into their reviews. The size is checked before the file is read.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { actionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { MAX_IMPORT_BYTES } from '@/lib/interop/anki/read';
import { importDeckFile } from '@/lib/interop/anki/service';
import { isFormData, MALFORMED_FORM } from '@/lib/validations/form';

export interface AnkiImportState {
  ok: boolean;
  message?: string;
  /** Where to look at the result. */
  href?: string;
  errors: Partial<Record<'file' | 'target', string>>;
}

const targetSchema = z.enum(['course', 'my-reviews']);

export async function importAnkiDeck(_prev: AnkiImportState, form: FormData): Promise<AnkiImportState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser();
  if (!user) return { ok: false, message: 'Your session has ended. Sign in again.', errors: {} };
  const target = targetSchema.safeParse(form.get('target') ?? (user.role === 'instructor' ? 'course' : 'my-reviews'));
  if (!target.success) return { ok: false, errors: { target: 'Choose where the cards go.' } };
  if (target.data === 'course' && user.role !== 'instructor') return { ok: false, errors: { target: 'Only instructors can import a deck as a course.' } };
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) return { ok: false, errors: { file: 'Choose an .apkg, .csv or .tsv file.' } };
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, errors: { file: `The file is ${Math.ceil(file.size / 1048576)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB.` } };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const outcome = await importDeckFile(db, { id: user.id, role: user.role }, bytes, file.name.slice(0, 200), target.data, new Date());
  if (!outcome.ok) return { ok: false, errors: { file: outcome.error } };
  revalidatePath('/home');
  return {
    ok: true,
    message: outcome.message,
    href: outcome.courseKey ? `/teach/courses/${encodeURIComponent(outcome.courseKey)}/cards` : '/review',
    errors: {},
  };
}
