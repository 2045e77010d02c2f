// Instructor reads: the course's lessons with card counts, and one lesson's cards with their flags.
import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_COURSE_ORDER } from '@/lib/course-urls';

/** What the card editor shows of a card: generated and edited text, suspension and open flags. */
const EDITOR_CARD = {
  id: true,
  type: true,
  front: true,
  back: true,
  editedFront: true,
  editedBack: true,
  source: true,
  suspended: true,
  flags: { where: { resolvedAt: null }, select: { reason: true, createdAt: true } },
} as const;

export async function getCardOverview() {
  const course = await db.course.findFirst({
    orderBy: DEFAULT_COURSE_ORDER,
    include: {
      modules: {
        where: { retiredAt: null },
        orderBy: { order: 'asc' },
        include: {
          lessons: {
            where: { retiredAt: null },
            orderBy: { order: 'asc' },
            select: { id: true, title: true, _count: { select: { cards: { where: { retiredAt: null } } } } },
          },
        },
      },
    },
  });
  const openFlags = await db.cardFlag.count({ where: { resolvedAt: null, card: { retiredAt: null } } });
  return { course, openFlags };
}

export async function getLessonCards(lessonId: string) {
  return db.lesson.findFirst({
    where: { id: lessonId, retiredAt: null },
    select: {
      id: true,
      title: true,
      cards: {
        where: { retiredAt: null },
        orderBy: { position: 'asc' },
        select: EDITOR_CARD,
      },
    },
  });
}

export async function getFlaggedCards() {
  return db.card.findMany({
    where: { retiredAt: null, flags: { some: { resolvedAt: null } } },
    select: EDITOR_CARD,
    take: 200,
  });
}

export type TeachCard = NonNullable<Awaited<ReturnType<typeof getLessonCards>>>['cards'][number];
