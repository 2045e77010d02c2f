// What the review screen shows for one moment of the queue: built by the server (lib/review) and, offline, by the
// browser's own copy of the deck (lib/offline). Plain types, one definition for both.
import type { Rating } from './types';

export interface ReviewCardView {
  id: string;
  version: number;
  kind: 'learning' | 'review' | 'new';
  type: string;
  front: string;
  back: string;
  source: string;
  lesson: { title: string; href: string };
  intervals: { rating: Rating; label: string }[];
}

export interface ReviewSnapshot {
  counts: { new: number; learning: number; review: number };
  card: ReviewCardView | null;
  /** When nothing is due now but a learning card comes back later today. */
  nextLearningDue: string | null;
  canUndo: boolean;
}
