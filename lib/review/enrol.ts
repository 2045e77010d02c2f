// Cards a content sync added join the reviews of every learner who should have them: those who completed the
// card's lesson and members of a class its module is assigned to. One set-based statement, run after a sync,
// so the review screen never has to check on each render (lesson completion and assignment enrol directly).
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { newCardState } from '@/lib/srs';

type Tx = Prisma.TransactionClient;

/** Adds the missing new-card states; returns how many. Portable SQL (SQLite and PostgreSQL). */
export async function enrollMissingCards(db: Db | Tx, now: Date): Promise<number> {
  // The same start state and queue position as enrollLessonCards (lib/review/service.ts).
  const s = newCardState(now);
  // No DISTINCT: the UNION already gives each (learner, lesson) once and a card has one lesson. It also matters on
  // PostgreSQL, which types a bare parameter in INSERT … SELECT by its target column but not under DISTINCT.
  return db.$executeRaw`
    INSERT INTO "CardState" ("userId", "cardId", "state", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
      "learningSteps", "reps", "lapses", "lastReview", "lastReviewMs", "leech", "version", "sortKey", "addedAt")
    SELECT w."userId", c."id", ${s.state}, ${s.due}, ${s.stability}, ${s.difficulty}, ${s.elapsedDays}, ${s.scheduledDays},
      ${s.learningSteps}, ${s.reps}, ${s.lapses}, NULL, NULL, false, 0,
      m."order" * 1000000 + l."order" * 1000 + CASE WHEN c."position" > 999 THEN 999 ELSE c."position" END, ${now}
    FROM (
      SELECT lp."userId" AS "userId", lp."lessonId" AS "lessonId" FROM "LessonProgress" lp WHERE lp."completedAt" IS NOT NULL
      UNION
      SELECT cm."userId" AS "userId", al."id" AS "lessonId"
      FROM "ClassMember" cm JOIN "Assignment" a ON a."classId" = cm."classId" JOIN "Lesson" al ON al."moduleId" = a."moduleId"
    ) w
    JOIN "Lesson" l ON l."id" = w."lessonId" AND l."retiredAt" IS NULL
    JOIN "Module" m ON m."id" = l."moduleId" AND m."retiredAt" IS NULL
    JOIN "Card" c ON c."lessonId" = l."id" AND c."suspended" = false AND c."retiredAt" IS NULL
      AND c."approval" = 'approved' AND (c."ownerId" IS NULL OR c."ownerId" = w."userId")
    WHERE NOT EXISTS (SELECT 1 FROM "CardState" cs WHERE cs."userId" = w."userId" AND cs."cardId" = c."id")`;
}
