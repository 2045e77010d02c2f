// Today's queue read by indexed SQL: the counts in one statement and the next card (with what the screen shows of
// it) in one more, instead of reading every due row and ordering them in JavaScript. The rules are buildQueue's
// (lib/srs/queue.ts); lib/srs/queue-pick.ts makes the one decision that needs FSRS's arithmetic, and
// queue-sql.test.ts checks the two agree on random histories. Plain SQL that SQLite and PostgreSQL both accept.
import { Prisma } from '@/lib/generated/prisma/client';
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

type Tx = Prisma.TransactionClient;

/** A card counts only while it, its lesson and its module are live, no instructor suspended it and it is no leech. */
const LIVE = Prisma.sql`
  JOIN "Card" c ON c."id" = cs."cardId" AND c."suspended" = false AND c."retiredAt" IS NULL
  JOIN "Lesson" l ON l."id" = c."lessonId" AND l."retiredAt" IS NULL
  JOIN "Module" m ON m."id" = l."moduleId" AND m."retiredAt" IS NULL`;

const LEARNING = Prisma.sql`cs."state" IN ('learning', 'relearning')`;

function num(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v ?? 0);
}

function date(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  // An aggregate (MIN) loses SQLite's declared DATETIME type and comes back as the stored text.
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function stateName(value: string): SrsStateName {
  return CARD_STATES.find((s) => s === value) ?? 'new';
}

export interface QueueSummary {
  counts: QueueCounts;
  /** When the next (re)learning card due later today comes back. */
  nextLearningDue: Date | null;
  canUndo: boolean;
}

/** Today's counts, the next learning card's time and whether there is anything to undo: one statement. */
export async function queueSummary(db: Db | Tx, userId: string, settings: LearnerSrsSettings, now: Date): Promise<QueueSummary> {
  const endOfDay = nextDayStart(now, settings.timeZone, settings.dayStartHour);
  const startOfDay = dayStart(now, settings.timeZone, settings.dayStartHour);
  const mine = Prisma.sql`cs."userId" = ${userId} AND cs."leech" = false`;
  const [row] = await db.$queryRaw<{ learning: unknown; review: unknown; fresh: unknown; nextLearning: unknown; introduced: unknown; canUndo: unknown }[]>`
    SELECT
      (SELECT COUNT(*) FROM "CardState" cs ${LIVE} WHERE ${mine} AND ${LEARNING} AND cs."due" <= ${now}) AS "learning",
      (SELECT COUNT(*) FROM "CardState" cs ${LIVE} WHERE ${mine} AND cs."state" = 'review' AND cs."due" < ${endOfDay}) AS "review",
      (SELECT COUNT(*) FROM (SELECT 1 AS "one" FROM "CardState" cs ${LIVE} WHERE ${mine} AND cs."state" = 'new' LIMIT ${settings.newPerDay}) AS "n") AS "fresh",
      (SELECT MIN(cs."due") FROM "CardState" cs ${LIVE} WHERE ${mine} AND ${LEARNING} AND cs."due" > ${now} AND cs."due" < ${endOfDay}) AS "nextLearning",
      (SELECT COUNT(DISTINCT r."cardId") FROM "ReviewLog" r WHERE r."userId" = ${userId} AND r."state" = 'new' AND r."review" >= ${startOfDay} AND r."review" < ${endOfDay}) AS "introduced",
      (SELECT COUNT(*) FROM (SELECT 1 AS "one" FROM "ReviewLog" r WHERE r."userId" = ${userId} LIMIT 1) AS "u") AS "canUndo"`;
  if (!row) throw new Error('queue summary returned no row');
  const introduced = num(row.introduced);
  const newLimit = Math.max(0, settings.newPerDay - Math.max(0, introduced));
  return {
    counts: { learning: num(row.learning), review: num(row.review), new: Math.min(newLimit, num(row.fresh)) },
    nextLearningDue: date(row.nextLearning),
    canUndo: num(row.canUndo) > 0,
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
  version: unknown;
  state: string;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: unknown;
  scheduledDays: unknown;
  learningSteps: unknown;
  reps: unknown;
  lapses: unknown;
  lastReview: Date | null;
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
    version: num(r.version),
    state: {
      state,
      due: r.due,
      stability: r.stability,
      difficulty: r.difficulty,
      elapsedDays: num(r.elapsedDays),
      scheduledDays: num(r.scheduledDays),
      learningSteps: num(r.learningSteps),
      reps: num(r.reps),
      lapses: num(r.lapses),
      lastReview: r.lastReview,
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

async function cardRows(db: Db | Tx, userId: string, where: Prisma.Sql, order: Prisma.Sql, limit: number | null): Promise<QueueCardRow[]> {
  const rows = await db.$queryRaw<RawCardRow[]>`
    SELECT cs."cardId", cs."version", cs."state", cs."due", cs."stability", cs."difficulty", cs."elapsedDays",
      cs."scheduledDays", cs."learningSteps", cs."reps", cs."lapses", cs."lastReview",
      c."type", c."front", c."back", c."editedFront", c."editedBack", c."source", c."anchor",
      l."key" AS "lessonKey", l."title" AS "lessonTitle", m."key" AS "moduleKey", co."key" AS "courseKey"
    FROM "CardState" cs ${LIVE}
    JOIN "Course" co ON co."id" = m."courseId"
    WHERE cs."userId" = ${userId} AND cs."leech" = false AND ${where}
    ORDER BY ${order}
    ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return rows.map(toCardRow);
}

/** Review candidates per round: the retrievability decision rarely needs more than the first one. */
const REVIEW_WINDOW = 8;

/** The card buildQueue would show first, given today's counts from queueSummary; null when nothing is due. */
export async function nextQueueCard(db: Db | Tx, userId: string, settings: LearnerSrsSettings, counts: QueueCounts, now: Date): Promise<QueueCardRow | null> {
  switch (nextKind(counts)) {
    case 'learning': {
      const [row] = await cardRows(db, userId, Prisma.sql`${LEARNING} AND cs."due" <= ${now}`, Prisma.sql`cs."due", cs."cardId"`, 1);
      return row ?? null;
    }
    case 'review': {
      const endOfDay = nextDayStart(now, settings.timeZone, settings.dayStartHour);
      const nowMs = now.getTime();
      // Largest elapsed / stability first = lowest retrievability first (see lib/srs/queue-pick.ts).
      const ratio = Prisma.sql`CASE WHEN cs."lastReviewMs" IS NULL OR cs."stability" <= 0 THEN ${NO_MEMORY_RATIO}
        WHEN cs."lastReviewMs" > ${nowMs} THEN 0 ELSE (${nowMs} - cs."lastReviewMs") / cs."stability" END`;
      const where = Prisma.sql`cs."state" = 'review' AND cs."due" < ${endOfDay}`;
      const order = Prisma.sql`${ratio} DESC, cs."due", cs."cardId"`;
      let rows = await cardRows(db, userId, where, order, REVIEW_WINDOW);
      let choice = chooseReview(rows.map((r) => ({ id: r.cardId, state: r.state })), now, settings, rows.length < REVIEW_WINDOW);
      if (choice && !choice.settled) {
        rows = await cardRows(db, userId, where, order, null);
        choice = chooseReview(rows.map((r) => ({ id: r.cardId, state: r.state })), now, settings, true);
      }
      return rows.find((r) => r.cardId === choice?.id) ?? null;
    }
    case 'new': {
      const [row] = await cardRows(db, userId, Prisma.sql`cs."state" = 'new'`, Prisma.sql`cs."sortKey", cs."cardId"`, 1);
      return row ?? null;
    }
    default:
      return null;
  }
}

/** One of the learner's live, non-leech cards by id (an undone card comes back at once, as in Anki). */
export async function queueCardById(db: Db | Tx, userId: string, cardId: string): Promise<QueueCardRow | null> {
  const [row] = await cardRows(db, userId, Prisma.sql`cs."cardId" = ${cardId}`, Prisma.sql`cs."cardId"`, 1);
  return row ?? null;
}
