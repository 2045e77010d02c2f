'use client';
// One generated card as an instructor sees it: edit the text, suspend it, or go back to the generated text.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { editCard, resolveFlags, revertCard, setCardSuspended, type CardActionResult } from '@/lib/actions/cards';
import type { TeachCard } from '@/lib/data/teach';

export function CardEditor({ card }: { card: TeachCard }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [result, setResult] = useState<CardActionResult | null>(null);
  const edited = card.editedFront !== null || card.editedBack !== null;
  const errors = result && !result.ok ? result.errors ?? {} : {};

  function run(action: () => Promise<CardActionResult>) {
    start(async () => {
      const res = await action();
      setResult(res);
      if (res.ok) router.refresh();
    });
  }

  return (
    <li className={`card space-y-3 ${card.suspended ? 'border-dashed bg-surface-2' : ''}`} aria-label={`Card: ${card.editedFront ?? card.front}`}>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className="badge">{card.type}</span>
        {edited && <span className="badge">edited</span>}
        {card.suspended && <span className="badge">suspended</span>}
        {card.flags.length > 0 && <span className="badge border-danger/50 text-danger">{card.flags.length} flag{card.flags.length > 1 ? 's' : ''}</span>}
      </div>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          run(() => editCard({ cardId: card.id, front: f.get('front'), back: f.get('back') }));
        }}
      >
        <label className="label" htmlFor={`front-${card.id}`}>Question</label>
        <textarea id={`front-${card.id}`} name="front" className="input" rows={2} defaultValue={card.editedFront ?? card.front} aria-invalid={errors.front ? true : undefined} />
        {errors.front && <p className="field-error">{errors.front}</p>}
        <label className="label" htmlFor={`back-${card.id}`}>Answer</label>
        <textarea id={`back-${card.id}`} name="back" className="input" rows={2} defaultValue={card.editedBack ?? card.back} aria-invalid={errors.back ? true : undefined} />
        {errors.back && <p className="field-error">{errors.back}</p>}
        <p className="text-xs text-muted">Source: “{card.source}”</p>
        {card.flags.length > 0 && (
          <ul className="text-sm text-danger">
            {card.flags.map((f, i) => <li key={i}>Flagged: {f.reason}</li>)}
          </ul>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn-primary" disabled={pending}>Save</button>
          {edited && <button type="button" className="btn-secondary" disabled={pending} onClick={() => run(() => revertCard(card.id))}>Use generated text</button>}
          <button type="button" className="btn-secondary" disabled={pending} onClick={() => run(() => setCardSuspended({ cardId: card.id, suspended: !card.suspended }))}>
            {card.suspended ? 'Unsuspend' : 'Suspend'}
          </button>
          {card.flags.length > 0 && <button type="button" className="btn-ghost" disabled={pending} onClick={() => run(() => resolveFlags(card.id))}>Resolve flags</button>}
        </div>
        <p role="status" className={`text-sm ${result && !result.ok ? 'text-danger' : 'text-success'}`}>{result ? (result.ok ? result.message : result.error) : ''}</p>
      </form>
    </li>
  );
}
