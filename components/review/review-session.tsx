'use client';
// The review screen: front → reveal (Space/Enter) → grade 1–4 → next card without a page load; U or Ctrl+Z undoes.
import { useCallback, useEffect, useRef, useState } from 'react';
import Link from 'next/link';
import { gradeReview, refreshReview, undoReview } from '@/lib/actions/review';
import type { ReviewSnapshot } from '@/lib/review/service';
import { CardBack, CardFront } from './card-face';
import { FlagCard } from './flag-card';

const GRADES = [
  { rating: 1, name: 'Again', key: '1', style: 'border-danger/50 hover:bg-danger/10' },
  { rating: 2, name: 'Hard', key: '2', style: 'border-warning/50 hover:bg-warning/10' },
  { rating: 3, name: 'Good', key: '3', style: 'border-success/50 hover:bg-success/10' },
  { rating: 4, name: 'Easy', key: '4', style: 'border-accent/50 hover:bg-accent/10' },
] as const;

type Rating = 1 | 2 | 3 | 4;

function newClientId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

export function ReviewSession({ initial }: { initial: ReviewSnapshot }) {
  const [snap, setSnap] = useState(initial);
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [session, setSession] = useState({ reviewed: 0, again: 0, elapsedMs: 0 });
  const shown = useRef<{ key: string; at: number } | null>(null);
  const clientIds = useRef(new Map<string, string>());
  const revealButton = useRef<HTMLButtonElement>(null);

  const card = snap.card;
  const cardKey = card ? `${card.id}:${card.version}` : 'none';
  const revealed = revealedKey === cardKey;
  const reveal = useCallback(() => setRevealedKey(cardKey), [cardKey]);

  // Each shown card (or new version of one) starts a timer and takes the focus for keyboard users.
  useEffect(() => {
    shown.current = { key: cardKey, at: Date.now() };
    revealButton.current?.focus();
  }, [cardKey]);

  // One submission id per card version: a retry of the same grade is recognised by the server.
  function clientIdFor(key: string): string {
    let id = clientIds.current.get(key);
    if (!id) {
      id = newClientId();
      clientIds.current.set(key, id);
    }
    return id;
  }

  // Learning cards due later today come back on their own.
  useEffect(() => {
    if (card || !snap.nextLearningDue) return;
    const wait = Math.max(1000, new Date(snap.nextLearningDue).getTime() - Date.now() + 500);
    const timer = setTimeout(async () => {
      const res = await refreshReview();
      if (res.ok) setSnap(res.snapshot);
    }, Math.min(wait, 2_147_000_000));
    return () => clearTimeout(timer);
  }, [card, snap.nextLearningDue]);

  const grade = useCallback(
    async (rating: Rating) => {
      if (!card || !revealed || pending) return;
      setPending(true);
      const durationMs = shown.current?.key === cardKey ? Date.now() - shown.current.at : 0;
      try {
        const res = await gradeReview({ cardId: card.id, rating, clientId: clientIdFor(cardKey), version: card.version, durationMs });
        if (res.snapshot) setSnap(res.snapshot);
        if (res.ok) {
          setSession((s) => ({ reviewed: s.reviewed + 1, again: s.again + (rating === 1 ? 1 : 0), elapsedMs: s.elapsedMs + durationMs }));
          setMessage(res.notice ? { kind: 'info', text: res.notice } : null);
        } else {
          setMessage({ kind: 'error', text: res.error });
        }
      } catch {
        setMessage({ kind: 'error', text: 'Could not save your grade (network?). Press the grade again to retry.' });
      } finally {
        setPending(false);
      }
    },
    [card, cardKey, revealed, pending],
  );

  const undo = useCallback(async () => {
    if (pending || !snap.canUndo) return;
    setPending(true);
    try {
      const res = await undoReview();
      if (res.snapshot) setSnap(res.snapshot);
      if (res.ok) setSession((s) => ({ ...s, reviewed: Math.max(0, s.reviewed - 1) }));
      setMessage(res.ok ? { kind: 'info', text: res.notice ?? 'Undone.' } : { kind: 'error', text: res.error });
    } catch {
      setMessage({ kind: 'error', text: 'Could not undo (network?). Try again.' });
    } finally {
      setPending(false);
    }
  }, [pending, snap.canUndo]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void undo();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'u' || e.key === 'U') {
        e.preventDefault();
        void undo();
      } else if (!revealed && card && (e.key === ' ' || e.key === 'Enter')) {
        e.preventDefault();
        reveal();
      } else if (revealed && ['1', '2', '3', '4'].includes(e.key)) {
        e.preventDefault();
        void grade(Number(e.key) as Rating);
      } else if (revealed && (e.key === ' ' || e.key === 'Enter') && target?.tagName !== 'BUTTON' && target?.tagName !== 'A') {
        e.preventDefault();
        void grade(3);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [card, revealed, reveal, grade, undo]);

  const counts = (
    <dl className="flex gap-4 text-sm" aria-label="Cards left today">
      {(
        [
          ['New', snap.counts.new, 'new', 'text-accent'],
          ['Learning', snap.counts.learning, 'learning', 'text-danger'],
          ['Review', snap.counts.review, 'review', 'text-success'],
        ] as const
      ).map(([label, n, kind, color]) => (
        <div key={label} className={`flex gap-1 ${card?.kind === kind ? 'font-bold underline underline-offset-4' : ''}`}>
          <dt className="text-muted">{label}</dt>
          <dd className={color} data-testid={`count-${kind}`}>{n}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {counts}
        <button type="button" className="btn-ghost text-sm" onClick={() => void undo()} disabled={!snap.canUndo || pending} aria-keyshortcuts="U Control+Z">
          ↶ Undo <kbd className="text-xs text-muted">U</kbd>
        </button>
      </div>
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${message?.kind === 'error' ? 'text-danger' : 'text-muted'}`}>
        {message?.text ?? ''}
      </p>

      {card ? (
        <section className="card space-y-6" aria-label="Flashcard">
          <div>
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">
              {card.kind === 'new' ? 'New card' : card.kind === 'learning' ? 'Learning' : 'Review'} · {card.type}
            </p>
            <CardFront type={card.type} front={card.front} />
          </div>
          <div aria-live="polite">
            {revealed && (
              <div className="space-y-4 border-t border-border pt-4">
                <h2 className="sr-only">Answer</h2>
                <CardBack type={card.type} front={card.front} back={card.back} />
                {card.source && (
                  <figure className="rounded-lg bg-surface-2 p-3 text-sm text-muted">
                    <blockquote>“{card.source}”</blockquote>
                    <figcaption className="mt-1">
                      From <Link className="link" href={card.lesson.href}>{card.lesson.title}</Link>
                    </figcaption>
                  </figure>
                )}
                <FlagCard key={card.id} cardId={card.id} />
              </div>
            )}
          </div>
          {revealed ? (
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-label="Grade your answer">
              {GRADES.map((g, i) => (
                <button
                  key={g.rating}
                  type="button"
                  disabled={pending}
                  onClick={() => void grade(g.rating)}
                  className={`btn flex-col border bg-surface ${g.style}`}
                  aria-keyshortcuts={g.key}
                >
                  <span>{g.name}</span>
                  <span className="text-xs font-normal text-muted">
                    {card.intervals[i]?.label} · <kbd>{g.key}</kbd>
                  </span>
                </button>
              ))}
            </div>
          ) : (
            <button ref={revealButton} type="button" className="btn-primary w-full" onClick={reveal} aria-keyshortcuts="Space Enter">
              Show answer <kbd className="text-xs opacity-80">Space</kbd>
            </button>
          )}
        </section>
      ) : (
        <section className="card space-y-3 text-center" aria-label="Session summary">
          <h2 className="text-xl font-semibold">{session.reviewed > 0 ? 'Session complete' : 'Nothing to review right now'}</h2>
          {session.reviewed > 0 && (
            <p data-testid="session-summary">
              You reviewed {session.reviewed} card{session.reviewed === 1 ? '' : 's'} in{' '}
              {Math.max(1, Math.round(session.elapsedMs / 60000))} min · {session.again} forgotten.
            </p>
          )}
          {snap.nextLearningDue ? (
            <p className="text-muted">
              A learning card comes back at {new Date(snap.nextLearningDue).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}; this page will show it.
            </p>
          ) : (
            <p className="text-muted">Complete lessons to add their cards to your reviews.</p>
          )}
          <div className="flex justify-center gap-3">
            <Link className="btn-secondary" href="/courses">Go to the course</Link>
            <Link className="btn-secondary" href="/stats">See your stats</Link>
          </div>
        </section>
      )}
      <p className="text-center text-xs text-muted">
        Keys: <kbd>Space</kbd> show answer · <kbd>1</kbd>–<kbd>4</kbd> grade · <kbd>U</kbd> undo
      </p>
    </div>
  );
}
