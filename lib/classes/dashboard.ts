// The instructor's class dashboard: one row per learner × assignment with completion, status, activity,
// reviews, true retention and cards due. Figures are aggregated in SQL (four grouped queries whatever the
// class size) so a class of 500 learners and 10 assignments stays well under 300 ms.
// The SQL is portable (quoted identifiers, no SQLite-only functions) for the PostgreSQL path.
import type { Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { RETENTION_WINDOW_DAYS } from '@/lib/srs/stats';
import { CARD_STATES } from '@/lib/srs/types';
import { byDueThenOrder, classForInstructor } from './service';
import { assignmentProgress, type AssignmentStatus } from './status';
import { addForecasts, classForecasts } from './forecast';
import type { RecallForecast } from '@/lib/srs/forecast';
import type { DashboardRow } from './table';

const DAY_MS = 86_400_000;
/** Card states that can be due; new cards wait in the new-card queue instead. */
const DUE_STATES = CARD_STATES.filter((state) => state !== 'new');

type Key = `${string}|${string}`;
const key = (userId: string, moduleId: string): Key => `${userId}|${moduleId}`;

/** Raw rows carry BigInt counts and, for MAX(), text or Date times depending on the driver. */
function toNumber(v: unknown): number {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v ?? 0);
}
function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'bigint' ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? null : d;
}
function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

export interface ClassFigures {
  completed: Map<Key, number>;
  reviews7d: Map<Key, number>;
  retention: Map<Key, { passed: number; total: number }>;
  dueNow: Map<Key, number>;
  lastActive: Map<string, Date | null>;
  /** The whole-class reviews stamp (null for one member's figures): derived caches may key on it. */
  stamp: string | null;
}

type ReviewRow = { userId: string; moduleId: string; week: bigint; total: bigint; passed: bigint };

/**
 * The reviews/retention aggregate is most of the dashboard's cost and changes only when a member's review
 * log does, so sorting, filtering and paging the table reuse it. It is recomputed when any member's latest
 * review (a grade adds one, an undo removes the last), the member list or the assigned modules change, and
 * at least every REVIEW_CACHE_MS as the 7- and 30-day windows slide. Per process; one member's view never
 * uses it.
 */
export const REVIEW_CACHE_MS = 5 * 60_000;
const REVIEW_CACHE_LIMIT = 200;
type Stamped<T> = Map<string, { stamp: string; computedAt: number; value: T }>;
const reviewCache: Stamped<ReviewRow[]> = new Map();
/** The recall forecasts (the other large part) under the same stamp, plus the assignments' due instants. */
const forecastCache: Stamped<Map<Key, RecallForecast>> = new Map();

export function clearReviewCache(): void {
  reviewCache.clear();
  forecastCache.clear();
}

async function stamped<T>(cache: Stamped<T>, classId: string, stamp: string | null, now: Date, compute: () => Promise<T>): Promise<T> {
  if (stamp === null) return compute();
  const cached = cache.get(classId);
  const age = cached ? now.getTime() - cached.computedAt : Number.POSITIVE_INFINITY;
  if (cached && cached.stamp === stamp && age >= 0 && age < REVIEW_CACHE_MS) return cached.value;
  const value = await compute();
  cache.delete(classId);
  if (cache.size >= REVIEW_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(classId, { stamp, computedAt: now.getTime(), value });
  return value;
}

/** What the whole-class aggregates depend on, read from the database (so every app node agrees when it moved). */
function reviewStamp(assignedModuleIds: readonly string[], active: readonly { userId: string; lastReview: unknown }[]): string {
  return [
    [...assignedModuleIds].sort().join(','),
    ...active.map((a) => `${a.userId}:${toDate(a.lastReview)?.getTime() ?? ''}`).sort(),
  ].join(';');
}

/**
 * Per (member, assigned module) figures of one class, optionally for one member only. Callers check that
 * the class belongs to the instructor first. Given the class's assigned module ids (which the caller has
 * loaded anyway), the whole-class reviews aggregate may come from the cache.
 */
export async function classFigures(
  db: Db,
  classId: string,
  now: Date,
  { onlyUserId, assignedModuleIds }: { onlyUserId?: string; assignedModuleIds?: readonly string[] } = {},
): Promise<ClassFigures> {
  const member = onlyUserId ? Prisma.sql`AND cm."userId" = ${onlyUserId}` : Prisma.empty;
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const retentionFrom = new Date(now.getTime() - RETENTION_WINDOW_DAYS * DAY_MS);
  const reviewsFrom = weekAgo < retentionFrom ? weekAgo : retentionFrom;

  // The class's live cards with their module, computed once per query (MATERIALIZED keeps SQLite and
  // PostgreSQL from re-joining Card → Lesson → Assignment for every review row).
  const classCards = Prisma.sql`
    WITH "classCard" AS MATERIALIZED (
      SELECT c."id" AS "cardId", l."moduleId" AS "moduleId"
      FROM "Assignment" a
      JOIN "Lesson" l ON l."moduleId" = a."moduleId" AND l."retiredAt" IS NULL
      JOIN "Card" c ON c."lessonId" = l."id"
      WHERE a."classId" = ${classId}
    )`;
  // Last activity first: its latest-review times are also the reviews cache's stamp.
  const active = await db.$queryRaw<{ userId: string; lastReview: unknown; lastView: unknown }[]>`
      SELECT cm."userId" AS "userId",
        (SELECT MAX(r."review") FROM "ReviewLog" r WHERE r."userId" = cm."userId") AS "lastReview",
        (SELECT MAX(lp."lastViewedAt") FROM "LessonProgress" lp WHERE lp."userId" = cm."userId") AS "lastView"
      FROM "ClassMember" cm
      WHERE cm."classId" = ${classId} ${member}`;
  const stamp = onlyUserId || !assignedModuleIds ? null : reviewStamp(assignedModuleIds, active);
  const [completed, due, reviews] = await Promise.all([
    db.$queryRaw<{ userId: string; moduleId: string; n: bigint }[]>`
      SELECT lp."userId" AS "userId", l."moduleId" AS "moduleId", COUNT(*) AS n
      FROM "ClassMember" cm
      JOIN "LessonProgress" lp ON lp."userId" = cm."userId" AND lp."completedAt" IS NOT NULL
      JOIN "Lesson" l ON l."id" = lp."lessonId" AND l."retiredAt" IS NULL
      JOIN "Assignment" a ON a."moduleId" = l."moduleId" AND a."classId" = ${classId}
      WHERE cm."classId" = ${classId} ${member}
      GROUP BY lp."userId", l."moduleId"`,
    // Due now: cards past their due instant that are being learned or reviewed (new cards are not "due").
    db.$queryRaw<{ userId: string; moduleId: string; n: bigint }[]>`
      ${classCards}
      SELECT cs."userId" AS "userId", cc."moduleId" AS "moduleId", COUNT(*) AS n
      FROM "ClassMember" cm
      JOIN "CardState" cs ON cs."userId" = cm."userId" AND cs."state" IN (${Prisma.join(DUE_STATES)}) AND cs."due" <= ${now} AND cs."leech" = false
      JOIN "classCard" cc ON cc."cardId" = cs."cardId"
      JOIN "Card" c ON c."id" = cs."cardId" AND c."suspended" = false AND c."retiredAt" IS NULL
      WHERE cm."classId" = ${classId} ${member}
      GROUP BY cs."userId", cc."moduleId"`,
    stamped(reviewCache, classId, stamp, now, () =>
      // True retention as lib/srs trueRetention defines it: reviews of cards in 'review' state, passed = rating > 1.
      // ReviewLog's (userId, review, cardId, state, rating) index covers this scan.
      db.$queryRaw<ReviewRow[]>`
      ${classCards}
      SELECT r."userId" AS "userId", cc."moduleId" AS "moduleId",
        SUM(CASE WHEN r."review" > ${weekAgo} THEN 1 ELSE 0 END) AS week,
        SUM(CASE WHEN r."review" > ${retentionFrom} AND r."state" = 'review' THEN 1 ELSE 0 END) AS total,
        SUM(CASE WHEN r."review" > ${retentionFrom} AND r."state" = 'review' AND r."rating" > 1 THEN 1 ELSE 0 END) AS passed
      FROM "ClassMember" cm
      JOIN "ReviewLog" r ON r."userId" = cm."userId" AND r."review" > ${reviewsFrom} AND r."review" <= ${now}
      JOIN "classCard" cc ON cc."cardId" = r."cardId"
      WHERE cm."classId" = ${classId} ${member}
      GROUP BY r."userId", cc."moduleId"`),
  ]);

  return {
    completed: new Map(completed.map((r) => [key(r.userId, r.moduleId), toNumber(r.n)])),
    reviews7d: new Map(reviews.map((r) => [key(r.userId, r.moduleId), toNumber(r.week)])),
    retention: new Map(reviews.map((r) => [key(r.userId, r.moduleId), { passed: toNumber(r.passed), total: toNumber(r.total) }])),
    dueNow: new Map(due.map((r) => [key(r.userId, r.moduleId), toNumber(r.n)])),
    lastActive: new Map(active.map((r) => [r.userId, later(toDate(r.lastReview), toDate(r.lastView))])),
    stamp,
  };
}

export interface AssignmentSummary {
  id: string;
  moduleId: string;
  title: string;
  dueAt: Date | null;
  note: string;
  lessons: number;
  counts: Record<AssignmentStatus, number>;
  /** Mean completion percent over members, null without members. */
  averagePercent: number | null;
}

interface Member {
  id: string;
  name: string;
  email: string;
}
interface LiveAssignment {
  id: string;
  moduleId: string;
  title: string;
  dueAt: Date | null;
  lessons: number;
}

/** Rows for members × assignments from the figures (pure; exported for tests). */
export function buildRows(members: readonly Member[], assignments: readonly LiveAssignment[], figures: ClassFigures, now: Date): DashboardRow[] {
  const rows: DashboardRow[] = [];
  for (const m of members) {
    for (const a of assignments) {
      const k = key(m.id, a.moduleId);
      const retention = figures.retention.get(k);
      // Field by field, not by spreading: 5,000 rows per dashboard, and spreads cost ~10x more here.
      const progress = assignmentProgress(figures.completed.get(k) ?? 0, a.lessons, a.dueAt, now);
      rows.push({
        userId: m.id,
        name: m.name,
        email: m.email,
        assignmentId: a.id,
        assignmentTitle: a.title,
        dueAt: a.dueAt,
        done: progress.done,
        total: progress.total,
        percent: progress.percent,
        status: progress.status,
        lastActive: figures.lastActive.get(m.id) ?? null,
        reviews7d: figures.reviews7d.get(k) ?? 0,
        retention: retention && retention.total > 0 ? retention.passed / retention.total : null,
        retentionReviews: retention?.total ?? 0,
        dueNow: figures.dueNow.get(k) ?? 0,
      });
    }
  }
  return rows;
}

export function summarise(assignments: readonly (LiveAssignment & { note: string })[], rows: readonly DashboardRow[]): AssignmentSummary[] {
  return assignments.map((a) => {
    const mine = rows.filter((r) => r.assignmentId === a.id);
    const counts: Record<AssignmentStatus, number> = { not_started: 0, in_progress: 0, done: 0, overdue: 0 };
    for (const r of mine) counts[r.status]++;
    return {
      id: a.id,
      moduleId: a.moduleId,
      title: a.title,
      dueAt: a.dueAt,
      note: a.note,
      lessons: a.lessons,
      counts,
      averagePercent: mine.length === 0 ? null : Math.round(mine.reduce((n, r) => n + r.percent, 0) / mine.length),
    };
  });
}

/** The whole dashboard of a class for its instructor; null when the class is not theirs (or does not exist). */
export async function classDashboard(db: Db, instructorId: string, classId: string, now: Date) {
  const cls = await classForInstructor(db, instructorId, classId);
  if (!cls) return null;
  const live = cls.assignments.filter((a) => !a.retired);
  const figures = await classFigures(db, cls.id, now, { assignedModuleIds: cls.assignments.map((a) => a.moduleId) });
  // Forecasts change with members' reviews (the stamp) and the assignments' due instants; the simulated "Good" on
  // cards due now and a re-optimised weight set are up to REVIEW_CACHE_MS late, like the 7- and 30-day windows.
  const forecastStamp = figures.stamp === null ? null : `${figures.stamp}|${live.map((a) => `${a.id}@${a.dueAt?.getTime() ?? ''}`).join(',')}`;
  const forecasts = await stamped(forecastCache, cls.id, forecastStamp, now, () => classForecasts(db, cls.id, live, now));
  const rows = addForecasts(buildRows(cls.members, live, figures, now), forecasts);
  return {
    class: { id: cls.id, name: cls.name, timeZone: cls.timeZone, joinCode: cls.joinCode },
    assignments: summarise(live, rows),
    members: cls.members.map((m) => ({ ...m, lastActive: figures.lastActive.get(m.id) ?? null })),
    removed: cls.removed,
    rows,
  };
}

/** One member's progress in the class, for the drill-down page; null unless they are a member of the instructor's class. */
export async function memberProgress(db: Db, instructorId: string, classId: string, userId: string, now: Date) {
  const cls = await db.class.findFirst({
    where: { id: classId, instructorId, members: { some: { userId } } },
    select: {
      id: true,
      name: true,
      timeZone: true,
      members: { where: { userId }, select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } },
      assignments: {
        where: { module: { retiredAt: null } },
        select: {
          id: true,
          dueAt: true,
          moduleId: true,
          module: {
            select: {
              title: true,
              order: true,
              lessons: {
                where: { retiredAt: null },
                orderBy: { order: 'asc' },
                select: { id: true, title: true, progress: { where: { userId }, select: { completedAt: true, lastViewedAt: true } } },
              },
            },
          },
        },
      },
    },
  });
  const membership = cls?.members[0];
  if (!cls || !membership) return null;
  const figures = await classFigures(db, cls.id, now, { onlyUserId: userId });
  const assignments = cls.assignments
    .map((a) => ({ id: a.id, moduleId: a.moduleId, title: a.module.title, dueAt: a.dueAt, lessons: a.module.lessons.length, order: a.module.order, lessonList: a.module.lessons }))
    .sort(byDueThenOrder);
  const rows = buildRows([membership.user], assignments, figures, now);
  return {
    class: { id: cls.id, name: cls.name, timeZone: cls.timeZone },
    learner: { ...membership.user, joinedAt: membership.joinedAt, lastActive: figures.lastActive.get(userId) ?? null },
    assignments: assignments.map((a, i) => ({
      row: rows[i]!,
      lessons: a.lessonList.map((l) => ({ id: l.id, title: l.title, completedAt: l.progress[0]?.completedAt ?? null, lastViewedAt: l.progress[0]?.lastViewedAt ?? null })),
    })),
  };
}
