// Stable card keys: a short hash of lesson, type, normalised answer and normalised source passage.
// The question's wording is left out on purpose, so rewording a question (a better rule, an LLM) keeps
// the card and every learner's history on it; only a changed fact (answer or passage) is a new card.

import type { CardType } from './types';
import { contentStems } from './text';

/** 64-bit FNV-1a over UTF-16 code units, as 16 hex digits (no crypto dependency: keys, not secrets). */
export function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

/** Order-insensitive normal form of a question: its sorted unique content stems. */
export function questionStem(front: string): string {
  return [...new Set(contentStems(front.replace(/\[\.\.\.\]/g, ' ')))].sort().join(' ');
}

export function answerNorm(back: string): string {
  return contentStems(back).join(' ') || back.trim().toLowerCase();
}

/** The source passage without case, punctuation, stopwords or word endings. */
export function sourceNorm(source: string): string {
  return contentStems(source).join(' ') || source.trim().toLowerCase();
}

export function cardKey(lessonKey: string, type: CardType, back: string, source: string): string {
  return fnv1a64([lessonKey, type, answerNorm(back), sourceNorm(source)].join('\u241f')).slice(0, 16);
}
