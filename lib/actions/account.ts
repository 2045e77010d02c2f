'use server';
// One's own account: deleting it (after typing its email address to confirm), ending its sessions, changing the
// password.
import { z } from 'zod';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { deleteAccount } from '@/lib/users/account-data';
import { isFormData, MALFORMED_FORM } from '@/lib/validations/form';
import { headers } from 'next/headers';
import { password } from '@/lib/validations/auth';
import { changePassword } from '@/lib/auth/change-password';
import { endOtherSessions } from '@/lib/auth/user-sessions';
import { requestAddress } from '@/lib/auth/request-address';

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

export interface SessionsState {
  ok: boolean;
  message?: string;
}

/** Ends every session of the account, this browser's too (the form then clears this browser's cookie). */
export async function signOutEverywhereAction(_prev: SessionsState, form: FormData): Promise<SessionsState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM };
  const user = await actionUser();
  if (!user) return { ok: false, message: 'Your session has ended. Sign in again.' };
  await endOtherSessions(db, user.id, new Date());
  return { ok: true, message: 'Signed out on every device.' };
}

export interface ChangePasswordState {
  ok: boolean;
  message?: string;
  errors: Partial<Record<'current' | 'next' | 'confirm', string>>;
}

const changePasswordSchema = z
  .object({
    current: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(200, 'That is not your current password.'),
    next: password,
    confirm: z.string({ error: 'Type the new password again.' }).max(200),
  })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], message: 'The two new passwords differ.' })
  .refine((v) => v.next !== v.current, { path: ['next'], message: 'Choose a password different from the current one.' });

export async function changePasswordAction(_prev: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  if (!isFormData(form)) return { ok: false, message: MALFORMED_FORM, errors: {} };
  const user = await actionUser();
  if (!user) return { ok: false, message: 'Your session has ended. Sign in again.', errors: {} };
  const parsed = changePasswordSchema.safeParse({
    current: form.get('current') ?? undefined,
    next: form.get('next') ?? undefined,
    confirm: form.get('confirm') ?? undefined,
  });
  if (!parsed.success) {
    const errors: ChangePasswordState['errors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'current' || field === 'next' || field === 'confirm') && !errors[field]) errors[field] = issue.message;
    }
    return { ok: false, errors };
  }
  const { current, next } = parsed.data;
  const res = await changePassword(db, user, user.sessionId, current, next, requestAddress(await headers()), new Date());
  if (!res.ok) return res.field === 'current' ? { ok: false, errors: { current: res.error } } : { ok: false, message: res.error, errors: {} };
  const others = res.endedSessions === 1 ? '1 other session was' : `${res.endedSessions} other sessions were`;
  return { ok: true, message: `Your password has been changed. ${others} signed out.`, errors: {} };
}
