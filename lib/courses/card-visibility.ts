// Which cards a learner may see and review, given approval and private cards. lib/review's queue and
// enrolment apply this on top of its LIVE_CARD rule (live, not suspended): one rule, one place.
import type { Prisma } from '@/lib/generated/prisma/client';

/** Cards a learner reviews: approved, and either shared (no owner) or their own private card. */
export function reviewableCardWhere(userId: string): Prisma.CardWhereInput {
  return { approval: 'approved', OR: [{ ownerId: null }, { ownerId: userId }] };
}

/**
 * The same rule for raw SQL over `"Card" c` (the review queue's join):
 *   AND c."approval" = 'approved' AND (c."ownerId" IS NULL OR c."ownerId" = ${userId})
 */
export const REVIEWABLE_CARD_SQL = `c."approval" = 'approved' AND (c."ownerId" IS NULL OR c."ownerId" = ?)`;

/**
 * A class assignment's cards, in raw SQL over `"Card" c`: shared, approved and not suspended, the cards every member
 * of the class reviews (a learner's private card or one awaiting approval is nobody else's). The dashboard and the
 * recall forecast count these.
 */
export const ASSIGNED_CARD_SQL = `c."suspended" = false AND c."approval" = 'approved' AND c."ownerId" IS NULL`;

/** Shared cards an instructor of the course manages (never a learner's private card). */
export const SHARED_CARD_WHERE: Prisma.CardWhereInput = { ownerId: null };
