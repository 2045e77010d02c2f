'use client';
// The instructor's class forms, each with field errors from its server action.
import { useActionState, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import {
  allowBackAction,
  assignModuleAction,
  createClassAction,
  deleteClassAction,
  regenerateJoinCodeAction,
  removeMemberAction,
  updateAssignmentAction,
  updateClassAction,
  withdrawAssignmentAction,
  type FormState,
} from '@/lib/actions/classes';
import { Field } from '@/components/ui/field';
import { TimeZoneSelect } from '@/components/ui/time-zone-select';
import { ConfirmButton } from '@/components/ui/confirm-button';

const initial: FormState = { ok: false, errors: {} };

function Status({ state }: { state: FormState }) {
  return <p role="status" className={`text-sm ${state.ok ? 'text-success' : 'text-danger'}`}>{state.message ?? ''}</p>;
}

export function CreateClassForm({ zones, defaultZone }: { zones: string[]; defaultZone: string }) {
  const [state, action, pending] = useActionState(createClassAction, initial);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label="Create a class">
      <Field label="Class name" name="name" required maxLength={80} error={state.errors.name} />
      <TimeZoneSelect zones={zones} defaultValue={defaultZone} error={state.errors.timeZone} id="create-class-tz" label="Class time zone" />
      <button type="submit" className="btn-primary" disabled={pending}>Create class</button>
      <div className="sm:col-span-3"><Status state={state} /></div>
    </form>
  );
}

export function ClassSettingsForm({ classId, name, timeZone, zones }: { classId: string; name: string; timeZone: string; zones: string[] }) {
  const [state, action, pending] = useActionState(updateClassAction, initial);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label="Class settings">
      <input type="hidden" name="classId" value={classId} />
      <Field label="Class name" name="name" id="settings-class-name" required maxLength={80} defaultValue={name} error={state.errors.name} />
      <TimeZoneSelect zones={zones} defaultValue={timeZone} error={state.errors.timeZone} id="settings-class-tz" label="Class time zone" hint="Due dates are entered and shown in this zone." />
      <button type="submit" className="btn-secondary" disabled={pending}>Save</button>
      <div className="sm:col-span-3"><Status state={state} /></div>
    </form>
  );
}

export function DeleteClassButton({ classId, name }: { classId: string; name: string }) {
  return (
    <ConfirmButton
      label="Delete class"
      ariaLabel={`Delete class ${name}`}
      question={`Delete ${name}? Assignments and memberships go; learners keep their cards and history.`}
      confirmLabel="Yes, delete"
      action={() => deleteClassAction(classId)}
      redirectTo="/teach"
      className="btn-secondary text-sm text-danger"
    />
  );
}

export function JoinCodePanel({ classId, code, inviteUrl }: { classId: string; code: string; inviteUrl: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2">
      <p>
        Join code:{' '}
        <code className="rounded bg-surface-2 px-2 py-0.5 text-lg font-bold tracking-widest" data-testid="join-code">{code}</code>
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="invite-link" className="text-muted">Invite link</label>
        <input id="invite-link" readOnly value={inviteUrl} className="input max-w-md grow font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="btn-secondary text-sm"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(inviteUrl);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          Copy link
        </button>
        <span role="status" className="text-success">{copied ? 'Copied.' : ''}</span>
      </div>
      <ConfirmButton
        label="Regenerate code"
        question="Make a new code? The current code and invite link stop working at once."
        confirmLabel="Yes, new code"
        action={() => regenerateJoinCodeAction(classId)}
        className="btn-ghost text-sm"
      />
    </div>
  );
}

/** Modules still to assign, grouped by course (published courses the instructor owns or co-teaches). */
export function AssignModuleForm({ classId, courses }: { classId: string; courses: { id: string; title: string; modules: { id: string; title: string }[] }[] }) {
  const [state, action, pending] = useActionState(assignModuleAction, initial);
  if (courses.length === 0) return <p className="text-sm text-muted">Every module of your courses is assigned to this class (you can assign modules of published courses you own or co-teach).</p>;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" aria-label="Assign a module">
      <input type="hidden" name="classId" value={classId} />
      <div>
        <label htmlFor="assign-module" className="label">Module</label>
        <select id="assign-module" name="moduleId" className="input" defaultValue="" aria-invalid={state.errors.moduleId ? true : undefined} aria-describedby={state.errors.moduleId ? 'assign-module-error' : undefined}>
          <option value="" disabled>Choose a module…</option>
          {courses.map((c) => (
            <optgroup key={c.id} label={c.title}>
              {c.modules.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
            </optgroup>
          ))}
        </select>
        {state.errors.moduleId && <p id="assign-module-error" className="field-error">{state.errors.moduleId}</p>}
      </div>
      <Field label="Due date" name="dueDate" id="assign-due-date" type="date" required error={state.errors.dueDate} />
      <Field label="Due time" name="dueTime" id="assign-due-time" type="time" defaultValue="23:59" error={state.errors.dueTime} />
      <button type="submit" className="btn-primary" disabled={pending}>Assign</button>
      <div className="sm:col-span-4">
        <Field label="Note for learners (optional)" name="note" id="assign-note" maxLength={500} error={state.errors.note} />
      </div>
      <div className="sm:col-span-4"><Status state={state} /></div>
    </form>
  );
}

export function EditAssignmentForm({ assignment }: { assignment: { id: string; title: string; dueDate: string; dueTime: string; note: string } }) {
  const [state, action, pending] = useActionState(updateAssignmentAction, initial);
  const a = assignment;
  return (
    <details className="w-full text-sm">
      {/* Labels differ from the assign form's ("Due date") so each field has a name of its own on the page. */}
      <summary className="cursor-pointer text-muted">Change due date or note<span className="sr-only"> of {a.title}</span></summary>
      <form action={action} className="mt-2 grid gap-3 sm:grid-cols-[1fr_1fr_2fr_auto] sm:items-end" aria-label={`Change ${a.title}`}>
        <input type="hidden" name="assignmentId" value={a.id} />
        <Field label="Date" name="dueDate" id={`due-date-${a.id}`} type="date" required defaultValue={a.dueDate} error={state.errors.dueDate} />
        <Field label="Time" name="dueTime" id={`due-time-${a.id}`} type="time" defaultValue={a.dueTime} error={state.errors.dueTime} />
        <Field label="Note" name="note" id={`note-${a.id}`} maxLength={500} defaultValue={a.note} error={state.errors.note} />
        <button type="submit" className="btn-secondary" disabled={pending}>Save</button>
        <div className="sm:col-span-4"><Status state={state} /></div>
      </form>
    </details>
  );
}

export function WithdrawAssignmentButton({ id, title }: { id: string; title: string }) {
  return (
    <ConfirmButton
      label="Withdraw"
      ariaLabel={`Withdraw ${title}`}
      question={`Withdraw ${title}? Learners keep its cards and their history.`}
      confirmLabel="Yes, withdraw"
      action={() => withdrawAssignmentAction(id)}
    />
  );
}

export function RemoveMemberButton({ classId, userId, name, redirectTo, label = 'Remove' }: { classId: string; userId: string; name: string; redirectTo?: string; label?: string }) {
  return (
    <ConfirmButton
      label={label}
      // The accessible name must contain the visible label (WCAG 2.5.3): "Remove Ada" or "Remove from class: Ada".
      ariaLabel={label === 'Remove' ? `Remove ${name}` : `${label}: ${name}`}
      question={`Remove ${name} from the class? They keep their cards, and cannot rejoin until you let them back in.`}
      confirmLabel="Yes, remove"
      action={() => removeMemberAction(classId, userId)}
      redirectTo={redirectTo}
    />
  );
}

export function AllowBackButton({ classId, userId, name }: { classId: string; userId: string; name: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className="btn-ghost text-sm"
        aria-label={`Let ${name} back in`}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await allowBackAction(classId, userId);
            if (result.ok) router.refresh();
            else setError(result.error ?? 'That did not work. Reload the page and try again.');
          })
        }
      >
        Let back in
      </button>
      {error && <span role="alert" className="text-sm text-danger">{error}</span>}
    </span>
  );
}
