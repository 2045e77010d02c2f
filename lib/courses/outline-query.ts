// The one query shape for "a course's live modules and lessons, in order" (Prisma include fragments), so the
// learner outline, the catalogue, the card editor and class pages agree on what is live and in what order.
import type { Prisma } from '@/lib/generated/prisma/client';
import { reviewableCardWhere } from './card-visibility';

const ORDER = { order: 'asc' } as const;

/** Live lessons in order, selecting `select`. */
export function liveLessons<S extends Prisma.LessonSelect>(select: S) {
  return { where: { retiredAt: null }, orderBy: ORDER, select } as const;
}

/** Live modules in order, with their live lessons in order (selecting `lessonSelect`). */
export function liveModules<S extends Prisma.LessonSelect>(lessonSelect: S) {
  return {
    where: { retiredAt: null },
    orderBy: ORDER,
    select: { id: true, key: true, title: true, description: true, order: true, prerequisites: true, lessons: liveLessons(lessonSelect) },
  } as const;
}

/** Shared cards every learner of a course gets (catalogue counts): live, not suspended, approved, not private. */
export const LEARNER_CARD_WHERE = { retiredAt: null, suspended: false, approval: 'approved', ownerId: null } as const satisfies Prisma.CardWhereInput;

/** The cards this learner gets from a lesson: the shared ones plus their own private cards. */
export function learnerCardWhere(userId: string): Prisma.CardWhereInput {
  return { retiredAt: null, suspended: false, ...reviewableCardWhere(userId) };
}
