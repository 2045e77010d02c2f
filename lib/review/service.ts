// Reviews against the database: which cards a learner has, today's queue, grading and undo.
// Pure scheduling lives in lib/srs; this module only loads, calls it and saves, one transaction per write.
// Callers pass the signed-in user's id (never an id from the client) and the server's clock.
import { reviewableCardWhere } from '@/lib/courses/card-visibility';
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  buildQueue,
  countIntroducedToday,
  dayStart,
  gradeCard,
  isRating,
  newCardState,
  nextDayStart,
  previewIntervals,
  undoGrade,
  type LearnerSrsSettings,
  type QueueCard,
  type Rating,
  type SrsCardState,
  type SrsReviewLog,
} from '@/lib/srs';
import { settingsFromUser, USER_SETTINGS_SELECT, type UserSettingsRow } from './settings';
import { lessonHref } from '@/lib/course-urls';
import { nextQueueCard, queueCardById, queueSummary, stateName, type QueueCardRow } from './queue-sql';
import { fromSqlTime, isUniqueViolation, sqlTime, storeFor, type SqlRunner } from './store';
import { randomUUID } from 'node:crypto';
import type { ReviewCardView, ReviewSnapshot } from '@/lib/srs/review-view';

type Tx = Prisma.TransactionClient;

/**
 * A card counts only while it, its lesson and its module are live, no instructor suspended it and it is approved:
 * the Prisma form of queue-sql.ts's LIVE join (private cards are only ever enrolled for their owner).
 */
export const LIVE_CARD: Prisma.CardWhereInput = {
  suspended: false,
  retiredAt: null,
  approval: 'approved',
  lesson: { retiredAt: null, module: { retiredAt: null } },
};


/** A CardState row as read: an SrsCardState whose state name is still unchecked text. */
type StateRow = Omit<SrsCardState, 'state'> & { state: string };

export { stateName };

export function toSrsState(row: StateRow): SrsCardState {
  const state = stateName(row.state);
  return {
    state,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    lastReview: row.lastReview,
  };
}

/** The CardState columns that hold an SrsCardState. */
export function stateColumns(s: SrsCardState) {
  return {
    state: s.state,
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsedDays: s.elapsedDays,
    scheduledDays: s.scheduledDays,
    learningSteps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    lastReview: s.lastReview,
    // The numeric copy SQL orders due reviews by (lib/review/queue-sql.ts).
    lastReviewMs: s.lastReview === null ? null : s.lastReview.getTime(),
  };
}

export type LogRow = Omit<StateRow, 'reps' | 'lapses'> & { rating: number; review: Date; lastElapsedDays: number };

export function toSrsLog(row: LogRow): SrsReviewLog {
  return {
    rating: isRating(row.rating) ? row.rating : 1,
    state: stateName(row.state),
    due: row.due,
    lastReview: row.lastReview,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    lastElapsedDays: row.lastElapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    review: row.review,
  };
}

export async function loadSettings(db: Db | Tx, userId: string): Promise<LearnerSrsSettings> {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: USER_SETTINGS_SELECT });
  return settingsFromUser(row);
}

const REVIEWER_SQL = `SELECT "id", "desiredRetention", "maximumInterval", "newPerDay", "timeZone", "dayStartHour", "learningSteps",
  "relearningSteps", "fsrsWeights" FROM "User" WHERE "id" = ?`;

/** The signed-in learner with their scheduling settings: what the review loop needs of the user, in one read. */
export interface Reviewer {
  id: string;
  settings: LearnerSrsSettings;
}

/** The user (an id from the session, never from the client) with their settings; null when they no longer exist. */
export async function reviewerById(db: Db, userId: string): Promise<Reviewer | null> {
  const row = await storeFor(db).get<UserSettingsRow & { id: string }>(REVIEWER_SQL, userId);
  return row ? { id: row.id, settings: settingsFromUser(row) } : null;
}

// ---------- entering the queue ----------

function sortKey(moduleOrder: number, lessonOrder: number, position: number): number {
  return moduleOrder * 1_000_000 + lessonOrder * 1_000 + Math.min(position, 999);
}

/** Gives the learner a new-card state for every live card of these lessons they don't have yet. */
export async function enrollLessonCards(tx: Db | Tx, userId: string, lessonIds: string[], now: Date): Promise<number> {
  if (lessonIds.length === 0) return 0;
  const cards = await tx.card.findMany({
    // Pending cards and other learners' private cards never enter a learner's reviews.
    where: { AND: [LIVE_CARD, reviewableCardWhere(userId)], lessonId: { in: lessonIds }, states: { none: { userId } } },
    select: { id: true, position: true, lesson: { select: { order: true, module: { select: { order: true } } } } },
  });
  if (cards.length === 0) return 0;
  await tx.cardState.createMany({
    // The stored start state is lib/srs's new card at `addedAt`, which replaying the log starts from too.
    data: cards.map((c) => ({
      userId,
      cardId: c.id,
      ...stateColumns(newCardState(now)),
      addedAt: now,
      sortKey: sortKey(c.lesson.module.order, c.lesson.order, c.position),
    })),
  });
  return cards.length;
}

/** Cards added by a re-sync to lessons the learner already completed join their queue too. */
export async function enrollCompletedLessons(db: Db, userId: string, now: Date): Promise<number> {
  const done = await db.lessonProgress.findMany({ where: { userId, completedAt: { not: null } }, select: { lessonId: true } });
  return enrollLessonCards(db, userId, done.map((d) => d.lessonId), now);
}

// ---------- the queue ----------

export type { ReviewCardView, ReviewSnapshot };


/** Only what ordering the queue needs: reading ~1,000 due rows in full costs twice as much (see npm run bench). */
const QUEUE_SELECT = { cardId: true, sortKey: true, state: true, due: true, stability: true, lastReview: true } as const;

type QueueRow = { cardId: string; sortKey: number; state: string; due: Date; stability: number; lastReview: Date | null };

/** A partial state, enough for buildQueue's ordering (due, state, retrievability); never saved or graded. */
function queueState(r: QueueRow): SrsCardState {
  // Built field by field: ~1,000 of these per queue, and spreading a row into a new object cost ~10x more.
  return { state: stateName(r.state), due: r.due, stability: r.stability, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, lastReview: r.lastReview };
}

/** Today's queue for the learner, built by lib/srs from only the rows that can be in it. */
export async function loadQueue(db: Db | Tx, userId: string, settings: LearnerSrsSettings, now: Date) {
  const endOfDay = nextDayStart(now, settings.timeZone, settings.dayStartHour);
  const startOfDay = dayStart(now, settings.timeZone, settings.dayStartHour);
  const [dueRows, todayLogs] = await Promise.all([
    // Joins rather than LIVE_CARD's nested EXISTS filters: this read is most of the review loop's time (npm run bench).
    db.$queryRaw<QueueRow[]>`
      SELECT cs."cardId", cs."sortKey", cs."state", cs."due", cs."stability", cs."lastReview"
      FROM "CardState" cs
      JOIN "Card" c ON c."id" = cs."cardId" AND c."suspended" = false AND c."retiredAt" IS NULL
      JOIN "Lesson" l ON l."id" = c."lessonId" AND l."retiredAt" IS NULL
      JOIN "Module" m ON m."id" = l."moduleId" AND m."retiredAt" IS NULL
      WHERE cs."userId" = ${userId} AND cs."leech" = false AND cs."state" <> 'new' AND cs."due" < ${endOfDay}`,
    db.reviewLog.findMany({
      where: { userId, review: { gte: startOfDay }, state: 'new' },
      select: { cardId: true, state: true, review: true },
    }),
  ]);
  const introduced = countIntroducedToday(
    todayLogs.map((l) => ({ cardId: l.cardId, state: 'new' as const, review: l.review })),
    now,
    settings,
  );
  const newRows = await db.cardState.findMany({
    where: { userId, leech: false, state: 'new', card: LIVE_CARD },
    orderBy: [{ sortKey: 'asc' }, { cardId: 'asc' }],
    take: Math.max(0, settings.newPerDay - introduced),
    select: QUEUE_SELECT,
  });
  const cards: QueueCard[] = [...dueRows, ...newRows].map((r) => ({ id: r.cardId, state: queueState(r), suspended: false, retired: false, order: r.sortKey }));
  return buildQueue({ cards, now, settings, newIntroducedToday: introduced });
}

/** Cards left today by kind, counted in SQL without reading the rows (for the home page). */
export async function reviewCounts(db: Db, userId: string, now: Date, settings?: LearnerSrsSettings): Promise<ReviewSnapshot['counts']> {
  return (await queueSummary(db, userId, settings ?? (await loadSettings(db, userId)), now)).counts;
}

function cardView(row: QueueCardRow, kind: ReviewCardView['kind'], settings: LearnerSrsSettings, now: Date): ReviewCardView {
  return {
    id: row.cardId,
    version: row.version,
    kind,
    type: row.type,
    front: row.front,
    back: row.back,
    source: row.source,
    lesson: { title: row.lessonTitle, href: lessonHref(row.courseKey, row.moduleKey, row.lessonKey, row.anchor) },
    intervals: previewIntervals(row.state, now, settings, row.cardId).map((p) => ({ rating: p.rating, label: p.label })),
  };
}

/**
 * What the review screen shows: today's counts and the next card, read with two indexed statements (see
 * queue-sql.ts). `preferCardId` (an undone card) is shown first if it is still one of the learner's live cards.
 * Pass the learner's settings when the caller has read them already.
 */
export async function reviewSnapshot(db: Db, userId: string, now: Date, preferCardId?: string, settings?: LearnerSrsSettings): Promise<ReviewSnapshot> {
  const s = settings ?? (await loadSettings(db, userId));
  // The counts and the card from one snapshot (and, on SQLite, one read transaction rather than two or three).
  const { summary, row } = await storeFor(db).read(async (q) => {
    const summary = await queueSummary(q, userId, s, now);
    const preferred = preferCardId ? await queueCardById(q, userId, preferCardId) : null;
    return { summary, row: preferred ?? (await nextQueueCard(q, userId, s, summary.counts, now)) };
  });
  return {
    counts: summary.counts,
    nextLearningDue: summary.nextLearningDue?.toISOString() ?? null,
    canUndo: summary.canUndo,
    card: row ? cardView(row, row.kind, s, now) : null,
  };
}

// ---------- grading and undo ----------

export interface GradeInput {
  cardId: string;
  rating: Rating;
  /** Client-generated id of this submission: a retry with the same id records nothing new. */
  clientId: string;
  /** The card state version the learner was shown: a grade from a stale tab is refused. */
  version: number;
  durationMs: number;
}

export type WriteResult =
  | { ok: true; duplicate?: boolean; becameLeech?: boolean }
  | { ok: false; code: 'not_found' | 'stale' | 'nothing_to_undo'; error: string };

const STALE = { ok: false, code: 'stale', error: 'This card was already reviewed (perhaps in another tab). Showing the next card.' } as const;

const SQL = {
  seen: `SELECT 1 AS "one" FROM "ReviewLog" WHERE "userId" = ? AND "clientId" = ?`,
  update: `UPDATE "CardState" SET "state" = ?, "due" = ?, "stability" = ?, "difficulty" = ?, "elapsedDays" = ?, "scheduledDays" = ?,
    "learningSteps" = ?, "reps" = ?, "lapses" = ?, "lastReview" = ?, "lastReviewMs" = ?, "leech" = ?, "version" = "version" + 1
    WHERE "userId" = ? AND "cardId" = ? AND "version" = ?`,
  insertLog: `INSERT INTO "ReviewLog" ("id", "userId", "cardId", "clientId", "rating", "state", "due", "lastReview", "stability", "difficulty",
    "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "review", "durationMs") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  lastLog: `SELECT * FROM "ReviewLog" WHERE "userId" = ? ORDER BY "review" DESC, "id" DESC LIMIT 1`,
  stateRow: `SELECT * FROM "CardState" WHERE "userId" = ? AND "cardId" = ?`,
  deleteLog: `DELETE FROM "ReviewLog" WHERE "id" = ?`,
};

const maybeTime = (d: Date | null) => (d === null ? null : sqlTime(d));

/** Sets a card's state (and bumps its version) if it is still at `version`; the number of rows changed. */
export function writeState(tx: SqlRunner, userId: string, cardId: string, version: number, s: SrsCardState, leech: boolean): Promise<number> {
  const c = stateColumns(s);
  return tx.run(SQL.update, c.state, sqlTime(c.due), c.stability, c.difficulty, c.elapsedDays, c.scheduledDays, c.learningSteps, c.reps, c.lapses, maybeTime(c.lastReview), c.lastReviewMs, leech ? 1 : 0, userId, cardId, version);
}

/** Writes one review log entry (inside a write transaction). */
export async function insertLog(tx: SqlRunner, userId: string, cardId: string, clientId: string, log: SrsReviewLog, durationMs: number): Promise<void> {
  await tx.run(SQL.insertLog,
    randomUUID(), userId, cardId, clientId, log.rating, log.state, sqlTime(log.due), maybeTime(log.lastReview),
    log.stability, log.difficulty, log.elapsedDays, log.lastElapsedDays, log.scheduledDays, log.learningSteps, sqlTime(log.review),
    Math.max(0, Math.min(Math.round(durationMs), 3_600_000)),
  );
}

/**
 * Records one grade, exactly once per client id, and only against the version the learner was shown. One
 * transaction: the retry check, the state read, FSRS, the version-checked update and the log entry. On
 * PostgreSQL two nodes may run the same retry at once: the loser's update finds the version moved, and the
 * second look at the client id (a fresh snapshot under READ COMMITTED) tells a retry from a stale tab.
 */
export async function gradeForUser(db: Db, userId: string, input: GradeInput, now: Date, settings?: LearnerSrsSettings): Promise<WriteResult> {
  const s = settings ?? (await loadSettings(db, userId));
  try {
    return await storeFor(db).write(async (tx): Promise<WriteResult> => {
      if (await tx.get(SQL.seen, userId, input.clientId)) return { ok: true, duplicate: true };
      const row = await queueCardById(tx, userId, input.cardId);
      if (!row) return { ok: false, code: 'not_found', error: 'This card is not in your reviews.' };
      if (row.version !== input.version) return STALE;
      const result = gradeCard(row.state, input.rating, now, s, input.cardId);
      if ((await writeState(tx, userId, input.cardId, input.version, result.state, result.becameLeech)) !== 1) {
        return (await tx.get(SQL.seen, userId, input.clientId)) ? { ok: true, duplicate: true } : STALE;
      }
      await insertLog(tx, userId, input.cardId, input.clientId, result.log, input.durationMs);
      return { ok: true, becameLeech: result.becameLeech };
    });
  } catch (e) {
    // The unique (userId, clientId) index is the last word on a retry (the transaction rolled back).
    if (isUniqueViolation(e)) return { ok: true, duplicate: true };
    throw e;
  }
}

type RawLog = { id: string; cardId: string; rating: number; state: string; due: string; lastReview: string | null; stability: number; difficulty: number; elapsedDays: number; lastElapsedDays: number; scheduledDays: number; learningSteps: number; review: string };
type RawState = { version: number; state: string; due: string; stability: number; difficulty: number; elapsedDays: number; scheduledDays: number; learningSteps: number; reps: number; lapses: number; lastReview: string | null };

/** Undoes the learner's latest review: the card gets its exact previous state and the log entry goes. */
export async function undoLastForUser(db: Db, userId: string): Promise<WriteResult & { cardId?: string }> {
  return storeFor(db).write(async (tx): Promise<WriteResult & { cardId?: string }> => {
    const last = await tx.get<RawLog>(SQL.lastLog, userId);
    if (!last) return { ok: false, code: 'nothing_to_undo', error: 'There is no review to undo.' };
    const row = await tx.get<RawState>(SQL.stateRow, userId, last.cardId);
    if (!row) return { ok: false, code: 'not_found', error: 'That card is no longer in your reviews.' };
    const current = toSrsState({ ...row, due: new Date(row.due), lastReview: fromSqlTime(row.lastReview) });
    const previous = undoGrade(current, toSrsLog({ ...last, due: new Date(last.due), lastReview: fromSqlTime(last.lastReview), review: new Date(last.review) }));
    // Another node undid or graded it meanwhile (PostgreSQL): leave both as they are.
    if ((await writeState(tx, userId, last.cardId, row.version, previous, false)) !== 1) return STALE;
    await tx.run(SQL.deleteLog, last.id);
    return { ok: true, cardId: last.cardId };
  });
}
