import { describe, expect, it } from 'vitest';
import { DEFAULT_SRS_SETTINGS, gradeCard, newCardState } from '@/lib/srs';
import { fromStored, gradeLocally, localSnapshot, restoreCard, toStored, type OfflineCard, type OfflineDeck } from './deck';

const T0 = new Date('2026-03-07T15:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const card = (id: string, version = 0): OfflineCard => ({
  id, version, type: 'basic', front: `Q ${id}`, back: 'A', source: '', lesson: { title: 'L', href: '/l' }, state: toStored(newCardState(T0)),
});
const deck = (cards: OfflineCard[]): OfflineDeck => ({ userId: 'u1', savedAt: T0.toISOString(), settings: DEFAULT_SRS_SETTINGS, cards });

describe('the offline deck', () => {
  it('round-trips card states through their stored form', () => {
    const s = gradeCard(newCardState(T0), 3, at(1), DEFAULT_SRS_SETTINGS, 'x').state;
    expect(fromStored(toStored(s))).toEqual(s);
  });

  it('shows cards in the server’s order and grades them with lib/srs, bumping the version', () => {
    const d = deck([card('a', 4), card('b')]);
    const first = localSnapshot(d, T0, false);
    expect(first.counts).toEqual({ new: 2, learning: 0, review: 0 });
    expect(first.card?.id).toBe('a');
    expect(first.card?.intervals.map((i) => i.rating)).toEqual([1, 2, 3, 4]);
    const graded = gradeLocally(d, 'a', 1, at(1))!;
    expect(graded.version).toBe(4);
    expect(graded.before).toEqual(d.cards[0]);
    const a = graded.deck.cards.find((c) => c.id === 'a')!;
    expect(a.version).toBe(5);
    expect(a.state).toEqual(toStored(gradeCard(newCardState(T0), 1, at(1), DEFAULT_SRS_SETTINGS, 'a').state));
    // "Again" puts it in learning for a minute: b comes first, then a comes back, then nothing but a timer.
    const next = localSnapshot(graded.deck, at(1), true);
    expect(next.card?.id).toBe('b');
    expect(next.counts).toEqual({ new: 1, learning: 0, review: 0 });
    const later = localSnapshot(graded.deck, at(3), true);
    expect(later.card?.id).toBe('a');
    const afterB = gradeLocally(graded.deck, 'b', 3, at(1))!.deck;
    const idle = localSnapshot(afterB, at(1.5), true);
    expect(idle.card).toBeNull();
    expect(idle.nextLearningDue).not.toBeNull();
  });

  it('undo puts the card back as it was shown', () => {
    const d = deck([card('a')]);
    const graded = gradeLocally(d, 'a', 3, at(1))!;
    expect(restoreCard(graded.deck, graded.before)).toEqual(d);
    const two = deck([card('a'), card('b')]);
    expect(localSnapshot(two, T0, true, 'b').card?.id).toBe('b');
    expect(gradeLocally(d, 'missing', 3, at(1))).toBeNull();
  });
});
