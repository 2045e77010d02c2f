// Recall forecasts per learner × assignment, for the class dashboard and the learner's assignment list:
// the predicted share of the assignment's live cards recalled at its due time, and that share if the
// learner did their due reviews now. Two grouped SQL reads (live card counts and learned card states, per
// module) plus the members' settings; the prediction itself is lib/srs/forecast (pure).
import type { Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { createForecaster, type ForecastCard, type RecallForecast } from '@/lib/srs/forecast';
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

type StateRow = { userId: string; moduleId: string; state: string; due: unknown; stability: number; difficulty: number; lastReview: unknown; leech: unknown };

/** The live cards of these modules (as the dashboard counts them), with the given users' learned states. */
async function loadCards(db: Db, moduleIds: readonly string[], users: { classId: string } | { userId: string }) {
  const moduleCard = Prisma.sql`
    WITH "moduleCard" AS MATERIALIZED (
      SELECT c."id" AS "cardId", l."moduleId" AS "moduleId"
      FROM "Lesson" l
      JOIN "Card" c ON c."lessonId" = l."id" AND c."suspended" = false AND c."retiredAt" IS NULL
      WHERE l."moduleId" IN (${Prisma.join(moduleIds)}) AND l."retiredAt" IS NULL
    )`;
  const learned = Prisma.sql`cs."state" IN (${Prisma.join(LEARNED_STATES)})`;
  const from =
    'classId' in users
      ? Prisma.sql`FROM "ClassMember" cm
        JOIN "CardState" cs ON cs."userId" = cm."userId" AND ${learned}
        JOIN "moduleCard" mc ON mc."cardId" = cs."cardId"
        WHERE cm."classId" = ${users.classId}`
      : Prisma.sql`FROM "CardState" cs
        JOIN "moduleCard" mc ON mc."cardId" = cs."cardId"
        WHERE cs."userId" = ${users.userId} AND ${learned}`;
  const [counts, states] = await Promise.all([
    db.$queryRaw<{ moduleId: string; n: bigint }[]>`
      ${moduleCard}
      SELECT "moduleId", COUNT(*) AS n FROM "moduleCard" GROUP BY "moduleId"`,
    // Only learned cards are read: new and never-enrolled cards count as not recalled anyway.
    db.$queryRaw<StateRow[]>`
      ${moduleCard}
      SELECT cs."userId" AS "userId", mc."moduleId" AS "moduleId", cs."state" AS "state", cs."due" AS "due",
        cs."stability" AS "stability", cs."difficulty" AS "difficulty", cs."lastReview" AS "lastReview", cs."leech" AS "leech"
      ${from}`,
  ]);
  return { counts, states };
}

/**
 * Forecasts keyed `${userId}|${assignmentId}` for every user given (their settings rows) × assignment.
 * Learners without learned cards get a forecast of 0.
 */
async function forecastsFor(
  db: Db,
  assignments: readonly ForecastAssignment[],
  users: { classId: string } | { userId: string },
  now: Date,
): Promise<Map<Key, RecallForecast>> {
  const result = new Map<Key, RecallForecast>();
  if (assignments.length === 0) return result;
  const moduleIds = [...new Set(assignments.map((a) => a.moduleId))];
  const [people, { counts, states }] = await Promise.all([
    db.user.findMany({
      where: 'classId' in users ? { memberships: { some: { classId: users.classId } } } : { id: users.userId },
      select: { id: true, ...USER_SETTINGS_SELECT },
    }),
    loadCards(db, moduleIds, users),
  ]);
  const total = new Map(counts.map((c) => [c.moduleId, toNumber(c.n)]));
  const cardsOf = new Map<Key, ForecastCard[]>();
  for (const r of states) {
    const lastReview = toDate(r.lastReview);
    const due = toDate(r.due);
    if (!lastReview || !due) continue;
    const state: SrsCardState = {
      state: stateName(r.state), due, stability: r.stability, difficulty: r.difficulty, lastReview,
      // Not read by the forecast; kept so the state is a whole SrsCardState.
      elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0,
    };
    const k = key(r.userId, r.moduleId);
    let list = cardsOf.get(k);
    if (!list) cardsOf.set(k, (list = []));
    list.push({ cardId: '', state, reviewable: !(r.leech === true || r.leech === 1 || r.leech === 1n) });
  }
  for (const person of people) {
    const forecaster = createForecaster(settingsFromUser(person));
    for (const a of assignments) {
      const cards = cardsOf.get(key(person.id, a.moduleId)) ?? [];
      result.set(key(person.id, a.id), forecaster.forecast(cards, Math.max(total.get(a.moduleId) ?? 0, cards.length), a.dueAt, now));
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
