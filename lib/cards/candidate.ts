// The intermediate card candidate every generator emits before scoring, filtering and keying.

import type { Lesson } from '../content/types';
import { cardKey } from './key';
import type { CardType, GeneratedCard } from './types';

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

/** The card a kept candidate becomes: its stable key plus the fields the sync stores. */
export function candidateToCard(lesson: Lesson, c: Candidate, score: number): GeneratedCard {
  return {
    key: cardKey(lesson.key, c.type, c.back, c.source),
    lessonKey: lesson.key,
    moduleKey: lesson.moduleKey,
    type: c.type,
    front: c.front,
    back: c.back,
    source: c.source,
    anchor: c.anchor,
    score,
    origin: c.origin,
  };
}
