'use server';
// Deleting one's own account, after typing the account's email address to confirm.
import { z } from 'zod';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { deleteAccount } from '@/lib/users/account-data';
import { isFormData, MALFORMED_FORM } from '@/lib/validations/form';

export interface DeleteAccountState {
  ok: boolean;
  message?: string;
  errors: Partial<Record<'confirm' | 'form', string>>;
}

const confirmSchema = z.string({ error: 'Type your email address to confirm.' }).max(320, 'That is not your email address.');

export async function deleteAccountAction(_prev: DeleteAccountState, form: FormData): Promise<DeleteAccountState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser();
  if (!user) return { ok: false, message: 'Your session has ended. Sign in again.', errors: {} };
  const confirm = confirmSchema.safeParse(form.get('confirm') ?? undefined);
  if (!confirm.success) return { ok: false, errors: { confirm: confirm.error.issues[0]?.message ?? 'Type your email address to confirm.' } };
  if (confirm.data.trim().toLowerCase() !== user.email.toLowerCase()) {
    return { ok: false, errors: { confirm: 'Type your email address exactly as shown to confirm.' } };
  }
  const res = await deleteAccount(db, user.id);
  if (!res.ok) return { ok: false, message: res.error, errors: {} };
  return { ok: true, message: 'Your account and your data have been deleted.', errors: {} };
}
