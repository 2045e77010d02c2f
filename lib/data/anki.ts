// Reads for the Anki page: how many cards and reviews the signed-in learner would download.
import 'server-only';
import { db } from '@/lib/db';

export async function ankiPageData(userId: string): Promise<{ cards: number; reviews: number }> {
  const [cards, reviews] = await Promise.all([
    db.cardState.count({ where: { userId, card: { retiredAt: null, lesson: { retiredAt: null, module: { retiredAt: null } } } } }),
    db.reviewLog.count({ where: { userId } }),
  ]);
  return { cards, reviews };
}
