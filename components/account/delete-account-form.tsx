'use client';
// Deleting the account: the user types their email address to confirm; afterwards the session cookie is cleared.
import { useActionState, useEffect } from 'react';
import { signOut } from 'next-auth/react';
import { deleteAccountAction, type DeleteAccountState } from '@/lib/actions/account';
import { Field, FormAlert } from '@/components/ui/field';

export function DeleteAccountForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<DeleteAccountState, FormData>(deleteAccountAction, { ok: false, errors: {} });
  useEffect(() => {
    if (state.ok) void signOut({ callbackUrl: '/?account=deleted' });
  }, [state.ok]);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.ok ? <p role="status" className="text-sm text-success">{state.message}</p> : <FormAlert message={state.message} />}
      <Field
        label={`Type ${email} to confirm`}
        name="confirm"
        type="email"
        autoComplete="off"
        required
        error={state.errors.confirm}
      />
      <button type="submit" className="btn-danger" disabled={pending || state.ok}>
        {pending ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}
