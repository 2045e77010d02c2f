// The intermediate card candidate every generator emits before scoring, filtering and keying.

import type { CardType } from './types';

export type Origin =
  | 'list'
  | 'inline-list'
  | 'qa'
  | 'definition'
  | 'term'
  | 'acronym'
  | 'known-as'
  | 'when'
  | 'how-many'
  | 'who'
  | 'what-object'
  | 'cloze'
  | 'llm';

export interface Candidate {
  type: CardType;
  origin: Origin;
  front: string;
  back: string;
  /** List items (list cards only). */
  items?: string[];
  /** Plain-text source sentence or passage. */
  source: string;
  anchor: string;
  /** Id of the sentence the card tests (cards from one sentence compete with each other). */
  sentenceId: string;
  /** Reading-order position in the lesson (block index), for output order. */
  position: number;
  /** Prior confidence of the generator for this candidate, 0..1. */
  prior: number;
  /** Salience of the source within the lesson, 0..1. */
  salience: number;
  /** The front embeds the context its pronouns refer to (e.g. "<previous sentence> What is this called?"). */
  contextIncluded?: boolean;
  /** Set by the scorer. */
  score?: number;
  /** Reason the filter rejected it (kept for reporting). */
  rejected?: string;
}
