'use client';
// A destructive button that asks "are you sure?" inline (no window.confirm), runs a server action,
// shows its error, and refreshes the page (or goes elsewhere) when it succeeds.
import { useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';

export function ConfirmButton({ label, ariaLabel, question, confirmLabel, action, redirectTo, className = 'btn-ghost text-sm' }: {
  label: string;
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  action: () => Promise<{ ok: boolean; error?: string }>;
  redirectTo?: string;
  className?: string;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const trigger = useRef<HTMLButtonElement>(null);
  // Focus goes to the question's first button, and back to the trigger on Cancel, so keyboard users keep their place.
  const cancel = () => {
    setAsking(false);
    requestAnimationFrame(() => trigger.current?.focus());
  };
  if (!asking) {
    return (
      <span className="inline-flex items-center gap-2">
        <button ref={trigger} type="button" className={className} aria-label={ariaLabel} onClick={() => { setError(null); setAsking(true); }}>{label}</button>
        {error && <span role="alert" className="text-sm text-danger">{error}</span>}
      </span>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className="btn-secondary text-sm text-danger"
        disabled={pending}
        autoFocus
        onClick={() =>
          start(async () => {
            const result = await action();
            setAsking(false);
            if (!result.ok) {
              setError(result.error ?? 'That did not work. Reload the page and try again.');
              return;
            }
            if (redirectTo) router.push(redirectTo);
            else router.refresh();
          })
        }
      >
        {confirmLabel}
      </button>
      <button type="button" className="btn-ghost text-sm" disabled={pending} onClick={cancel}>Cancel</button>
    </span>
  );
}
