// The browser's queue of grades made offline: what is waiting, for whom, in what order, and undo before sync.
// Pure over plain data (the IndexedDB copy lives in components/review/offline-storage.ts); unit-tested beside it.
import type { Rating } from '@/lib/srs/types';
import type { OfflineCard } from './deck';

/** One grade made without the network, exactly as it will be sent. */
export interface QueuedGrade {
  /** Random per shown card version: the server records it once however often it is sent. */
  clientId: string;
  /** Whose grade it is: sent only under this user's session. */
  userId: string;
  cardId: string;
  /** The card version the learner was shown (the server's, plus the grades queued before on this card). */
  version: number;
  /** The shown state's last review (ISO), the earliest time this grade can be placed at. */
  lastReviewShown: string | null;
  rating: Rating;
  /** When the learner graded it, by the device clock (ISO). */
  reviewedAt: string;
  durationMs: number;
  /** Order in which grades were made on this device (ties in reviewedAt keep it). */
  seq: number;
  /** The card as it was shown, so that undo can restore it locally. Never sent. */
  before: OfflineCard;
}

export type GradeQueue = readonly QueuedGrade[];

/** Adds a grade; a second grade with the same clientId is the same grade and changes nothing. */
export function enqueue(queue: GradeQueue, grade: Omit<QueuedGrade, 'seq'>): QueuedGrade[] {
  if (queue.some((g) => g.clientId === grade.clientId)) return [...queue];
  const seq = queue.reduce((max, g) => Math.max(max, g.seq), 0) + 1;
  return [...queue, { ...grade, seq }];
}

function byTimeThenSeq(a: QueuedGrade, b: QueuedGrade): number {
  return Date.parse(a.reviewedAt) - Date.parse(b.reviewedAt) || a.seq - b.seq;
}

/** This user's waiting grades in the order they must be sent: by review time, ties in the order made. */
export function pendingFor(queue: GradeQueue, userId: string): QueuedGrade[] {
  return queue.filter((g) => g.userId === userId).sort(byTimeThenSeq);
}

/** Grades that belong to other accounts: kept on the device, never sent under this session. */
export function heldFor(queue: GradeQueue, userId: string): QueuedGrade[] {
  return queue.filter((g) => g.userId !== userId);
}

/**
 * Undoes this user's newest queued grade (last made, not last in time): returns the queue without it and the
 * grade removed, whose `before` restores the card. Null when nothing of theirs waits.
 */
export function undoLastQueued(queue: GradeQueue, userId: string): { queue: QueuedGrade[]; undone: QueuedGrade } | null {
  let newest: QueuedGrade | undefined;
  for (const g of queue) if (g.userId === userId && (!newest || g.seq > newest.seq)) newest = g;
  if (!newest) return null;
  const undone = newest;
  return { queue: queue.filter((g) => g !== undone), undone };
}

/** Removes the grades the server has answered for (recorded, already recorded, or refused for good). */
export function acknowledge(queue: GradeQueue, clientIds: Iterable<string>): QueuedGrade[] {
  const done = new Set(clientIds);
  return queue.filter((g) => !done.has(g.clientId));
}

/** What a sync request carries: one user's grades in order, without the local-only fields. */
export interface SyncBatch {
  userId: string;
  grades: { clientId: string; cardId: string; version: number; lastReviewShown: string | null; rating: Rating; reviewedAt: string; durationMs: number }[];
}

/** Grades sent per request: a long offline stretch goes in several ordered requests. */
export const SYNC_BATCH_SIZE = 100;

export function nextBatch(queue: GradeQueue, userId: string, size = SYNC_BATCH_SIZE): SyncBatch | null {
  const pending = pendingFor(queue, userId).slice(0, size);
  if (pending.length === 0) return null;
  return {
    userId,
    grades: pending.map(({ clientId, cardId, version, lastReviewShown, rating, reviewedAt, durationMs }) => ({
      clientId, cardId, version, lastReviewShown, rating, reviewedAt, durationMs,
    })),
  };
}
