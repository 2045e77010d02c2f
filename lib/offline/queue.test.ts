import { describe, expect, it } from 'vitest';
import { acknowledge, enqueue, heldFor, nextBatch, pendingFor, undoLastQueued, type QueuedGrade } from './queue';
import type { OfflineCard } from './deck';

const card = (id: string): OfflineCard => ({
  id, version: 0, type: 'basic', front: 'Q', back: 'A', source: '', lesson: { title: 'L', href: '/l' },
  state: { state: 'new', due: '2026-03-07T10:00:00.000Z', stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: null },
});
const grade = (clientId: string, userId: string, reviewedAt: string, cardId = 'c1'): Omit<QueuedGrade, 'seq'> => ({
  clientId, userId, cardId, version: 0, lastReviewShown: null, rating: 3, reviewedAt, durationMs: 10, before: card(cardId),
});

describe('offline grade queue', () => {
  it('keeps one entry per clientId and numbers grades in the order they were made', () => {
    let q = enqueue([], grade('a', 'u1', '2026-03-07T10:00:00Z'));
    q = enqueue(q, grade('b', 'u1', '2026-03-07T10:01:00Z'));
    q = enqueue(q, grade('a', 'u1', '2026-03-07T10:05:00Z'));
    expect(q.map((g) => [g.clientId, g.seq])).toEqual([['a', 1], ['b', 2]]);
  });

  it('sends by review time, ties in the order made, and only the one user’s grades', () => {
    let q = enqueue([], grade('late', 'u1', '2026-03-07T10:05:00Z'));
    q = enqueue(q, grade('tie-1', 'u1', '2026-03-07T10:01:00Z'));
    q = enqueue(q, grade('other', 'u2', '2026-03-07T09:00:00Z'));
    q = enqueue(q, grade('tie-2', 'u1', '2026-03-07T10:01:00Z'));
    expect(pendingFor(q, 'u1').map((g) => g.clientId)).toEqual(['tie-1', 'tie-2', 'late']);
    expect(heldFor(q, 'u1').map((g) => g.clientId)).toEqual(['other']);
    const batch = nextBatch(q, 'u1', 2)!;
    expect(batch.userId).toBe('u1');
    expect(batch.grades.map((g) => g.clientId)).toEqual(['tie-1', 'tie-2']);
    expect(Object.keys(batch.grades[0]!)).not.toContain('before');
    expect(nextBatch(q, 'nobody')).toBeNull();
  });

  it('undoes the newest grade of that user only, returning the card as it was shown', () => {
    let q = enqueue([], grade('a', 'u1', '2026-03-07T10:00:00Z', 'c1'));
    q = enqueue(q, grade('b', 'u1', '2026-03-07T09:00:00Z', 'c2'));
    q = enqueue(q, grade('x', 'u2', '2026-03-07T11:00:00Z', 'c3'));
    const undone = undoLastQueued(q, 'u1')!;
    expect(undone.undone.clientId).toBe('b');
    expect(undone.undone.before.id).toBe('c2');
    expect(undone.queue.map((g) => g.clientId)).toEqual(['a', 'x']);
    expect(undoLastQueued([], 'u1')).toBeNull();
    expect(undoLastQueued(heldFor(q, 'u1'), 'u1')).toBeNull();
  });

  it('drops acknowledged grades and keeps the rest', () => {
    let q = enqueue([], grade('a', 'u1', '2026-03-07T10:00:00Z'));
    q = enqueue(q, grade('b', 'u1', '2026-03-07T10:01:00Z'));
    expect(acknowledge(q, ['a', 'zzz']).map((g) => g.clientId)).toEqual(['b']);
  });
});
