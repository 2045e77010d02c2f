// Today's review queue: which cards to show and in what order, plus the daily new-card count.
// The one place queue rules live; pages and actions call this instead of re-deriving limits.
import { dayStart, nextDayStart } from './days';
import { retrievabilityCalculator } from './fsrs-adapter';
import type { LearnerSrsSettings } from './settings';
import type { SrsCardState, SrsStateName } from './types';

export interface QueueCard {
  id: string;
  state: SrsCardState;
  suspended: boolean;
  retired: boolean;
  /** Position for new cards, compared element by element: e.g. [lessonOrder, cardOrder]. */
  order: number | readonly number[];
}

export type QueueKind = 'learning' | 'review' | 'new';

export interface QueueItem {
  id: string;
  kind: QueueKind;
}

export interface QueueCounts {
  new: number;
  learning: number;
  review: number;
}

export interface ReviewQueue {
  /** Learning due now (by due time), then due reviews (least retrievable first), then new cards. */
  items: QueueItem[];
  counts: QueueCounts;
  /** (Re)learning cards due later in the current learner day, soonest first: the UI can wait for them. */
  learningLaterToday: { id: string; due: Date }[];
}

export interface BuildQueueInput {
  cards: readonly QueueCard[];
  now: Date;
  settings: LearnerSrsSettings;
  /** New cards already introduced today (see `countIntroducedToday`). */
  newIntroducedToday: number;
}

function compareOrder(a: number | readonly number[], b: number | readonly number[]): number {
  const left = typeof a === 'number' ? [a] : a;
  const right = typeof b === 'number' ? [b] : b;
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    // A shorter key sorts first when it is a prefix of the longer one.
    const x = left[i] ?? Number.NEGATIVE_INFINITY;
    const y = right[i] ?? Number.NEGATIVE_INFINITY;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildQueue({ cards, now, settings, newIntroducedToday }: BuildQueueInput): ReviewQueue {
  const endOfDay = nextDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const nowMs = now.getTime();
  const recall = retrievabilityCalculator(settings);

  const learningNow: QueueCard[] = [];
  const learningLater: QueueCard[] = [];
  const reviews: { card: QueueCard; r: number }[] = [];
  const fresh: QueueCard[] = [];

  for (const card of cards) {
    if (card.suspended || card.retired) continue;
    const { state } = card;
    const due = state.due.getTime();
    switch (state.state) {
      case 'learning':
      case 'relearning':
        if (due <= nowMs) learningNow.push(card);
        else if (due < endOfDay) learningLater.push(card);
        break;
      case 'review':
        if (due < endOfDay) reviews.push({ card, r: recall(state, now) });
        break;
      case 'new':
        fresh.push(card);
        break;
    }
  }

  const byDue = (a: QueueCard, b: QueueCard): number =>
    a.state.due.getTime() - b.state.due.getTime() || compareIds(a.id, b.id);
  learningNow.sort(byDue);
  learningLater.sort(byDue);
  reviews.sort((a, b) => a.r - b.r || byDue(a.card, b.card));
  fresh.sort((a, b) => compareOrder(a.order, b.order) || compareIds(a.id, b.id));

  const newLimit = Math.max(0, settings.newPerDay - Math.max(0, newIntroducedToday));
  const newCards = fresh.slice(0, newLimit);

  return {
    items: [
      ...learningNow.map((c) => ({ id: c.id, kind: 'learning' as const })),
      ...reviews.map(({ card }) => ({ id: card.id, kind: 'review' as const })),
      ...newCards.map((c) => ({ id: c.id, kind: 'new' as const })),
    ],
    counts: { learning: learningNow.length, review: reviews.length, new: newCards.length },
    learningLaterToday: learningLater.map((c) => ({ id: c.id, due: new Date(c.state.due.getTime()) })),
  };
}

export interface IntroductionLog {
  cardId: string;
  /** State before the review. */
  state: SrsStateName;
  review: Date;
}

/** Distinct cards first studied (graded while 'new') in the learner's current day. */
export function countIntroducedToday(
  logs: readonly IntroductionLog[],
  now: Date,
  settings: Pick<LearnerSrsSettings, 'timeZone' | 'dayStartHour'>,
): number {
  const start = dayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const end = nextDayStart(now, settings.timeZone, settings.dayStartHour).getTime();
  const introduced = new Set<string>();
  for (const log of logs) {
    const t = log.review.getTime();
    if (log.state === 'new' && t >= start && t < end) introduced.add(log.cardId);
  }
  return introduced.size;
}
