// Today's queue read by indexed SQL: the counts in one statement and the next card (with what the screen shows of
// it) in one more, instead of reading every due row and ordering them in JavaScript. The rules are buildQueue's
// (lib/srs/queue.ts); lib/srs/queue-pick.ts makes the one decision that needs FSRS's arithmetic, and
// queue-sql.test.ts checks the two agree on random histories. Plain SQL that SQLite and PostgreSQL both accept,
// run through the review loop's store (store.ts, one interface over better-sqlite3 and pg).
import type { Db } from '@/lib/db';
import {
  CARD_STATES,
  dayStart,
  nextDayStart,
  type LearnerSrsSettings,
  type QueueCounts,
  type QueueKind,
  type SrsCardState,
  type SrsStateName,
} from '@/lib/srs';
import { chooseReview, kindOfState, NO_MEMORY_RATIO, nextKind } from '@/lib/srs/queue-pick';
import { fromSqlTime, runnerOf, sqlTime, type SqlRunner } from './store';

/**
 * A card counts only while it, its lesson and its module are live, no instructor suspended it, it is approved and it
 * is shared or the learner's own private card (lib/courses/card-visibility.ts, the same rule for Prisma reads).
 */
const LIVE = `
  JOIN "Card" c ON c."id" = cs."cardId" AND c."suspended" = false AND c."retiredAt" IS NULL
    AND c."approval" = 'approved' AND (c."ownerId" IS NULL OR c."ownerId" = cs."userId")
  JOIN "Lesson" l ON l."id" = c."lessonId" AND l."retiredAt" IS NULL
  JOIN "Module" m ON m."id" = l."moduleId" AND m."retiredAt" IS NULL`;
/** The learner's cards, leeches left out. */
const MINE = `cs."userId" = ? AND cs."leech" = false`;
const LEARNING = `cs."state" IN ('learning', 'relearning')`;

export function stateName(value: string): SrsStateName {
  return CARD_STATES.find((s) => s === value) ?? 'new';
}

export interface QueueSummary {
  counts: QueueCounts;
  /** When the next (re)learning card due later today comes back. */
  nextLearningDue: Date | null;
  canUndo: boolean;
}

const SUMMARY_SQL = `
  SELECT
    (SELECT COUNT(*) FROM "CardState" cs ${LIVE} WHERE ${MINE} AND ${LEARNING} AND cs."due" <= ?) AS "learning",
    (SELECT COUNT(*) FROM "CardState" cs ${LIVE} WHERE ${MINE} AND cs."state" = 'review' AND cs."due" < ?) AS "review",
    (SELECT COUNT(*) FROM (SELECT 1 AS "one" FROM "CardState" cs ${LIVE} WHERE ${MINE} AND cs."state" = 'new' LIMIT ?) AS "n") AS "fresh",
    (SELECT MIN(cs."due") FROM "CardState" cs ${LIVE} WHERE ${MINE} AND ${LEARNING} AND cs."due" > ? AND cs."due" < ?) AS "nextLearning",
    (SELECT COUNT(DISTINCT r."cardId") FROM "ReviewLog" r WHERE r."userId" = ? AND r."state" = 'new' AND r."review" >= ? AND r."review" < ?) AS "introduced",
    (SELECT COUNT(*) FROM (SELECT 1 AS "one" FROM "ReviewLog" r WHERE r."userId" = ? LIMIT 1) AS "u") AS "canUndo"`;

type SummaryRow = { learning: number; review: number; fresh: number; nextLearning: string | null; introduced: number; canUndo: number };

/** Today's counts, the next learning card's time and whether there is anything to undo: one statement. */
export async function queueSummary(db: Db | SqlRunner, userId: string, settings: LearnerSrsSettings, now: Date): Promise<QueueSummary> {
  const end = sqlTime(nextDayStart(now, settings.timeZone, settings.dayStartHour));
  const start = sqlTime(dayStart(now, settings.timeZone, settings.dayStartHour));
  const at = sqlTime(now);
  // prettier-ignore
  const row = await runnerOf(db).get<SummaryRow>(SUMMARY_SQL,
    userId, at,
    userId, end,
    userId, settings.newPerDay,
    userId, at, end,
    userId, start, end,
    userId,
  );
  if (!row) throw new Error('queue summary returned no row');
  const newLimit = Math.max(0, settings.newPerDay - Math.max(0, row.introduced));
  return {
    counts: { learning: row.learning, review: row.review, new: Math.min(newLimit, row.fresh) },
    nextLearningDue: fromSqlTime(row.nextLearning),
    canUndo: row.canUndo > 0,
  };
}

/** A card as the review screen needs it: its state (to preview intervals and check the version) and its text. */
export interface QueueCardRow {
  cardId: string;
  kind: QueueKind;
  version: number;
  state: SrsCardState;
  type: string;
  front: string;
  back: string;
  source: string;
  anchor: string;
  lessonKey: string;
  lessonTitle: string;
  moduleKey: string;
  courseKey: string;
}

type RawCardRow = {
  cardId: string;
  version: number;
  state: string;
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
  type: string;
  front: string;
  back: string;
  editedFront: string | null;
  editedBack: string | null;
  source: string;
  anchor: string;
  lessonKey: string;
  lessonTitle: string;
  moduleKey: string;
  courseKey: string;
};

function toCardRow(r: RawCardRow): QueueCardRow {
  const state = stateName(r.state);
  return {
    cardId: r.cardId,
    kind: kindOfState(state),
    version: r.version,
    state: {
      state,
      due: new Date(r.due),
      stability: r.stability,
      difficulty: r.difficulty,
      elapsedDays: r.elapsedDays,
      scheduledDays: r.scheduledDays,
      learningSteps: r.learningSteps,
      reps: r.reps,
      lapses: r.lapses,
      lastReview: fromSqlTime(r.lastReview),
    },
    type: r.type,
    front: r.editedFront ?? r.front,
    back: r.editedBack ?? r.back,
    source: r.source,
    anchor: r.anchor,
    lessonKey: r.lessonKey,
    lessonTitle: r.lessonTitle,
    moduleKey: r.moduleKey,
    courseKey: r.courseKey,
  };
}

const CARD_SQL = `
  SELECT cs."cardId", cs."version", cs."state", cs."due", cs."stability", cs."difficulty", cs."elapsedDays",
    cs."scheduledDays", cs."learningSteps", cs."reps", cs."lapses", cs."lastReview",
    c."type", c."front", c."back", c."editedFront", c."editedBack", c."source", c."anchor",
    l."key" AS "lessonKey", l."title" AS "lessonTitle", m."key" AS "moduleKey", co."key" AS "courseKey"
  FROM "CardState" cs ${LIVE}
  JOIN "Course" co ON co."id" = m."courseId"
  WHERE ${MINE} AND`;

// Largest elapsed / stability first = lowest retrievability first (see lib/srs/queue-pick.ts).
const RATIO = `CASE WHEN cs."lastReviewMs" IS NULL OR cs."stability" <= 0 THEN ${NO_MEMORY_RATIO}
  WHEN cs."lastReviewMs" > ? THEN 0 ELSE (? - cs."lastReviewMs") / cs."stability" END`;

/**
 * The first reviews by ratio, ordered on CardState alone (the index range plus two columns) and only then joined to
 * the card tables for liveness and text: a heavy learner's ~1,000 due reviews are sorted without ~4,000 joins.
 * Dead cards among them only shorten the list; the caller falls back to the full query when unsure.
 */
const TOP_REVIEWS = `
  SELECT cs."cardId", cs."version", cs."state", cs."due", cs."stability", cs."difficulty", cs."elapsedDays",
    cs."scheduledDays", cs."learningSteps", cs."reps", cs."lapses", cs."lastReview",
    c."type", c."front", c."back", c."editedFront", c."editedBack", c."source", c."anchor",
    l."key" AS "lessonKey", l."title" AS "lessonTitle", m."key" AS "moduleKey", co."key" AS "courseKey"
  FROM (
    SELECT cs.*, ${RATIO} AS "ratio" FROM "CardState" cs
    WHERE ${MINE} AND cs."state" = 'review' AND cs."due" < ?
    ORDER BY "ratio" DESC, cs."due", cs."cardId" LIMIT ?
  ) cs ${LIVE}
  JOIN "Course" co ON co."id" = m."courseId"
  ORDER BY cs."ratio" DESC, cs."due", cs."cardId"`;

const QUERIES = {
  learning: `${CARD_SQL} ${LEARNING} AND cs."due" <= ? ORDER BY cs."due", cs."cardId" LIMIT 1`,
  allReviews: `${CARD_SQL} cs."state" = 'review' AND cs."due" < ? ORDER BY ${RATIO} DESC, cs."due", cs."cardId"`,
  fresh: `${CARD_SQL} cs."state" = 'new' ORDER BY cs."sortKey", cs."cardId" LIMIT 1`,
  byId: `${CARD_SQL} cs."cardId" = ?`,
};

async function cardRows(db: Db | SqlRunner, sql: string, ...params: unknown[]): Promise<QueueCardRow[]> {
  return (await runnerOf(db).all<RawCardRow>(sql, ...params)).map(toCardRow);
}

/** Review candidates per round: the retrievability decision rarely needs more than the first few. */
const REVIEW_WINDOW = 16;

/** The card buildQueue would show first, given today's counts from queueSummary; null when nothing is due. */
export async function nextQueueCard(db: Db | SqlRunner, userId: string, settings: LearnerSrsSettings, counts: QueueCounts, now: Date): Promise<QueueCardRow | null> {
  switch (nextKind(counts)) {
    case 'learning':
      return (await cardRows(db, QUERIES.learning, userId, sqlTime(now)))[0] ?? null;
    case 'review': {
      const end = sqlTime(nextDayStart(now, settings.timeZone, settings.dayStartHour));
      const nowMs = now.getTime();
      // RATIO's two parameters come before the learner's in TOP_REVIEWS (it is in the inner SELECT list).
      let rows = await cardRows(db, TOP_REVIEWS, nowMs, nowMs, userId, end, REVIEW_WINDOW);
      let choice = chooseReview(rows.map((r) => ({ id: r.cardId, state: r.state })), now, settings, false);
      // None live among the first rows, or a tie that may reach past them: decide over all of them.
      if (!choice?.settled) {
        rows = await cardRows(db, QUERIES.allReviews, userId, end, nowMs, nowMs);
        choice = chooseReview(rows.map((r) => ({ id: r.cardId, state: r.state })), now, settings, true);
      }
      return rows.find((r) => r.cardId === choice?.id) ?? null;
    }
    case 'new':
      return (await cardRows(db, QUERIES.fresh, userId))[0] ?? null;
    default:
      return null;
  }
}

/** One of the learner's live, non-leech cards by id (an undone card comes back at once, as in Anki). */
export async function queueCardById(db: Db | SqlRunner, userId: string, cardId: string): Promise<QueueCardRow | null> {
  return (await cardRows(db, QUERIES.byId, userId, cardId))[0] ?? null;
}
