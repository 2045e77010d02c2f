// Shared helpers for lib/srs tests: a seeded PRNG and a JSON round trip like a database would do.
// Not exported from index.ts.
import type { SrsCardState } from './types';

/** mulberry32: small, fast, seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Serialise a card state to JSON and back, reviving its dates. */
export function roundTripState(state: SrsCardState): SrsCardState {
  const raw = JSON.parse(JSON.stringify(state)) as Omit<SrsCardState, 'due' | 'lastReview'> & {
    due: string;
    lastReview: string | null;
  };
  return { ...raw, due: new Date(raw.due), lastReview: raw.lastReview === null ? null : new Date(raw.lastReview) };
}
