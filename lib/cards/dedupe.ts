// Near-duplicate detection between cards: token sets of content stems compared with Jaccard,
// plus a same-answer rule (two cards asking for the same thing in different words).

import { canonical, jaccard, tokenSet } from './text';

export interface Comparable {
  front: string;
  back: string;
}

interface Signature {
  all: Set<string>;
  front: Set<string>;
  back: string;
}

const signatures = new WeakMap<Comparable, Signature>();

function signature(c: Comparable): Signature {
  let s = signatures.get(c);
  if (!s) {
    const front = tokenSet(c.front.replace(/\[\.\.\.\]/g, ' '));
    const all = new Set([...front, ...tokenSet(c.back)]);
    s = { all, front, back: canonical(c.back) };
    signatures.set(c, s);
  }
  return s;
}

/** Two cards test the same fact. */
export function isNearDuplicate(a: Comparable, b: Comparable): boolean {
  const sa = signature(a);
  const sb = signature(b);
  if (jaccard(sa.all, sb.all) >= 0.6) return true;
  // same answer to a similar question (numbers repeat across unrelated facts, so they need more overlap)
  const numeric = /^[\d\s.,]+$/.test(sa.back);
  if (sa.back && sa.back === sb.back && jaccard(sa.front, sb.front) >= (numeric ? 0.3 : 0.2)) return true;
  return false;
}

/** Keep cards in order, dropping each one that nearly duplicates an earlier kept card. */
export function dedupe<T extends Comparable>(cards: readonly T[], kept: T[] = []): T[] {
  const out: T[] = [];
  for (const c of cards) {
    if (kept.some((k) => isNearDuplicate(k, c)) || out.some((k) => isNearDuplicate(k, c))) continue;
    out.push(c);
  }
  return out;
}
