// Reviews against the database: which cards a learner has, today's queue, grading and undo.
// Pure scheduling lives in lib/srs; this module only loads, calls it and saves, one transaction per write.
// Callers pass the signed-in user's id (never an id from the client) and the server's clock.
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
import { settingsFromUser, USER_SETTINGS_SELECT } from './settings';
import { lessonHref } from '@/lib/course-urls';
import { nextQueueCard, queueCardById, queueSummary, stateName, type QueueCardRow } from './queue-sql';

type Tx = Prisma.TransactionClient;

/** A card counts only while it, its lesson and its module are live and no instructor suspended it. */
export const LIVE_CARD: Prisma.CardWhereInput = {
  suspended: false,
  retiredAt: null,
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

type LogRow = Omit<StateRow, 'reps' | 'lapses'> & { rating: number; review: Date; lastElapsedDays: number };

function toSrsLog(row: LogRow): SrsReviewLog {
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

// ---------- entering the queue ----------

function sortKey(moduleOrder: number, lessonOrder: number, position: number): number {
  return moduleOrder * 1_000_000 + lessonOrder * 1_000 + Math.min(position, 999);
}

/** Gives the learner a new-card state for every live card of these lessons they don't have yet. */
export async function enrollLessonCards(tx: Db | Tx, userId: string, lessonIds: string[], now: Date): Promise<number> {
  if (lessonIds.length === 0) return 0;
  const cards = await tx.card.findMany({
    where: { ...LIVE_CARD, lessonId: { in: lessonIds }, states: { none: { userId } } },
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

export interface ReviewCardView {
  id: string;
  version: number;
  kind: 'learning' | 'review' | 'new';
  type: string;
  front: string;
  back: string;
  source: string;
  lesson: { title: string; href: string };
  intervals: { rating: Rating; label: string }[];
}

export interface ReviewSnapshot {
  counts: { new: number; learning: number; review: number };
  card: ReviewCardView | null;
  /** When nothing is due now but a learning card comes back later today. */
  nextLearningDue: string | null;
  canUndo: boolean;
}

const STATE_SELECT = {
  cardId: true,
  version: true,
  sortKey: true,
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  lastReview: true,
} as const;

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
export async function reviewCounts(db: Db | Tx, userId: string, now: Date, settings?: LearnerSrsSettings): Promise<ReviewSnapshot['counts']> {
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
export async function reviewSnapshot(db: Db | Tx, userId: string, now: Date, preferCardId?: string, settings?: LearnerSrsSettings): Promise<ReviewSnapshot> {
  const s = settings ?? (await loadSettings(db, userId));
  const summary = await queueSummary(db, userId, s, now);
  const preferred = preferCardId ? await queueCardById(db, userId, preferCardId) : null;
  const row = preferred ?? (await nextQueueCard(db, userId, s, summary.counts, now));
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

async function alreadyRecorded(db: Db | Tx, userId: string, clientId: string): Promise<boolean> {
  const seen = await db.$queryRaw<{ one: unknown }[]>`SELECT 1 AS "one" FROM "ReviewLog" WHERE "userId" = ${userId} AND "clientId" = ${clientId}`;
  return seen.length > 0;
}

/**
 * Records one grade. Reads first, outside the transaction, then writes in a transaction whose first statement is
 * the version-checked update: a transaction that reads before it writes can be refused outright by SQLite when
 * another process commits in between (WAL snapshot), while one that starts by writing simply waits its turn.
 * The version check and the unique (userId, clientId) index keep it exact under races: a retry records nothing.
 */
export async function gradeForUser(db: Db, userId: string, input: GradeInput, now: Date, settings?: LearnerSrsSettings): Promise<WriteResult> {
  if (await alreadyRecorded(db, userId, input.clientId)) return { ok: true, duplicate: true };
  const row = await queueCardById(db, userId, input.cardId);
  if (!row) return { ok: false, code: 'not_found', error: 'This card is not in your reviews.' };
  if (row.version !== input.version) return STALE;
  const result = gradeCard(row.state, input.rating, now, settings ?? (await loadSettings(db, userId)), input.cardId);
  const log = result.log;
  try {
    return await db.$transaction(async (tx) => {
      const updated = await tx.cardState.updateMany({
        where: { userId, cardId: input.cardId, version: input.version, leech: false },
        data: { ...stateColumns(result.state), version: { increment: 1 }, ...(result.becameLeech ? { leech: true } : {}) },
      });
      if (updated.count !== 1) {
        // Someone else changed the card since it was read: this same submission (a retry) or another tab.
        return (await alreadyRecorded(tx, userId, input.clientId)) ? { ok: true, duplicate: true } : STALE;
      }
      await tx.reviewLog.create({
        data: {
          userId,
          cardId: input.cardId,
          clientId: input.clientId,
          rating: log.rating,
          state: log.state,
          due: log.due,
          lastReview: log.lastReview,
          stability: log.stability,
          difficulty: log.difficulty,
          elapsedDays: log.elapsedDays,
          lastElapsedDays: log.lastElapsedDays,
          scheduledDays: log.scheduledDays,
          learningSteps: log.learningSteps,
          review: log.review,
          durationMs: Math.max(0, Math.min(Math.round(input.durationMs), 3_600_000)),
        },
      });
      return { ok: true, becameLeech: result.becameLeech };
    });
  } catch (e) {
    // Two submissions with one client id racing: the unique index lets only one through (and this one rolled back).
    if (e && typeof e === 'object' && 'code' in e && e.code === 'P2002') return { ok: true, duplicate: true };
    throw e;
  }
}

class UndoRaced extends Error {}

/**
 * Undoes the learner's latest review: the card gets its exact previous state and the log entry goes. Reads
 * first, then writes in a transaction that starts with the version-checked update (see gradeForUser) and checks
 * the entry is still the latest; a grade landing in between makes it start over.
 */
export async function undoLastForUser(db: Db, userId: string): Promise<WriteResult & { cardId?: string }> {
  for (let attempt = 0; ; attempt++) {
    const last = await db.reviewLog.findFirst({ where: { userId }, orderBy: [{ review: 'desc' }, { id: 'desc' }] });
    if (!last) return { ok: false, code: 'nothing_to_undo', error: 'There is no review to undo.' };
    const row = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId: last.cardId } }, select: STATE_SELECT });
    if (!row) return { ok: false, code: 'not_found', error: 'That card is no longer in your reviews.' };
    const previous = undoGrade(toSrsState(row), toSrsLog(last));
    try {
      await db.$transaction(async (tx) => {
        const updated = await tx.cardState.updateMany({
          where: { userId, cardId: last.cardId, version: row.version },
          data: { ...stateColumns(previous), version: { increment: 1 }, leech: false },
        });
        if (updated.count !== 1) throw new UndoRaced();
        const latest = await tx.reviewLog.findFirst({ where: { userId }, orderBy: [{ review: 'desc' }, { id: 'desc' }], select: { id: true } });
        if (latest?.id !== last.id) throw new UndoRaced();
        await tx.reviewLog.delete({ where: { id: last.id } });
      });
      return { ok: true, cardId: last.cardId };
    } catch (e) {
      if (!(e instanceof UndoRaced) || attempt >= 4) throw e;
    }
  }
}
