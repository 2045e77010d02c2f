// The instructor's class dashboard: one row per learner × assignment with completion, status, activity,
// reviews, true retention, cards due and the recall forecast. Read through the review store (prepared
// better-sqlite3 statements or a pg pool: Prisma's per-row overhead was most of the cost for 5,000 rows) in a
// handful of grouped queries whatever the class size. Everything derived is kept per class under a stamp read
// from the database on every view (so every app node agrees when it moved); see docs/classes.md.
// The SQL is portable (quoted identifiers, no SQLite-only functions) for the PostgreSQL path.
import type { Db } from '@/lib/db';
import { fromSqlTime, storeFor, type SqlRunner } from '@/lib/review/store';
import { RETENTION_WINDOW_DAYS } from '@/lib/srs/stats';
import { CARD_STATES } from '@/lib/srs/types';
import type { RecallForecast } from '@/lib/srs/forecast';
import { byDueThenOrder } from './service';
import { assignmentProgress, type AssignmentStatus } from './status';
import { addForecasts, classForecastFigures } from './forecast';
import { empty, join, num, sql, type Sql } from './sql';
import type { DashboardRow } from './table';

const DAY_MS = 86_400_000;
/** Card states that can be due; new cards wait in the new-card queue instead. */
const DUE_STATES = CARD_STATES.filter((state) => state !== 'new');

type Key = `${string}|${string}`;
const key = (userId: string, moduleId: string): Key => `${userId}|${moduleId}`;

function later(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

const all = <T>(q: SqlRunner, s: Sql) => q.all<T>(s.text, ...s.params);

export interface ClassFigures {
  completed: Map<Key, number>;
  reviews7d: Map<Key, number>;
  retention: Map<Key, { passed: number; total: number }>;
  dueNow: Map<Key, number>;
  lastActive: Map<string, Date | null>;
}

/** The class's live cards with their module, computed once per query (MATERIALIZED keeps SQLite and PostgreSQL
 * from re-joining Card → Lesson → Assignment for every state or review row). */
const classCards = (classId: string) => sql`
    WITH "classCard" AS MATERIALIZED (
      SELECT c."id" AS "cardId", l."moduleId" AS "moduleId"
      FROM "Assignment" a
      JOIN "Lesson" l ON l."moduleId" = a."moduleId" AND l."retiredAt" IS NULL
      JOIN "Card" c ON c."lessonId" = l."id" AND c."suspended" = false AND c."retiredAt" IS NULL
      WHERE a."classId" = ${classId}
    )`;

type CountRow = { userId: string; moduleId: string; n: unknown };
type ReviewRow = { userId: string; moduleId: string; week: unknown; total: unknown; passed: unknown };
type ActivityRow = { userId: string; lastReview: unknown; lastView: unknown; completions: unknown; lastCompletion: unknown };

/** Completed live lessons per member × assigned module. */
function completedSql(classId: string, member: Sql) {
  return sql`
      SELECT lp."userId" AS "userId", l."moduleId" AS "moduleId", COUNT(*) AS "n"
      FROM "ClassMember" cm
      JOIN "LessonProgress" lp ON lp."userId" = cm."userId" AND lp."completedAt" IS NOT NULL
      JOIN "Lesson" l ON l."id" = lp."lessonId" AND l."retiredAt" IS NULL
      JOIN "Assignment" a ON a."moduleId" = l."moduleId" AND a."classId" = ${classId}
      WHERE cm."classId" = ${classId} ${member}
      GROUP BY lp."userId", l."moduleId"`;
}

/**
 * Reviews in the last 7 days and true retention over RETENTION_WINDOW_DAYS as lib/srs trueRetention defines
 * it: reviews of cards in 'review' state, passed = rating > 1. ReviewLog's (userId, review, cardId, state,
 * rating) index covers this scan.
 */
function reviewsSql(classId: string, member: Sql, now: Date) {
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const retentionFrom = new Date(now.getTime() - RETENTION_WINDOW_DAYS * DAY_MS);
  const reviewsFrom = weekAgo < retentionFrom ? weekAgo : retentionFrom;
  return sql`
      ${classCards(classId)}
      SELECT r."userId" AS "userId", cc."moduleId" AS "moduleId",
        SUM(CASE WHEN r."review" > ${weekAgo} THEN 1 ELSE 0 END) AS "week",
        SUM(CASE WHEN r."review" > ${retentionFrom} AND r."state" = 'review' THEN 1 ELSE 0 END) AS "total",
        SUM(CASE WHEN r."review" > ${retentionFrom} AND r."state" = 'review' AND r."rating" > 1 THEN 1 ELSE 0 END) AS "passed"
      FROM "ClassMember" cm
      JOIN "ReviewLog" r ON r."userId" = cm."userId" AND r."review" > ${reviewsFrom} AND r."review" <= ${now}
      JOIN "classCard" cc ON cc."cardId" = r."cardId"
      WHERE cm."classId" = ${classId} ${member}
      GROUP BY r."userId", cc."moduleId"`;
}

/**
 * Per member: latest review and lesson view (the "last active" column) and their lesson completions. Each is
 * an indexed lookup per member (ReviewLog by userId and review, LessonProgress by its userId-first key), ~2 ms
 * for 500 members; the dashboard reads it on every view, as the stamp of everything it keeps.
 */
function activitySql(classId: string, member: Sql) {
  return sql`
      SELECT cm."userId" AS "userId",
        (SELECT MAX(r."review") FROM "ReviewLog" r WHERE r."userId" = cm."userId") AS "lastReview",
        MAX(lp."lastViewedAt") AS "lastView", COUNT(lp."completedAt") AS "completions", MAX(lp."completedAt") AS "lastCompletion"
      FROM "ClassMember" cm
      LEFT JOIN "LessonProgress" lp ON lp."userId" = cm."userId"
      WHERE cm."classId" = ${classId} ${member}
      GROUP BY cm."userId"`;
}

const countMap = (rows: readonly CountRow[]) => new Map(rows.map((r) => [key(r.userId, r.moduleId), num(r.n)]));
const lastActiveOf = (rows: readonly ActivityRow[]) => new Map(rows.map((r) => [r.userId, later(fromSqlTime(r.lastReview), fromSqlTime(r.lastView))]));
function reviewMaps(rows: readonly ReviewRow[]) {
  return {
    reviews7d: new Map(rows.map((r) => [key(r.userId, r.moduleId), num(r.week)])),
    retention: new Map(rows.map((r) => [key(r.userId, r.moduleId), { passed: num(r.passed), total: num(r.total) }])),
  };
}

/**
 * Per (member, assigned module) figures of one class, optionally for one member only, computed afresh (the
 * member drill-down; the dashboard keeps its own under the stamp). Callers check that the class belongs to
 * the instructor first.
 */
export async function classFigures(db: Db, classId: string, now: Date, { onlyUserId }: { onlyUserId?: string } = {}): Promise<ClassFigures> {
  const q = storeFor(db);
  const member = onlyUserId ? sql`AND cm."userId" = ${onlyUserId}` : empty;
  // Due now: cards past their due instant that are being learned or reviewed (new cards are not "due").
  const dueSql = sql`
      ${classCards(classId)}
      SELECT cs."userId" AS "userId", cc."moduleId" AS "moduleId", COUNT(*) AS "n"
      FROM "ClassMember" cm
      JOIN "CardState" cs ON cs."userId" = cm."userId" AND cs."state" IN (${join(DUE_STATES)}) AND cs."due" <= ${now} AND cs."leech" = false
      JOIN "classCard" cc ON cc."cardId" = cs."cardId"
      WHERE cm."classId" = ${classId} ${member}
      GROUP BY cs."userId", cc."moduleId"`;
  const [active, completed, due, reviews] = await Promise.all([
    all<ActivityRow>(q, activitySql(classId, member)),
    all<CountRow>(q, completedSql(classId, member)),
    all<CountRow>(q, dueSql),
    all<ReviewRow>(q, reviewsSql(classId, member, now)),
  ]);
  return { completed: countMap(completed), ...reviewMaps(reviews), dueNow: countMap(due), lastActive: lastActiveOf(active) };
}

// ---------- what the dashboard keeps between views ----------

/**
 * Everything derived (completion, reviews, retention, due now, forecasts) is kept per class and member, per
 * process. A member's part is used while the member's stamp read on this view (their latest review: a grade adds
 * one, an undo removes the last; their latest lesson view and their completions) equals the one it was computed
 * under, none of their learned cards has become due since (so "due now" and "if reviewed now" stay exact), and
 * for at most REVIEW_CACHE_MS as the 7- and 30-day windows slide (a re-optimised weight set, a state written
 * without a review log, or a card changed outside Prisma are seen within that time too). The whole class's part
 * goes when the class stamp moves: the assignments (ids, modules, due instants, live lesson counts, retired
 * modules) and the assigned modules' cards (count and latest update: suspension, retirement, new cards). So a
 * view after one member's grade recomputes that member only; the stamps come from the database, so every app
 * node agrees on when its copy is stale.
 */
export const REVIEW_CACHE_MS = 5 * 60_000;
const CACHE_LIMIT = 200;
/** Above this many stale members, one whole-class pass is cheaper than member-by-member reads. */
const MEMBER_BY_MEMBER_MAX = 20;
interface Derived {
  completed: Map<Key, number>;
  reviews7d: Map<Key, number>;
  retention: Map<Key, { passed: number; total: number }>;
  dueNow: Map<Key, number>;
  forecasts: Map<Key, RecallForecast>;
}
interface MemberPart {
  stamp: string;
  computedAt: number;
  validUntil: number;
  value: Derived;
  /** The member's rows as last built from `value`, with the name and email they were built with. */
  rows?: { who: string; rows: DashboardRow[] };
}
const derivedCache = new Map<string, { stamp: string; members: Map<string, MemberPart> }>();

/** Forgets every class's derived figures (tests, and the bench's cold first view). */
export function clearReviewCache(): void {
  derivedCache.clear();
}

const emptyDerived = (): Derived => ({ completed: new Map(), reviews7d: new Map(), retention: new Map(), dueNow: new Map(), forecasts: new Map() });
const userOf = (k: Key) => k.slice(0, k.indexOf('|'));

/** Derived figures of the whole class or one member, split per member id. */
async function computeDerived(db: Db, q: SqlRunner, classId: string, live: readonly { id: string; moduleId: string; dueAt: Date | null }[], now: Date, userId?: string) {
  const member = userId ? sql`AND cm."userId" = ${userId}` : empty;
  const [completed, reviews, figures] = await Promise.all([
    all<CountRow>(q, completedSql(classId, member)),
    all<ReviewRow>(q, reviewsSql(classId, member, now)),
    classForecastFigures(db, classId, live, now, userId),
  ]);
  const whole: Derived = { completed: countMap(completed), ...reviewMaps(reviews), dueNow: figures.dueNow, forecasts: figures.forecasts };
  const parts = new Map<string, Derived>();
  for (const field of ['completed', 'reviews7d', 'retention', 'dueNow', 'forecasts'] as const) {
    for (const [k, v] of whole[field] as Map<Key, unknown>) {
      const u = userOf(k);
      let part = parts.get(u);
      if (!part) parts.set(u, (part = emptyDerived()));
      (part[field] as Map<Key, unknown>).set(k, v);
    }
  }
  return { parts, nextDueMs: figures.nextDueMs };
}

/** Each member's derived figures, from the cache where still valid, the rest computed now (and kept). */
async function derivedFor(
  db: Db,
  q: SqlRunner,
  classId: string,
  classStamp: string,
  live: readonly { id: string; moduleId: string; dueAt: Date | null }[],
  activity: readonly ActivityRow[],
  now: Date,
  memberByMemberMax: number,
) {
  let entry = derivedCache.get(classId);
  if (!entry || entry.stamp !== classStamp) entry = { stamp: classStamp, members: new Map() };
  derivedCache.delete(classId);
  if (derivedCache.size >= CACHE_LIMIT) derivedCache.delete(derivedCache.keys().next().value!);
  derivedCache.set(classId, entry);
  const cache = entry.members;
  const stampOf = new Map(activity.map((a) => [a.userId, memberStamp(a)]));
  for (const userId of cache.keys()) if (!stampOf.has(userId)) cache.delete(userId);
  const stale = activity.filter((a) => {
    const part = cache.get(a.userId);
    const age = part ? now.getTime() - part.computedAt : Number.POSITIVE_INFINITY;
    return !(part && part.stamp === stampOf.get(a.userId) && age >= 0 && age < REVIEW_CACHE_MS && now.getTime() < part.validUntil);
  });
  // A status turns overdue when an assignment's due instant passes: the rows built before it are stale then.
  const nextAssignmentDue = Math.min(...live.map((a) => (a.dueAt && a.dueAt.getTime() > now.getTime() ? a.dueAt.getTime() : Number.POSITIVE_INFINITY)));
  const keep = (userIds: readonly string[], computed: Awaited<ReturnType<typeof computeDerived>>) => {
    for (const userId of userIds) {
      const validUntil = Math.min(computed.nextDueMs.get(userId) ?? Number.POSITIVE_INFINITY, nextAssignmentDue);
      cache.set(userId, { stamp: stampOf.get(userId)!, computedAt: now.getTime(), validUntil, value: computed.parts.get(userId) ?? emptyDerived() });
    }
  };
  if (stale.length > memberByMemberMax) {
    keep(stale.map((a) => a.userId), await computeDerived(db, q, classId, live, now));
  } else {
    for (const a of stale) keep([a.userId], await computeDerived(db, q, classId, live, now, a.userId));
  }
  return (userId: string) => cache.get(userId);
}

function memberStamp(a: ActivityRow): string {
  return `${fromSqlTime(a.lastReview)?.getTime() ?? ''}:${fromSqlTime(a.lastView)?.getTime() ?? ''}:${num(a.completions)}:${fromSqlTime(a.lastCompletion)?.getTime() ?? ''}`;
}

type ClassRow = { id: string; name: string; timeZone: string; joinCode: string };
type AssignmentRow = { id: string; moduleId: string; dueAt: unknown; note: string; title: string; order: unknown; retiredAt: unknown; lessons: unknown };
type PersonRow = { id: string; name: string; email: string; at: unknown };

/** The class with its assignments, members and removals, if it is the instructor's: four indexed reads. */
async function readClass(q: SqlRunner, instructorId: string, classId: string) {
  const [cls] = await all<ClassRow>(q, sql`SELECT "id" AS "id", "name" AS "name", "timeZone" AS "timeZone", "joinCode" AS "joinCode" FROM "Class" WHERE "id" = ${classId} AND "instructorId" = ${instructorId}`);
  if (!cls) return null;
  const [assignments, members, removals, cards] = await Promise.all([
    all<AssignmentRow>(q, sql`
      SELECT a."id" AS "id", a."moduleId" AS "moduleId", a."dueAt" AS "dueAt", a."note" AS "note", m."title" AS "title", m."order" AS "order", m."retiredAt" AS "retiredAt",
        (SELECT COUNT(*) FROM "Lesson" l WHERE l."moduleId" = a."moduleId" AND l."retiredAt" IS NULL) AS "lessons"
      FROM "Assignment" a JOIN "Module" m ON m."id" = a."moduleId"
      WHERE a."classId" = ${classId}`),
    all<PersonRow>(q, sql`
      SELECT u."id" AS "id", u."name" AS "name", u."email" AS "email", cm."joinedAt" AS "at"
      FROM "ClassMember" cm JOIN "User" u ON u."id" = cm."userId"
      WHERE cm."classId" = ${classId} ORDER BY cm."joinedAt", u."id"`),
    all<PersonRow>(q, sql`
      SELECT u."id" AS "id", u."name" AS "name", u."email" AS "email", r."removedAt" AS "at"
      FROM "ClassRemoval" r JOIN "User" u ON u."id" = r."userId"
      WHERE r."classId" = ${classId} ORDER BY r."removedAt" DESC, u."id"`),
    all<{ n: unknown; at: unknown }>(q, sql`
      SELECT COUNT(*) AS "n", MAX(c."updatedAt") AS "at"
      FROM "Assignment" a JOIN "Lesson" l ON l."moduleId" = a."moduleId" JOIN "Card" c ON c."lessonId" = l."id"
      WHERE a."classId" = ${classId}`),
  ]);
  return {
    ...cls,
    assignments: assignments
      .map((a) => ({ id: a.id, moduleId: a.moduleId, title: a.title, dueAt: fromSqlTime(a.dueAt), note: a.note, lessons: num(a.lessons), retired: a.retiredAt !== null && a.retiredAt !== undefined, order: num(a.order) }))
      .sort(byDueThenOrder),
    members: members.map((m) => ({ id: m.id, name: m.name, email: m.email, joinedAt: fromSqlTime(m.at)! })),
    removed: removals.map((r) => ({ id: r.id, name: r.name, email: r.email, removedAt: fromSqlTime(r.at)! })),
    cardsStamp: `${num(cards[0]?.n)}@${fromSqlTime(cards[0]?.at)?.getTime() ?? ''}`,
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
export async function classDashboard(db: Db, instructorId: string, classId: string, now: Date, { memberByMemberMax = MEMBER_BY_MEMBER_MAX }: { memberByMemberMax?: number } = {}) {
  const q = storeFor(db);
  const cls = await readClass(q, instructorId, classId);
  if (!cls) return null;
  const live = cls.assignments.filter((a) => !a.retired);
  const activity = await all<ActivityRow>(q, activitySql(cls.id, empty));
  const classStamp = JSON.stringify([cls.assignments.map((a) => [a.id, a.moduleId, a.title, a.dueAt?.getTime() ?? null, a.lessons, a.retired]), cls.cardsStamp]);
  const partOf = await derivedFor(db, q, cls.id, classStamp, live, activity, now, memberByMemberMax);
  const lastActive = lastActiveOf(activity);
  const rows: DashboardRow[] = [];
  for (const m of cls.members) {
    const part = partOf(m.id);
    // Rows depend on the member's part (its stamp covers their last activity), their name and email, the class
    // stamp and the assignments' due instants (the part's validity): a repeat view reuses them as built.
    const who = `${m.name}\n${m.email}`;
    if (part?.rows?.who === who) {
      for (const r of part.rows.rows) rows.push(r);
      continue;
    }
    const d = part?.value ?? emptyDerived();
    const built = addForecasts(buildRows([m], live, { ...d, lastActive }, now), d.forecasts);
    if (part) part.rows = { who, rows: built };
    for (const r of built) rows.push(r);
  }
  return {
    class: { id: cls.id, name: cls.name, timeZone: cls.timeZone, joinCode: cls.joinCode },
    assignments: summarise(live, rows),
    members: cls.members.map((m) => ({ ...m, lastActive: lastActive.get(m.id) ?? null })),
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
