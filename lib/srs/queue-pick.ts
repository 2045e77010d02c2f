// The queue's next card without building the queue: the rules of buildQueue, stated so that a database can do
// the gathering and ordering with indexes and this module makes the one decision that needs FSRS's own arithmetic.
// lib/review/queue-sql.ts is the SQL side; queue-pick.test.ts checks both against buildQueue on random histories.
import { retrievabilityCalculator } from './fsrs-adapter';
import type { LearnerSrsSettings } from './settings';
import type { SrsCardState } from './types';
import type { QueueKind } from './queue';

/**
 * Retrievability falls as (now − lastReview) / stability grows, so ordering due reviews by that ratio, largest first,
 * is ordering them by lowest retrievability. SQL can compute the ratio on any database from a numeric last-review
 * time; the exact value (FSRS rounds it to 8 decimals, so near neighbours tie and then go by due date and id) is
 * settled here over the first few rows. A card with no usable memory (no last review, stability ≤ 0) has
 * retrievability 0 and sorts first; a last review in the future counts as elapsed 0.
 */
export const NO_MEMORY_RATIO = 1e300;

export function recallRatio(state: Pick<SrsCardState, 'lastReview' | 'stability'>, now: Date): number {
  if (state.lastReview === null || state.stability <= 0) return NO_MEMORY_RATIO;
  return Math.max(0, now.getTime() - state.lastReview.getTime()) / state.stability;
}

export interface ReviewCandidate {
  id: string;
  state: SrsCardState;
}

export interface ReviewChoice {
  id: string;
  /**
   * False when the candidates may not hold every card tied with the winner: the caller must offer more of them
   * (ordered by ratio) to be sure. Ties across the window's edge are rare (equal rounded retrievability).
   */
  settled: boolean;
}

/**
 * The review buildQueue would put first, among candidates given largest recall ratio first (a prefix of all due
 * reviews in that order). Null for no candidates.
 */
export function chooseReview(candidates: readonly ReviewCandidate[], now: Date, settings: LearnerSrsSettings, complete: boolean): ReviewChoice | null {
  const recall = retrievabilityCalculator(settings);
  let best: { c: ReviewCandidate; r: number } | null = null;
  let last = Number.NaN;
  for (const c of candidates) {
    const r = recall(c.state, now);
    last = r;
    if (!best || r < best.r || (r === best.r && compareDueThenId(c, best.c) < 0)) best = { c, r };
  }
  if (!best) return null;
  // Everything beyond the window has a ratio ≤ the last row's, so a retrievability ≥ the last one's, give or
  // take one rounding step of FSRS's 8 decimals (floating point may order two almost equal ratios either way).
  const settled = complete || last > best.r + 2e-8;
  return { id: best.c.id, settled };
}

function compareDueThenId(a: ReviewCandidate, b: ReviewCandidate): number {
  const d = a.state.due.getTime() - b.state.due.getTime();
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Which kind of card comes next, from today's counts: learning due now, then reviews, then new cards. */
export function nextKind(counts: { learning: number; review: number; new: number }): QueueKind | null {
  if (counts.learning > 0) return 'learning';
  if (counts.review > 0) return 'review';
  if (counts.new > 0) return 'new';
  return null;
}

/** The kind a card of this state is shown as. */
export function kindOfState(state: string): QueueKind {
  return state === 'new' ? 'new' : state === 'review' ? 'review' : 'learning';
}
