'use client';
// Changing the password: the current one, the new one twice. Other sessions end; this browser stays signed in.
import { useActionState, useEffect, useRef } from 'react';
import { changePasswordAction, type ChangePasswordState } from '@/lib/actions/account';
import { Field, FormAlert } from '@/components/ui/field';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, { ok: false, errors: {} });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      {state.ok ? <p role="status" className="text-sm text-success">{state.message}</p> : <FormAlert message={state.message} />}
      <Field id="password-current" label="Current password" name="current" type="password" autoComplete="current-password" required error={state.errors.current} />
      <Field
        id="password-next"
        label="New password"
        name="next"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 8 characters."
        error={state.errors.next}
      />
      <Field id="password-confirm" label="New password again" name="confirm" type="password" autoComplete="new-password" required error={state.errors.confirm} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
