// Card identity across re-syncs: a generated card whose key is not in the database may still be a card
// learners already study, stored under an older key (an older key formula, or a reworded question).
// It is matched to an unclaimed row of the same lesson with the same type, answer and source passage
// (exactly, or, when only one row qualifies, a source passage that is nearly the same), so the sync can
// re-key that row instead of retiring it and creating a new one.

import { answerNorm, sourceNorm } from './key';
import { jaccard, tokenSet } from './text';

export interface IdentityFields {
  key: string;
  type: string;
  back: string;
  source: string;
}

export interface ExistingCard extends IdentityFields {
  id: string;
  retiredAt?: Date | null;
}

/** Same type, answer and source passage (normalised): the same fact, whatever the question says. */
export function cardIdentity(c: Pick<IdentityFields, 'type' | 'back' | 'source'>): string {
  return [c.type, answerNorm(c.back), sourceNorm(c.source)].join('\u241f');
}

/** Source passages this similar (Jaccard of content stems) are one passage with a small edit. */
export const NEAR_SOURCE = 0.8;

/**
 * For generated cards of ONE lesson whose key is not among `existing` (rows of the same lesson), the id
 * of the existing row to re-key, by generated key. A row is claimed at most once and never when its own
 * key is still generated; live rows are preferred to retired ones.
 */
export function matchRekeyed(generated: readonly IdentityFields[], existing: readonly ExistingCard[]): Map<string, string> {
  const generatedKeys = new Set(generated.map((g) => g.key));
  const existingKeys = new Set(existing.map((e) => e.key));
  const free = existing
    .filter((e) => !generatedKeys.has(e.key))
    .sort((a, b) => Number(Boolean(a.retiredAt)) - Number(Boolean(b.retiredAt)));
  const claimed = new Set<string>();
  const out = new Map<string, string>();
  const unmatched = generated.filter((g) => !existingKeys.has(g.key));
  // exact identity first, so a near match never takes a row another card matches exactly
  for (const g of unmatched) {
    const id = cardIdentity(g);
    const row = free.find((e) => !claimed.has(e.id) && cardIdentity(e) === id);
    if (row) {
      claimed.add(row.id);
      out.set(g.key, row.id);
    }
  }
  for (const g of unmatched) {
    if (out.has(g.key)) continue;
    const answer = answerNorm(g.back);
    const src = tokenSet(g.source);
    const rows = free.filter((e) => !claimed.has(e.id) && e.type === g.type && answerNorm(e.back) === answer && jaccard(tokenSet(e.source), src) >= NEAR_SOURCE);
    const only = rows.length === 1 ? rows[0] : undefined;
    const rivals = unmatched.filter((h) => !out.has(h.key) && h.type === g.type && answerNorm(h.back) === answer).length;
    if (only && rivals === 1) {
      claimed.add(only.id);
      out.set(g.key, only.id);
    }
  }
  return out;
}
