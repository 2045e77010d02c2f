// Stable card keys: a short hash of lesson, type, normalised answer and normalised question stem,
// so the same fact keeps its key when unrelated text around it changes.

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

export function cardKey(lessonKey: string, type: CardType, front: string, back: string): string {
  return fnv1a64([lessonKey, type, answerNorm(back), questionStem(front)].join('\u241f')).slice(0, 16);
}
