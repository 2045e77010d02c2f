'use client';
// Small class forms with field errors from their server actions.
import { useActionState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { assignModuleAction, createClassAction, joinClassAction, removeAssignmentAction, type FormState } from '@/lib/actions/classes';
import { Field } from '@/components/ui/field';

const initial: FormState = { ok: false, errors: {} };

function Status({ state }: { state: FormState }) {
  return <p role="status" className={`text-sm ${state.ok ? 'text-success' : 'text-danger'}`}>{state.message ?? ''}</p>;
}

export function CreateClassForm() {
  const [state, action, pending] = useActionState(createClassAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-label="Create a class">
      <div className="grow"><Field label="Class name" name="name" required error={state.errors.name} /></div>
      <button type="submit" className="btn-primary" disabled={pending}>Create class</button>
      <Status state={state} />
    </form>
  );
}

export function JoinClassForm() {
  const [state, action, pending] = useActionState(joinClassAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-label="Join a class">
      <div className="grow"><Field label="Join code" name="code" autoComplete="off" autoCapitalize="characters" required error={state.errors.code} hint="Ask your instructor for the 6-character code." /></div>
      <button type="submit" className="btn-primary" disabled={pending}>Join</button>
      <Status state={state} />
    </form>
  );
}

export function AssignModuleForm({ classId, modules }: { classId: string; modules: { id: string; title: string }[] }) {
  const [state, action, pending] = useActionState(assignModuleAction, initial);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end" aria-label="Assign a module">
      <input type="hidden" name="classId" value={classId} />
      <div>
        <label htmlFor="assign-module" className="label">Module</label>
        <select id="assign-module" name="moduleId" className="input" defaultValue="" aria-invalid={state.errors.moduleId ? true : undefined}>
          <option value="" disabled>Choose a module…</option>
          {modules.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
        </select>
        {state.errors.moduleId && <p className="field-error">{state.errors.moduleId}</p>}
      </div>
      <Field label="Due date" name="dueDate" type="date" error={state.errors.dueDate} />
      <button type="submit" className="btn-primary" disabled={pending}>Assign</button>
      <div className="sm:col-span-3"><Status state={state} /></div>
    </form>
  );
}

export function RemoveAssignmentButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      className="btn-ghost text-sm"
      disabled={pending}
      aria-label={`Remove assignment ${title}`}
      onClick={() => start(async () => { await removeAssignmentAction(id); router.refresh(); })}
    >
      Remove
    </button>
  );
}
