// Recall forecasts per learner × assignment, for the class dashboard and the learner's assignment list:
// the predicted share of the assignment's live cards recalled at its due time, and that share if the
// learner did their due reviews now. Grouped SQL reads (see loadSums) plus the members' settings; the
// prediction's rules are lib/srs/forecast (pure).
import type { Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { createForecaster, forecastInstant, forgettingCurveParams, type RecallForecast } from '@/lib/srs/forecast';
import { CARD_STATES, type SrsCardState } from '@/lib/srs/types';
import { settingsFromUser, USER_SETTINGS_SELECT } from '@/lib/review/settings';
import { stateName } from '@/lib/review/service';
import type { DashboardRow } from './table';

type Key = `${string}|${string}`;
const key = (userId: string, id: string): Key => `${userId}|${id}`;
const LEARNED_STATES = CARD_STATES.filter((state) => state !== 'new');

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'bigint' ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? null : d;
}
const toNumber = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v ?? 0));

export interface ForecastAssignment {
  id: string;
  moduleId: string;
  dueAt: Date | null;
}

type DueRow = { userId: string; moduleId: string; state: string; due: unknown; stability: number; difficulty: number; lastReviewMs: unknown };
/** Users sharing one forgetting curve; `userIds` null when it is everyone read. */
type CurveGroup = { decay: number; factor: number; userIds: string[] | null };
type SumRow = { userId: string; assignmentId: string; learned: bigint | number; recall: number | null };

const DAY_MS_SQL = 86_400_000;

/**
 * Three grouped reads over the assignments' modules: the live card count per module; per user × assignment
 * the learned cards and the sum of their recall at the assignment's instant (the forgetting curve evaluated
 * in SQL with each user's decay and factor: 5,000 rows of 40,000 card states, not the states themselves);
 * and the learned cards due now (a few per learner), whose simulated "Good" runs here in lib/srs.
 * Portable SQL (SQLite and PostgreSQL): power(), CASE instead of MAX/GREATEST, typed VALUES.
 */
async function loadSums(
  db: Db,
  assignments: readonly { id: string; moduleId: string; atMs: number }[],
  curves: readonly CurveGroup[],
  users: { classId: string } | { userId: string },
  now: Date,
) {
  const moduleIds = [...new Set(assignments.map((a) => a.moduleId))];
  const moduleCard = Prisma.sql`"moduleCard" AS MATERIALIZED (
      SELECT c."id" AS "cardId", l."moduleId" AS "moduleId"
      FROM "Lesson" l
      JOIN "Card" c ON c."lessonId" = l."id" AND c."suspended" = false AND c."retiredAt" IS NULL
      WHERE l."moduleId" IN (${Prisma.join(moduleIds)}) AND l."retiredAt" IS NULL
    )`;
  // Only learned cards are read: new and never-enrolled cards count as not recalled anyway.
  const learned = Prisma.sql`cs."state" IN (${Prisma.join(LEARNED_STATES)}) AND cs."lastReviewMs" IS NOT NULL`;
  const from =
    'classId' in users
      ? Prisma.sql`FROM "ClassMember" cm
        JOIN "CardState" cs ON cs."userId" = cm."userId" AND ${learned}
        JOIN "moduleCard" mc ON mc."cardId" = cs."cardId"`
      : Prisma.sql`FROM "CardState" cs
        JOIN "moduleCard" mc ON mc."cardId" = cs."cardId"`;
  const fromStates =
    'classId' in users
      ? Prisma.sql`FROM "ClassMember" cm JOIN "CardState" cs ON cs."userId" = cm."userId" AND ${learned}`
      : Prisma.sql`FROM "CardState" cs`;
  const where = 'classId' in users ? Prisma.sql`cm."classId" = ${users.classId}` : Prisma.sql`cs."userId" = ${users.userId} AND ${learned}`;
  const atValues = Prisma.join(assignments.map((a) => Prisma.sql`(${a.id}, ${a.moduleId}, CAST(${a.atMs} AS DOUBLE PRECISION))`));
  const elapsedDays = Prisma.sql`(CASE WHEN ac."ms" > cs."lastReviewMs" THEN (ac."ms" - cs."lastReviewMs") / ${DAY_MS_SQL} ELSE 0 END)`;
  // One read per distinct curve (nearly always one: the default parameters), its decay and factor constants,
  // rather than a join on a per-user table of them that SQLite would scan for every card state.
  const sumsFor = (curve: CurveGroup) => {
    const decay = Prisma.sql`CAST(${curve.decay} AS DOUBLE PRECISION)`;
    const factor = Prisma.sql`CAST(${curve.factor} AS DOUBLE PRECISION)`;
    const only = curve.userIds ? Prisma.sql`AND cs."userId" IN (${Prisma.join(curve.userIds)})` : Prisma.empty;
    // The assignments' cards with their instant first, then each learned state joined to them by card id:
    // SQLite then looks each state up once instead of once per assignment.
    return db.$queryRaw<SumRow[]>`
      WITH "at" ("assignmentId", "moduleId", "ms") AS MATERIALIZED (VALUES ${atValues}),
        "atCard" AS MATERIALIZED (
          SELECT c."id" AS "cardId", at."assignmentId" AS "assignmentId", at."ms" AS "ms"
          FROM "at"
          JOIN "Lesson" l ON l."moduleId" = at."moduleId" AND l."retiredAt" IS NULL
          JOIN "Card" c ON c."lessonId" = l."id" AND c."suspended" = false AND c."retiredAt" IS NULL
        )
      SELECT cs."userId" AS "userId", ac."assignmentId" AS "assignmentId", COUNT(*) AS learned,
        SUM(CASE WHEN cs."stability" > 0 THEN power(1 + ${factor} * ${elapsedDays} / cs."stability", ${decay}) ELSE 0 END) AS recall
      ${fromStates}
      JOIN "atCard" ac ON ac."cardId" = cs."cardId"
      WHERE ${where} ${only}
      GROUP BY cs."userId", ac."assignmentId"`;
  };
  const [counts, sums, due] = await Promise.all([
    db.$queryRaw<{ moduleId: string; n: bigint }[]>`
      WITH ${moduleCard}
      SELECT "moduleId", COUNT(*) AS n FROM "moduleCard" GROUP BY "moduleId"`,
    Promise.all(curves.map(sumsFor)).then((parts) => parts.flat()),
    db.$queryRaw<DueRow[]>`
      WITH ${moduleCard}
      SELECT cs."userId" AS "userId", mc."moduleId" AS "moduleId", cs."state" AS "state", cs."due" AS "due",
        cs."stability" AS "stability", cs."difficulty" AS "difficulty", cs."lastReviewMs" AS "lastReviewMs"
      ${from}
      WHERE ${where} AND cs."due" <= ${now} AND cs."leech" = false`,
  ]);
  return { counts, sums, due };
}

/**
 * Forecasts keyed `${userId}|${assignmentId}` for every user given (their settings rows) × assignment.
 * Learners without learned cards get a forecast of 0. The same figures as lib/srs's forecaster over every
 * card (tested against it), with the curve summed in SQL.
 */
async function forecastsFor(
  db: Db,
  assignments: readonly ForecastAssignment[],
  users: { classId: string } | { userId: string },
  now: Date,
): Promise<Map<Key, RecallForecast>> {
  const result = new Map<Key, RecallForecast>();
  if (assignments.length === 0) return result;
  const people = await db.user.findMany({
    where: 'classId' in users ? { memberships: { some: { classId: users.classId } } } : { id: users.userId },
    select: { id: true, ...USER_SETTINGS_SELECT },
  });
  const settingsOf = new Map(people.map((p) => [p.id, settingsFromUser(p)]));
  const groups = new Map<string, CurveGroup & { userIds: string[] }>();
  for (const p of people) {
    const curve = forgettingCurveParams(settingsOf.get(p.id)!);
    const id = `${curve.decay}|${curve.factor}`;
    const group = groups.get(id) ?? { ...curve, userIds: [] };
    group.userIds.push(p.id);
    groups.set(id, group);
  }
  const curves: CurveGroup[] = groups.size === 1 ? [...groups.values()].map((g) => ({ ...g, userIds: null })) : [...groups.values()];
  const timed = assignments.map((a) => ({ ...a, at: forecastInstant(a.dueAt, now) }));
  const { counts, sums, due } = await loadSums(db, timed.map((a) => ({ id: a.id, moduleId: a.moduleId, atMs: a.at.getTime() })), curves, users, now);
  const total = new Map(counts.map((c) => [c.moduleId, toNumber(c.n)]));
  const sumOf = new Map(sums.map((r) => [key(r.userId, r.assignmentId), { learned: toNumber(r.learned), recall: toNumber(r.recall) }]));
  const dueOf = new Map<Key, SrsCardState[]>();
  for (const r of due) {
    const lastMs = r.lastReviewMs === null || r.lastReviewMs === undefined ? null : toNumber(r.lastReviewMs);
    const dueAt = toDate(r.due);
    if (lastMs === null || !dueAt) continue;
    const k = key(r.userId, r.moduleId);
    let list = dueOf.get(k);
    if (!list) dueOf.set(k, (list = []));
    // Only the fields the forecast reads; the rest keeps the state a whole SrsCardState.
    list.push({ state: stateName(r.state), due: dueAt, stability: r.stability, difficulty: r.difficulty, lastReview: new Date(lastMs), elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0 });
  }
  // Building a forecaster is the costly part; learners with the same settings (time zone included) share one.
  const forecasters = new Map<string, ReturnType<typeof createForecaster>>();
  for (const person of people) {
    const settings = settingsOf.get(person.id)!;
    const id = JSON.stringify(settings);
    let forecaster = forecasters.get(id);
    if (!forecaster) forecasters.set(id, (forecaster = createForecaster(settings)));
    for (const a of timed) {
      const sum = sumOf.get(key(person.id, a.id)) ?? { learned: 0, recall: 0 };
      const cards = Math.max(total.get(a.moduleId) ?? 0, sum.learned);
      const dueCards = dueOf.get(key(person.id, a.moduleId)) ?? [];
      let after = sum.recall;
      for (const state of dueCards) after += forecaster.recallAfterGood(state, now, a.at) - forecaster.recallAt(state, a.at);
      result.set(key(person.id, a.id), {
        at: a.at,
        cards,
        learned: sum.learned,
        share: cards === 0 ? 0 : sum.recall / cards,
        dueNow: dueCards.length,
        shareIfReviewedNow: cards === 0 ? 0 : after / cards,
      });
    }
  }
  return result;
}

/**
 * Forecasts for a class's members (or one of them) × the given assignments of that class. The caller has
 * checked that the class is the instructor's (classDashboard does).
 */
export function classForecasts(db: Db, classId: string, assignments: readonly ForecastAssignment[], now: Date): Promise<Map<Key, RecallForecast>> {
  return forecastsFor(db, assignments, { classId }, now);
}

/** The signed-in learner's forecast per assignment id, for assignments of classes they are a member of. */
export async function learnerForecasts(db: Db, userId: string, now: Date): Promise<Map<string, RecallForecast>> {
  const assignments = await db.assignment.findMany({
    where: { class: { members: { some: { userId } } }, module: { retiredAt: null } },
    select: { id: true, moduleId: true, dueAt: true },
  });
  const all = await forecastsFor(db, assignments, { userId }, now);
  return new Map(assignments.flatMap((a) => {
    const f = all.get(key(userId, a.id));
    return f ? [[a.id, f] as const] : [];
  }));
}

/** Dashboard rows with their forecast fields filled in (the same row objects, for 5,000 rows without copies). */
export function addForecasts(rows: DashboardRow[], forecasts: ReadonlyMap<string, RecallForecast>): DashboardRow[] {
  for (const row of rows) {
    const f = forecasts.get(key(row.userId, row.assignmentId));
    row.forecast = f ? f.share : null;
    row.forecastIfReviewed = f ? f.shareIfReviewedNow : null;
  }
  return rows;
}
