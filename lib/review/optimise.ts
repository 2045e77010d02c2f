// "Optimise my schedule": fits personal FSRS parameters to the learner's own review log, stores them, and
// reschedules their cards by replaying each card's history with the new parameters (lib/review/reschedule.ts).
import type { Db } from '@/lib/db';
import { optimiseParameters, type OptimiseResult } from '@/lib/srs/optimise';
import { isRating, type Rating } from '@/lib/srs';
import { loadSettings } from './service';
import { applyOptimisedWeights } from './reschedule';

export async function optimiseForUser(db: Db, userId: string): Promise<OptimiseResult> {
  const settings = await loadSettings(db, userId);
  const logs = await db.reviewLog.findMany({
    where: { userId },
    orderBy: [{ review: 'asc' }, { id: 'asc' }],
    select: { cardId: true, rating: true, review: true },
  });
  const byCard = new Map<string, { rating: Rating; review: Date }[]>();
  for (const l of logs) {
    if (!isRating(l.rating)) continue;
    const list = byCard.get(l.cardId) ?? [];
    list.push({ rating: l.rating, review: l.review });
    byCard.set(l.cardId, list);
  }
  const history = [...byCard].map(([cardId, reviews]) => ({ cardId, reviews }));
  const result = await optimiseParameters(history, {
    timeZone: settings.timeZone,
    dayStartHour: settings.dayStartHour,
    currentWeights: settings.weights,
    numRelearningSteps: settings.relearningSteps.length,
    timeoutMs: 60_000,
  });
  if (!result.ok || !result.improved) return result;

  await applyOptimisedWeights(db, userId, settings, result.weights, new Date());
  return result;
}

