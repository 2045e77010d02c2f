'use client';
// "Sign out everywhere": the server ends every session of the account, then this browser's cookie is cleared.
import { useActionState, useEffect } from 'react';
import { signOutHere } from '@/components/auth/sign-out-button';
import { signOutEverywhereAction, type SessionsState } from '@/lib/actions/account';
import { FormAlert } from '@/components/ui/field';

export function SignOutEverywhereForm() {
  const [state, action, pending] = useActionState<SessionsState, FormData>(signOutEverywhereAction, { ok: false });
  useEffect(() => {
    if (state.ok) void signOutHere('/signin');
  }, [state.ok]);
  return (
    <form action={action} className="space-y-3">
      {state.ok ? <p role="status" className="text-sm text-success">{state.message}</p> : <FormAlert message={state.message} />}
      <button type="submit" className="btn-secondary" disabled={pending || state.ok}>
        {pending ? 'Signing out…' : 'Sign out everywhere'}
      </button>
    </form>
  );
}
