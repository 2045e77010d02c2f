'use client';
// The learner's class forms: join with a code (typed, or prefilled from an invite link) and leave a class.
import Link from 'next/link';
import { useActionState } from 'react';
import { joinClassAction, leaveClassAction, type FormState } from '@/lib/actions/classes';
import { Field, FormAlert } from '@/components/ui/field';
import { ConfirmButton } from '@/components/ui/confirm-button';

/** The action's result plus what was typed, so a refused code stays in the box after React resets the form. */
type JoinState = FormState & { code: string };

async function join(prev: JoinState, form: FormData): Promise<JoinState> {
  const typed = form.get('code');
  const result = await joinClassAction(prev, form);
  return { ...result, code: typeof typed === 'string' ? typed : '' };
}

export function JoinClassForm({ defaultCode = '' }: { defaultCode?: string }) {
  const [state, action, pending] = useActionState(join, { ok: false, errors: {}, code: defaultCode });
  return (
    <form action={action} className="space-y-3" aria-label="Join a class">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grow">
          <Field
            label="Join code"
            name="code"
            defaultValue={state.code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={40}
            error={state.errors.code}
            hint="Ask your instructor for the 8-character code, like K7Q2XM4P."
          />
        </div>
        <button type="submit" className="btn-primary" disabled={pending}>Join</button>
      </div>
      {/* Messages without a field (e.g. a session that ended) are errors; the live region stays mounted so it is announced. */}
      {!state.ok && <FormAlert message={state.message} />}
      <p role="status" className="text-sm text-success">{state.ok ? state.message : ''}</p>
      {state.ok && state.message && (
        <p className="text-sm">
          <Link className="link" href="/home">Go to home</Link>
        </p>
      )}
    </form>
  );
}

export function LeaveClassButton({ classId, className }: { classId: string; className: string }) {
  return (
    <ConfirmButton
      label="Leave"
      ariaLabel={`Leave ${className}`}
      question={`Leave ${className}? Your cards and review history stay yours.`}
      confirmLabel="Yes, leave"
      action={() => leaveClassAction(classId)}
      className="btn-secondary text-sm"
    />
  );
}
