'use client';
// Small buttons on card lists: approve / reject a generated card, remove an own card from the draft,
// delete a learner's private card. Each runs one server action and announces the result.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { deletePrivateCardAction, outlineAction, setCardApprovalAction, type ActionResult } from '@/lib/actions/courses';

function useAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  const run = (fn: () => Promise<ActionResult>) =>
    start(async () => {
      const r = await fn();
      setResult(r);
      if (r.ok) router.refresh();
    });
  const status = (
    <span role="status" className={`text-sm ${result?.ok ? 'text-success' : 'text-danger'}`}>{result ? (result.ok ? result.message : result.error) : ''}</span>
  );
  return { pending, run, status };
}

export function ApprovalButtons({ courseId, cardId, approval, label }: { courseId: string; cardId: string; approval: string; label: string }) {
  const { pending, run, status } = useAction();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn-secondary text-sm"
        disabled={pending || approval === 'approved'}
        aria-label={`Approve card: ${label}`}
        onClick={() => run(() => setCardApprovalAction(courseId, cardId, 'approved'))}
      >
        Approve
      </button>
      <button
        type="button"
        className="btn-ghost text-sm text-danger"
        disabled={pending || approval === 'rejected'}
        aria-label={`Reject card: ${label}`}
        onClick={() => run(() => setCardApprovalAction(courseId, cardId, 'rejected'))}
      >
        Reject
      </button>
      {status}
    </span>
  );
}

export function RemoveOwnCardButton({ courseId, cardKey, label }: { courseId: string; cardKey: string; label: string }) {
  const { pending, run, status } = useAction();
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className="btn-ghost text-sm text-danger" disabled={pending} aria-label={`Remove card: ${label}`} onClick={() => run(() => outlineAction(courseId, { op: 'removeCard', card: cardKey }))}>
        Remove
      </button>
      {status}
    </span>
  );
}

export function DeletePrivateCardButton({ cardId, label }: { cardId: string; label: string }) {
  const { pending, run, status } = useAction();
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className="btn-ghost text-sm text-danger" disabled={pending} aria-label={`Delete private card: ${label}`} onClick={() => run(() => deletePrivateCardAction(cardId))}>
        Delete
      </button>
      {status}
    </span>
  );
}
