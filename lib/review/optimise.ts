// "Optimise my schedule": fits personal FSRS parameters to the learner's own review log, stores them, and
// reschedules their cards by replaying each card's history with the new parameters.
import type { Db } from '@/lib/db';
import { optimiseParameters, type OptimiseResult } from '@/lib/srs/optimise';
import { isRating, replayReviews, type Rating } from '@/lib/srs';
import { loadSettings, stateColumns } from './service';

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

  const next = { ...settings, weights: result.weights };
  const states = await db.cardState.findMany({ where: { userId, reps: { gt: 0 } }, select: { cardId: true, addedAt: true } });
  await db.$transaction(
    async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { fsrsWeights: JSON.stringify(result.weights), fsrsOptimisedAt: new Date() } });
      for (const s of states) {
        const replayed = replayReviews(byCard.get(s.cardId) ?? [], next, s.cardId, s.addedAt);
        await tx.cardState.update({
          where: { userId_cardId: { userId, cardId: s.cardId } },
          data: { ...stateColumns(replayed), version: { increment: 1 } },
        });
      }
    },
    { timeout: 120_000 },
  );
  return result;
}

