'use client';
// Lets a learner report a bad card to the instructors.
import { useState, useTransition } from 'react';
import { flagCard } from '@/lib/actions/cards';
import { FLAG_REASONS } from '@/lib/validations/cards';

export function FlagCard({ cardId }: { cardId: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState('');
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-muted">Report a problem with this card</summary>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const reason = new FormData(e.currentTarget).get('reason');
          start(async () => {
            const res = await flagCard({ cardId, reason });
            setMessage(res.ok ? res.message : res.error);
          });
        }}
      >
        <label className="sr-only" htmlFor={`reason-${cardId}`}>Reason</label>
        <select id={`reason-${cardId}`} name="reason" className="input w-auto" defaultValue="wrong">
          {Object.entries(FLAG_REASONS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <button type="submit" className="btn-secondary" disabled={pending}>Flag card</button>
        <span role="status">{message}</span>
      </form>
    </details>
  );
}
