// The rest of today's reviews kept in the browser, and scheduling them offline with lib/srs's own rules
// (buildQueue orders them, gradeCard grades them), so an offline session goes on exactly as the server would.
// Imports lib/srs's modules directly, not its index, so the browser bundle takes ts-fsrs but no zod.
import { buildQueue } from '@/lib/srs/queue';
import { gradeCard, isLeech, previewIntervals } from '@/lib/srs/scheduler';
import type { LearnerSrsSettings } from '@/lib/srs/settings';
import { CARD_STATES, type Rating, type SrsCardState } from '@/lib/srs/types';
import type { ReviewSnapshot } from '@/lib/srs/review-view';

/** SrsCardState with ISO strings for dates: what IndexedDB and the server action carry. */
export type StoredCardState = Omit<SrsCardState, 'due' | 'lastReview'> & { due: string; lastReview: string | null };

export interface OfflineCard {
  id: string;
  /** The card state version this copy holds (bumped locally for each queued grade, as the server will). */
  version: number;
  type: string;
  front: string;
  back: string;
  source: string;
  lesson: { title: string; href: string };
  state: StoredCardState;
}

export interface OfflineDeck {
  userId: string;
  savedAt: string;
  settings: LearnerSrsSettings;
  /** Today's queue in the server's order, then the learning cards due later today. */
  cards: OfflineCard[];
}

/** The server's snapshot shape (lib/srs/review-view), so the review screen renders a local one the same way. */
export type LocalSnapshot = ReviewSnapshot;

export function toStored(s: SrsCardState): StoredCardState {
  return { ...s, due: s.due.toISOString(), lastReview: s.lastReview === null ? null : s.lastReview.toISOString() };
}

export function fromStored(s: StoredCardState): SrsCardState {
  const state = CARD_STATES.find((n) => n === s.state) ?? 'new';
  return { ...s, state, due: new Date(s.due), lastReview: s.lastReview === null ? null : new Date(s.lastReview) };
}

/**
 * What to show now from the stored deck. New cards in the deck are already within today's limit (the server
 * cut the list), so none count as introduced here. `canUndo` says whether a queued grade can be undone;
 * `preferCardId` (an undone card) is shown first when it is due.
 */
export function localSnapshot(deck: OfflineDeck, now: Date, canUndo: boolean, preferCardId?: string): LocalSnapshot {
  const byId = new Map(deck.cards.map((c) => [c.id, c]));
  const queue = buildQueue({
    cards: deck.cards.map((c, i) => ({ id: c.id, state: fromStored(c.state), suspended: false, retired: false, order: i })),
    now,
    settings: deck.settings,
    newIntroducedToday: 0,
  });
  // An undone card comes back at once, as on the server.
  const preferred = preferCardId ? queue.items.find((i) => i.id === preferCardId) : undefined;
  const first = preferred ?? queue.items[0];
  const card = first ? byId.get(first.id) : undefined;
  return {
    counts: queue.counts,
    nextLearningDue: queue.learningLaterToday[0]?.due.toISOString() ?? null,
    canUndo,
    card:
      first && card
        ? {
            id: card.id,
            version: card.version,
            kind: first.kind,
            type: card.type,
            front: card.front,
            back: card.back,
            source: card.source,
            lesson: card.lesson,
            intervals: previewIntervals(fromStored(card.state), now, deck.settings, card.id).map((p) => ({ rating: p.rating, label: p.label })),
          }
        : null,
  };
}

export interface LocalGrade {
  deck: OfflineDeck;
  /** The card as shown, before the grade (kept with the queued grade for undo). */
  before: OfflineCard;
  /** The version the learner was shown. */
  version: number;
}

/** Grades a card of the deck at `now`; a card that becomes a leech leaves the deck, as the server suspends it. */
export function gradeLocally(deck: OfflineDeck, cardId: string, rating: Rating, now: Date): LocalGrade | null {
  const card = deck.cards.find((c) => c.id === cardId);
  if (!card) return null;
  const result = gradeCard(fromStored(card.state), rating, now, deck.settings, cardId);
  const leech = result.becameLeech || isLeech(result.state);
  const cards = leech
    ? deck.cards.filter((c) => c.id !== cardId)
    : deck.cards.map((c) => (c.id === cardId ? { ...c, version: c.version + 1, state: toStored(result.state) } : c));
  return { deck: { ...deck, cards }, before: card, version: card.version };
}

/** Puts a card back as it was before an undone queued grade (`card` is its copy from before the grade). */
export function restoreCard(deck: OfflineDeck, card: OfflineCard): OfflineDeck {
  const exists = deck.cards.some((c) => c.id === card.id);
  return { ...deck, cards: exists ? deck.cards.map((c) => (c.id === card.id ? card : c)) : [card, ...deck.cards] };
}
