// The rest of today's reviews for the browser to keep (lib/offline/deck.ts): today's queue in order, then the
// learning cards that come back later today, each with its full state, version and text.
import type { Db } from '@/lib/db';
import type { LearnerSrsSettings } from '@/lib/srs';
import { toStored, type OfflineCard, type OfflineDeck } from '@/lib/offline/deck';
import { lessonHref } from '@/lib/course-urls';
import { queueCardById } from './queue-sql';
import { loadQueue } from './service';

/** Cards kept per learner: a long day's reviews, without making the copy heavy. */
export const OFFLINE_DECK_LIMIT = 300;

export async function offlineDeck(db: Db, userId: string, settings: LearnerSrsSettings, now: Date): Promise<OfflineDeck> {
  const queue = await loadQueue(db, userId, settings, now);
  const ids = [...queue.items.map((i) => i.id), ...queue.learningLaterToday.map((c) => c.id)].slice(0, OFFLINE_DECK_LIMIT);
  const cards: OfflineCard[] = [];
  for (const id of ids) {
    const row = await queueCardById(db, userId, id);
    if (!row) continue;
    cards.push({
      id: row.cardId,
      version: row.version,
      type: row.type,
      front: row.front,
      back: row.back,
      source: row.source,
      lesson: { title: row.lessonTitle, href: lessonHref(row.courseKey, row.moduleKey, row.lessonKey, row.anchor) },
      state: toStored(row.state),
    });
  }
  return { userId, savedAt: now.toISOString(), settings, cards };
}
