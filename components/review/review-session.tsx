'use client';
// The review screen: front → reveal (Space/Enter) → grade 1–4 → next card without a page load; U or Ctrl+Z undoes.
// Offline (or while grades made offline wait), it goes on from the copy of today's reviews kept in IndexedDB,
// schedules with lib/srs in the browser and queues each grade; back online it sends them in order.
import { useCallback, useEffect, useRef, useState } from 'react';
import Link from 'next/link';
import { gradeReview, refreshReview, undoReview } from './review-api';
import { loadOfflineDeck, syncOfflineGrades } from '@/lib/actions/offline';
import type { ReviewSnapshot } from '@/lib/review/service';
import { gradeLocally, localSnapshot, restoreCard, type OfflineDeck } from '@/lib/offline/deck';
import { acknowledge, enqueue, nextBatch, pendingFor, undoLastQueued, type QueuedGrade } from '@/lib/offline/queue';
import { deleteGrades, offlineStorageAvailable, readDeck, readGrades, writeDeck, writeGrade } from './offline-storage';
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

/** Online grades between two fresh copies of the offline deck (each grade is also applied to the copy locally). */
const DECK_REFRESH_EVERY = 25;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ReviewSession({ initial, userId }: { initial: ReviewSnapshot; userId: string }) {
  const [snap, setSnap] = useState(initial);
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [session, setSession] = useState({ reviewed: 0, again: 0, elapsedMs: 0 });
  const shown = useRef<{ key: string; at: number } | null>(null);
  const clientIds = useRef(new Map<string, string>());
  const revealButton = useRef<HTMLButtonElement>(null);
  // Offline review: the deck kept on this device, every grade waiting on it (any account's) and the network state.
  const deck = useRef<OfflineDeck | null>(null);
  const queueRef = useRef<QueuedGrade[]>([]);
  const [queue, setQueueState] = useState<QueuedGrade[]>([]);
  const [offline, setOffline] = useState(false);
  const offlineRef = useRef(false);
  const [signInNeeded, setSignInNeeded] = useState(false);
  const syncing = useRef(false);
  const onlineGrades = useRef(0);
  const [deckSaved, setDeckSaved] = useState(false);

  const waiting = queue.filter((g) => g.userId === userId).length;
  const held = queue.length - waiting;
  const setQueue = useCallback((q: QueuedGrade[]) => {
    queueRef.current = q;
    setQueueState(q);
  }, []);
  const hasMine = useCallback(() => queueRef.current.some((g) => g.userId === userId), [userId]);
  const showLocal = useCallback(
    (preferCardId?: string) => {
      if (deck.current) setSnap(localSnapshot(deck.current, new Date(), queueRef.current.some((g) => g.userId === userId), preferCardId));
    },
    [userId],
  );
  const goOffline = useCallback(() => {
    offlineRef.current = true;
    setOffline(true);
    showLocal();
  }, [showLocal]);

  /** A fresh copy of today's reviews, only when nothing waits (the server's copy would not include those grades). */
  const refreshDeck = useCallback(async () => {
    if (!offlineStorageAvailable() || queueRef.current.some((g) => g.userId === userId)) return;
    try {
      const res = await loadOfflineDeck();
      if (res.ok && res.deck.userId === userId) {
        deck.current = res.deck;
        await writeDeck(res.deck);
        setDeckSaved(true);
      }
    } catch {
      // Offline or the server is away: keep the copy we have.
    }
  }, [userId]);

  /** Sends this learner's waiting grades in order, batch by batch; each is removed only once the server answered. */
  const sync = useCallback(async () => {
    if (syncing.current || offlineRef.current || !offlineStorageAvailable()) return;
    syncing.current = true;
    let sent = 0;
    let clamped = 0;
    let dropped = 0;
    const merged: string[] = [];
    let all = await readGrades().catch(() => queueRef.current);
    try {
      for (let batch = nextBatch(all, userId); batch; batch = nextBatch(all, userId)) {
        let res;
        try {
          res = await syncOfflineGrades(batch);
        } catch {
          goOffline();
          return;
        }
        if (!res.ok) {
          if (res.code === 'signed_out') setSignInNeeded(true);
          else setMessage({ kind: 'error', text: res.error });
          return;
        }
        setSignInNeeded(false);
        const fronts = new Map(all.map((g) => [g.clientId, g.before.front]));
        for (const o of res.outcomes) {
          if (o.status === 'recorded' || o.status === 'merged') sent++;
          if (o.status === 'merged') merged.push(fronts.get(o.clientId) ?? o.cardId);
          if (o.status === 'not_found') dropped++;
          if (o.clamped) clamped++;
        }
        const done = res.outcomes.map((o) => o.clientId);
        await deleteGrades(done);
        all = acknowledge(all, done);
        setQueue(all);
        if (done.length === 0) break;
      }
      setQueue(all);
      if (sent + dropped > 0) {
        const parts = [`Sent ${plural(sent, 'grade')} made offline.`];
        if (merged.length > 0) parts.push(`Merged in time order with reviews from another device: ${merged.map((f) => `“${f.slice(0, 60)}”`).join(', ')}.`);
        if (clamped > 0) parts.push(`${plural(clamped, 'review time')} moved to fit between the card's last review and now.`);
        if (dropped > 0) parts.push(`${plural(dropped, 'card')} left your reviews meanwhile; those grades were not recorded.`);
        setMessage({ kind: 'info', text: parts.join(' ') });
      }
      const fresh = await refreshReview();
      if (fresh.ok) setSnap(fresh.snapshot);
      if (pendingFor(all, userId).length === 0) await refreshDeck();
    } catch {
      setMessage({ kind: 'error', text: 'Could not send the waiting grades yet; they stay on this device.' });
    } finally {
      syncing.current = false;
    }
  }, [userId, goOffline, setQueue, refreshDeck]);

  // On start: read what this device keeps; offline, go on from it; online, send what waits or refresh the copy.
  useEffect(() => {
    if (!offlineStorageAvailable()) return;
    let cancelled = false;
    void (async () => {
      try {
        const [all, stored] = await Promise.all([readGrades(), readDeck(userId)]);
        if (cancelled) return;
        deck.current = stored;
        setQueue(all);
        if (!navigator.onLine) goOffline();
        else if (pendingFor(all, userId).length > 0) await sync();
        else await refreshDeck();
      } catch {
        // No IndexedDB (private mode): review works online only.
      }
    })();
    const onOnline = () => {
      offlineRef.current = false;
      setOffline(false);
      void sync();
    };
    const onOffline = () => goOffline();
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      cancelled = true;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [userId, goOffline, sync, refreshDeck, setQueue]);

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
      if (offlineRef.current || hasMine()) {
        showLocal();
        return;
      }
      try {
        const res = await refreshReview();
        if (res.ok) setSnap(res.snapshot);
      } catch {
        goOffline();
      }
    }, Math.min(wait, 2_147_000_000));
    return () => clearTimeout(timer);
  }, [card, snap.nextLearningDue, hasMine, showLocal, goOffline]);

  /** Grades the shown card on this device and queues the grade; false when the card is not kept here. */
  const gradeQueued = useCallback(
    async (cardId: string, rating: Rating, clientId: string, durationMs: number): Promise<boolean> => {
      const d = deck.current;
      const now = new Date();
      const local = d ? gradeLocally(d, cardId, rating, now) : null;
      if (!local) return false;
      const q = enqueue(queueRef.current, {
        clientId, userId, cardId, version: local.version, lastReviewShown: local.before.state.lastReview,
        rating, reviewedAt: now.toISOString(), durationMs, before: local.before,
      });
      const added = q.find((g) => g.clientId === clientId);
      if (added) await writeGrade(added);
      await writeDeck(local.deck);
      deck.current = local.deck;
      setQueue(q);
      setSnap(localSnapshot(local.deck, now, true));
      return true;
    },
    [userId, setQueue],
  );


  const grade = useCallback(
    async (rating: Rating) => {
      if (!card || !revealed || pending) return;
      setPending(true);
      const durationMs = shown.current?.key === cardKey ? Date.now() - shown.current.at : 0;
      const clientId = clientIdFor(cardKey);
      const counted = () => setSession((s) => ({ reviewed: s.reviewed + 1, again: s.again + (rating === 1 ? 1 : 0), elapsedMs: s.elapsedMs + durationMs }));
      // Offline, or grades made offline still wait: this one queues behind them so the server gets them in order.
      const queueIt = async () => {
        if (await gradeQueued(card.id, rating, clientId, durationMs)) {
          counted();
          setMessage(null);
          if (!offlineRef.current) void sync();
        } else {
          setMessage({ kind: 'error', text: 'This card is not saved on this device for offline review. Reconnect to grade it.' });
        }
      };
      try {
        if (offlineRef.current || hasMine()) {
          await queueIt();
          return;
        }
        let res;
        try {
          res = await gradeReview({ cardId: card.id, rating, clientId, version: card.version, durationMs });
        } catch {
          // The network dropped: the same clientId queued means the grade counts once even if it did reach the server.
          goOffline();
          await queueIt();
          return;
        }
        if (res.snapshot) setSnap(res.snapshot);
        if (res.ok) {
          counted();
          setMessage(res.notice ? { kind: 'info', text: res.notice } : null);
          if (deck.current) {
            const local = gradeLocally(deck.current, card.id, rating, new Date());
            if (local) {
              deck.current = local.deck;
              void writeDeck(local.deck).catch(() => undefined);
            }
          }
          if (++onlineGrades.current % DECK_REFRESH_EVERY === 0) void refreshDeck();
        } else {
          setMessage({ kind: 'error', text: res.error });
        }
      } catch {
        setMessage({ kind: 'error', text: 'Could not save your grade on this device. Press the grade again to retry.' });
      } finally {
        setPending(false);
      }
    },
    [card, cardKey, revealed, pending, gradeQueued, hasMine, goOffline, sync, refreshDeck],
  );

  const canUndo = waiting > 0 || (!offline && snap.canUndo);

  const undo = useCallback(async () => {
    if (pending || !canUndo) return;
    setPending(true);
    try {
      // A grade still waiting on this device is undone here; the server never hears of it.
      if (hasMine()) {
        if (syncing.current) {
          setMessage({ kind: 'info', text: 'Sending your waiting grades; try undo again in a moment.' });
          return;
        }
        const r = undoLastQueued(queueRef.current, userId);
        if (r && deck.current) {
          await deleteGrades([r.undone.clientId]);
          deck.current = restoreCard(deck.current, r.undone.before);
          await writeDeck(deck.current);
          setQueue(r.queue);
          setSnap(localSnapshot(deck.current, new Date(), r.queue.some((g) => g.userId === userId), r.undone.cardId));
          setSession((s) => ({ ...s, reviewed: Math.max(0, s.reviewed - 1) }));
          setMessage({ kind: 'info', text: 'Last grade undone.' });
        }
        return;
      }
      if (offlineRef.current) {
        setMessage({ kind: 'error', text: 'Grades sent before going offline can be undone once you are back online.' });
        return;
      }
      const res = await undoReview();
      if (res.snapshot) setSnap(res.snapshot);
      if (res.ok) setSession((s) => ({ ...s, reviewed: Math.max(0, s.reviewed - 1) }));
      setMessage(res.ok ? { kind: 'info', text: res.notice ?? 'Undone.' } : { kind: 'error', text: res.error });
      if (res.ok) void refreshDeck();
    } catch {
      setMessage({ kind: 'error', text: 'Could not undo (network?). Try again.' });
    } finally {
      setPending(false);
    }
  }, [pending, canUndo, hasMine, userId, setQueue, refreshDeck]);

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
        <button type="button" className="btn-ghost text-sm" onClick={() => void undo()} disabled={!canUndo || pending} aria-keyshortcuts="U Control+Z">
          ↶ Undo <kbd className="text-xs text-muted">U</kbd>
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="offline-status" data-deck-saved={deckSaved ? 'true' : undefined}>
        {(offline || waiting > 0 || held > 0) && (
          <p className="rounded-lg border border-warning/50 bg-warning/10 px-3 py-2 text-sm">
            {offline
              ? `Offline — ${plural(waiting, 'grade')} waiting`
              : signInNeeded
                ? `${plural(waiting, 'grade')} waiting — sign in again to send them. `
                : waiting > 0
                  ? `${plural(waiting, 'grade')} waiting — sending…`
                  : ''}
            {signInNeeded && !offline && (
              <Link className="link" href="/signin?callbackUrl=%2Freview">Sign in</Link>
            )}
            {held > 0 && ` ${plural(held, 'grade')} made under another account stay on this device until that account signs in here.`}
          </p>
        )}
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
