// Recall forecasts per learner × assignment, for the class dashboard and the learner's assignment list:
// the predicted share of the assignment's live cards recalled at its due time, and that share if the
// learner did their due reviews now. Grouped SQL reads through the review store (see loadSums) plus the
// members' settings; the prediction's rules are lib/srs/forecast (pure).
import type { Db } from '@/lib/db';
import { fromSqlTime, storeFor, type SqlRunner } from '@/lib/review/store';
import { createForecaster, forecastInstant, forgettingCurveParams, type RecallForecast } from '@/lib/srs/forecast';
import { CARD_STATES, type SrsCardState } from '@/lib/srs/types';
import { settingsFromUser, type UserSettingsRow } from '@/lib/review/settings';
import { stateName } from '@/lib/review/service';
import { empty, join, num, sql } from './sql';
import type { DashboardRow } from './table';

type Key = `${string}|${string}`;
const key = (userId: string, id: string): Key => `${userId}|${id}`;
/** Learned cards: every state but new. These are also the states that can be due (new cards wait in their queue). */
const LEARNED_STATES = CARD_STATES.filter((state) => state !== 'new');

export interface ForecastAssignment {
  id: string;
  moduleId: string;
  dueAt: Date | null;
}

type DueRow = { userId: string; moduleId: string; state: string; due: unknown; stability: number; difficulty: number; lastReviewMs: unknown };
/** Users sharing one forgetting curve; `userIds` null when it is everyone read. */
type CurveGroup = { decay: number; factor: number; userIds: string[] | null };
type SumRow = { userId: string; assignmentId: string; learned: unknown; recall: unknown; nextDue: unknown };
type SettingsRow = UserSettingsRow & { id: string };

const DAY_MS_SQL = 86_400_000;
/** A class's members (or one of them, still read through the membership), or one learner on their own. */
type Users = { classId: string; userId?: string } | { userId: string };

/**
 * Three grouped reads over the assignments' modules: the live card count per module; per user × assignment
 * the learned cards, the sum of their recall at the assignment's instant (the forgetting curve evaluated in
 * SQL with each user's decay and factor: 5,000 rows of 40,000 card states, not the states themselves) and the
 * next instant one of them becomes due; and the cards due now (a few per learner), whose simulated "Good"
 * runs here in lib/srs and whose count is the dashboard's "due now".
 * Portable SQL (SQLite and PostgreSQL): power(), CASE instead of MAX/GREATEST, typed VALUES.
 */
async function loadSums(
  q: SqlRunner,
  assignments: readonly { id: string; moduleId: string; atMs: number }[],
  curves: readonly CurveGroup[],
  users: Users,
  now: Date,
) {
  const moduleIds = [...new Set(assignments.map((a) => a.moduleId))];
  const moduleCard = sql`"moduleCard" AS MATERIALIZED (
      SELECT c."id" AS "cardId", l."moduleId" AS "moduleId"
      FROM "Lesson" l
      JOIN "Card" c ON c."lessonId" = l."id" AND c."suspended" = false AND c."retiredAt" IS NULL
      WHERE l."moduleId" IN (${join(moduleIds)}) AND l."retiredAt" IS NULL
    )`;
  // Only learned cards are read: new and never-enrolled cards count as not recalled anyway.
  const learned = sql`cs."state" IN (${join(LEARNED_STATES)})`;
  const fromStates =
    'classId' in users
      ? sql`FROM "ClassMember" cm JOIN "CardState" cs ON cs."userId" = cm."userId" AND ${learned}`
      : sql`FROM "CardState" cs`;
  const where =
    'classId' in users
      ? sql`cm."classId" = ${users.classId} ${users.userId ? sql`AND cm."userId" = ${users.userId}` : empty}`
      : sql`cs."userId" = ${users.userId} AND ${learned}`;
  const atValues = join(assignments.map((a) => sql`(${a.id}, ${a.moduleId}, CAST(${a.atMs} AS DOUBLE PRECISION))`));
  const elapsedDays = sql`(CASE WHEN ac."ms" > cs."lastReviewMs" THEN (ac."ms" - cs."lastReviewMs") / ${DAY_MS_SQL} ELSE 0 END)`;
  // One read per distinct curve (nearly always one: the default parameters), its decay and factor constants,
  // rather than a join on a per-user table of them that SQLite would scan for every card state.
  const sumsFor = (curve: CurveGroup) => {
    const decay = sql`CAST(${curve.decay} AS DOUBLE PRECISION)`;
    const factor = sql`CAST(${curve.factor} AS DOUBLE PRECISION)`;
    const only = curve.userIds ? sql`AND cs."userId" IN (${join(curve.userIds)})` : empty;
    // The assignments' cards with their instant first, then each learned state joined to them by card id:
    // SQLite then looks each state up once instead of once per assignment.
    const s = sql`
      WITH "at" ("assignmentId", "moduleId", "ms") AS MATERIALIZED (VALUES ${atValues}),
        "atCard" AS MATERIALIZED (
          SELECT c."id" AS "cardId", at."assignmentId" AS "assignmentId", at."ms" AS "ms"
          FROM "at"
          JOIN "Lesson" l ON l."moduleId" = at."moduleId" AND l."retiredAt" IS NULL
          JOIN "Card" c ON c."lessonId" = l."id" AND c."suspended" = false AND c."retiredAt" IS NULL
        )
      SELECT cs."userId" AS "userId", ac."assignmentId" AS "assignmentId", COUNT(*) AS "learned",
        SUM(CASE WHEN cs."stability" > 0 THEN power(1 + ${factor} * ${elapsedDays} / cs."stability", ${decay}) ELSE 0 END) AS "recall",
        MIN(CASE WHEN cs."due" > ${now} THEN cs."due" END) AS "nextDue"
      ${fromStates}
      JOIN "atCard" ac ON ac."cardId" = cs."cardId"
      WHERE ${where} ${only} AND cs."lastReviewMs" IS NOT NULL
      GROUP BY cs."userId", ac."assignmentId"`;
    return q.all<SumRow>(s.text, ...s.params);
  };
  const countSql = sql`
      WITH ${moduleCard}
      SELECT "moduleId" AS "moduleId", COUNT(*) AS "n" FROM "moduleCard" GROUP BY "moduleId"`;
  const dueSql = sql`
      WITH ${moduleCard}
      SELECT cs."userId" AS "userId", mc."moduleId" AS "moduleId", cs."state" AS "state", cs."due" AS "due",
        cs."stability" AS "stability", cs."difficulty" AS "difficulty", cs."lastReviewMs" AS "lastReviewMs"
      ${fromStates}
      JOIN "moduleCard" mc ON mc."cardId" = cs."cardId"
      WHERE ${where} AND cs."due" <= ${now} AND cs."leech" = false`;
  const [counts, sums, due] = await Promise.all([
    q.all<{ moduleId: string; n: unknown }>(countSql.text, ...countSql.params),
    Promise.all(curves.map(sumsFor)).then((parts) => parts.flat()),
    q.all<DueRow>(dueSql.text, ...dueSql.params),
  ]);
  return { counts, sums, due };
}

/** What one forecast pass yields besides the forecasts: the cards due now and when that next changes. */
export interface ForecastFigures {
  forecasts: Map<Key, RecallForecast>;
  /** Learned, non-leech live cards due now per `${userId}|${moduleId}`. */
  dueNow: Map<Key, number>;
  /** Per user, the next instant (epoch ms) at which one of their learned cards read becomes due (absent: none will). */
  nextDueMs: Map<string, number>;
}

/**
 * Forecasts keyed `${userId}|${assignmentId}` for every user given (their settings rows) × assignment.
 * Learners without learned cards get a forecast of 0. The same figures as lib/srs's forecaster over every
 * card (tested against it), with the curve summed in SQL.
 */
async function forecastsFor(
  db: Db,
  assignments: readonly ForecastAssignment[],
  users: Users,
  now: Date,
): Promise<ForecastFigures> {
  const result: ForecastFigures = { forecasts: new Map(), dueNow: new Map(), nextDueMs: new Map() };
  if (assignments.length === 0) return result;
  const q = storeFor(db);
  const peopleSql = sql`
    SELECT u."id" AS "id", u."desiredRetention" AS "desiredRetention", u."maximumInterval" AS "maximumInterval",
      u."newPerDay" AS "newPerDay", u."timeZone" AS "timeZone", u."dayStartHour" AS "dayStartHour",
      u."learningSteps" AS "learningSteps", u."relearningSteps" AS "relearningSteps", u."fsrsWeights" AS "fsrsWeights"
    FROM "User" u
    WHERE ${
      'classId' in users
        ? sql`u."id" IN (SELECT cm."userId" FROM "ClassMember" cm WHERE cm."classId" = ${users.classId} ${users.userId ? sql`AND cm."userId" = ${users.userId}` : empty})`
        : sql`u."id" = ${users.userId}`
    }`;
  const people = await q.all<SettingsRow>(peopleSql.text, ...peopleSql.params);
  // Most learners keep the default settings: each distinct stored row is parsed (zod) and its curve derived once.
  const parsed = new Map<string, { settings: ReturnType<typeof settingsFromUser>; curve: ReturnType<typeof forgettingCurveParams> }>();
  const settingsOf = new Map<string, ReturnType<typeof settingsFromUser>>();
  const curveOf = new Map<string, ReturnType<typeof forgettingCurveParams>>();
  for (const p of people) {
    const raw = JSON.stringify([p.desiredRetention, p.maximumInterval, p.newPerDay, p.timeZone, p.dayStartHour, p.learningSteps, p.relearningSteps, p.fsrsWeights]);
    let known = parsed.get(raw);
    if (!known) {
      const settings = settingsFromUser(p);
      parsed.set(raw, (known = { settings, curve: forgettingCurveParams(settings) }));
    }
    settingsOf.set(p.id, known.settings);
    curveOf.set(p.id, known.curve);
  }
  const groups = new Map<string, CurveGroup & { userIds: string[] }>();
  for (const p of people) {
    const curve = curveOf.get(p.id)!;
    const id = `${curve.decay}|${curve.factor}`;
    const group = groups.get(id) ?? { ...curve, userIds: [] };
    group.userIds.push(p.id);
    groups.set(id, group);
  }
  const curves: CurveGroup[] = groups.size === 1 ? [...groups.values()].map((g) => ({ ...g, userIds: null })) : [...groups.values()];
  const timed = assignments.map((a) => ({ ...a, at: forecastInstant(a.dueAt, now) }));
  const { counts, sums, due } = await loadSums(q, timed.map((a) => ({ id: a.id, moduleId: a.moduleId, atMs: a.at.getTime() })), curves, users, now);
  const total = new Map(counts.map((c) => [c.moduleId, num(c.n)]));
  const sumOf = new Map(sums.map((r) => [key(r.userId, r.assignmentId), { learned: num(r.learned), recall: num(r.recall) }]));
  for (const r of sums) {
    const next = fromSqlTime(r.nextDue)?.getTime();
    const known = result.nextDueMs.get(r.userId);
    if (next !== undefined && (known === undefined || next < known)) result.nextDueMs.set(r.userId, next);
  }
  const dueOf = new Map<Key, SrsCardState[]>();
  for (const r of due) {
    const k = key(r.userId, r.moduleId);
    result.dueNow.set(k, (result.dueNow.get(k) ?? 0) + 1);
    const lastMs = r.lastReviewMs === null || r.lastReviewMs === undefined ? null : num(r.lastReviewMs);
    const dueAt = fromSqlTime(r.due);
    if (lastMs === null || !dueAt) continue;
    let list = dueOf.get(k);
    if (!list) dueOf.set(k, (list = []));
    // Only the fields the forecast reads; the rest keeps the state a whole SrsCardState.
    list.push({ state: stateName(r.state), due: dueAt, stability: r.stability, difficulty: r.difficulty, lastReview: new Date(lastMs), elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0 });
  }
  // Building a forecaster is the costly part; learners with the same stored settings (time zone included) share one.
  const forecasters = new Map<ReturnType<typeof settingsFromUser>, ReturnType<typeof createForecaster>>();
  for (const person of people) {
    const settings = settingsOf.get(person.id)!;
    let forecaster = forecasters.get(settings);
    if (!forecaster) forecasters.set(settings, (forecaster = createForecaster(settings)));
    for (const a of timed) {
      const sum = sumOf.get(key(person.id, a.id)) ?? { learned: 0, recall: 0 };
      const cards = Math.max(total.get(a.moduleId) ?? 0, sum.learned);
      const dueCards = dueOf.get(key(person.id, a.moduleId)) ?? [];
      let after = sum.recall;
      for (const state of dueCards) after += forecaster.recallAfterGood(state, now, a.at) - forecaster.recallAt(state, a.at);
      result.forecasts.set(key(person.id, a.id), {
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
export async function classForecasts(db: Db, classId: string, assignments: readonly ForecastAssignment[], now: Date): Promise<Map<Key, RecallForecast>> {
  return (await forecastsFor(db, assignments, { classId }, now)).forecasts;
}

/** The forecasts with the cards due now and when that next changes (classDashboard), for the class or one member. */
export function classForecastFigures(db: Db, classId: string, assignments: readonly ForecastAssignment[], now: Date, userId?: string): Promise<ForecastFigures> {
  return forecastsFor(db, assignments, { classId, userId }, now);
}

/** The signed-in learner's forecast per assignment id, for assignments of classes they are a member of. */
export async function learnerForecasts(db: Db, userId: string, now: Date): Promise<Map<string, RecallForecast>> {
  const assignments = await db.assignment.findMany({
    where: { class: { members: { some: { userId } } }, module: { retiredAt: null } },
    select: { id: true, moduleId: true, dueAt: true },
  });
  const all = (await forecastsFor(db, assignments, { userId }, now)).forecasts;
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
