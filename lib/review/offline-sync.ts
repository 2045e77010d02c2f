// Grades made offline, sent when the browser is back: each recorded once (by clientId) at its own time, placed
// between the card's last review and the server's now, and in time order with reviews another device sent
// meanwhile (lib/offline/merge.ts has the rules). One write transaction per grade, like a grade made online.
import type { Db } from '@/lib/db';
import { SrsError, gradeCard, type LearnerSrsSettings, type SrsCardState } from '@/lib/srs';
import { mergeInTimeOrder, placeReviewTime, type Clamp, type LaterReview, type MergedStep } from '@/lib/offline/merge';
import type { SyncBatch } from '@/lib/offline/queue';
import { queueCardById } from './queue-sql';
import { insertLog, loadSettings, toSrsLog, writeState, type LogRow } from './service';
import { fromSqlTime, isUniqueViolation, sqlTime, storeFor, type SqlRunner } from './store';

export type OfflineGradeStatus = 'recorded' | 'duplicate' | 'merged' | 'not_found';

export interface OfflineGradeOutcome {
  clientId: string;
  cardId: string;
  status: OfflineGradeStatus;
  /** The review time recorded (ISO); null when nothing was recorded. */
  recordedAt: string | null;
  /** Why the recorded time differs from the one sent, if it does. */
  clamped: Clamp;
}

export type OfflineSyncResult =
  | { ok: true; outcomes: OfflineGradeOutcome[] }
  | { ok: false; code: 'wrong_user'; error: string };

const SQL = {
  seen: `SELECT 1 AS "one" FROM "ReviewLog" WHERE "userId" = ? AND "clientId" = ?`,
  later: `SELECT * FROM "ReviewLog" WHERE "userId" = ? AND "cardId" = ? AND "review" > ? ORDER BY "review" DESC, "id" DESC`,
  rewrite: `UPDATE "ReviewLog" SET "state" = ?, "due" = ?, "lastReview" = ?, "stability" = ?, "difficulty" = ?, "elapsedDays" = ?,
    "lastElapsedDays" = ?, "scheduledDays" = ?, "learningSteps" = ? WHERE "id" = ? AND "userId" = ?`,
};

class StaleOfflineGrade extends Error {}

type RawLog = Omit<LogRow, 'due' | 'lastReview' | 'review'> & { id: string; due: string; lastReview: string | null; review: string };

async function laterReviews(tx: SqlRunner, userId: string, cardId: string, after: Date): Promise<LaterReview[]> {
  return (await tx.all<RawLog>(SQL.later, userId, cardId, sqlTime(after))).map((r) => ({
    id: r.id,
    log: toSrsLog({ ...r, due: new Date(r.due), lastReview: fromSqlTime(r.lastReview), review: new Date(r.review) }),
  }));
}

/** Places the grade after everything the card has (when the history cannot be re-ordered). */
function onTop(state: SrsCardState, rating: SyncBatch['grades'][number]['rating'], at: Date, clamped: Clamp, settings: LearnerSrsSettings, cardId: string, now: Date) {
  let time = at;
  let why = clamped;
  if (state.lastReview !== null && time.getTime() <= state.lastReview.getTime()) {
    time = new Date(Math.min(state.lastReview.getTime() + 1, now.getTime()));
    why = 'before_last_review';
  }
  const result = gradeCard(state, rating, time, settings, cardId);
  return { steps: [{ id: null, ...result }] as MergedStep[], at: time, clamped: why };
}

/**
 * Applies one learner's queued grades in the order sent. `sessionUserId` is the signed-in user: a batch queued
 * under another account is refused whole, and card ids are only ever looked up among this user's own cards.
 */
export async function applyOfflineGrades(db: Db, sessionUserId: string, batch: SyncBatch, now: Date, settings?: LearnerSrsSettings): Promise<OfflineSyncResult> {
  if (batch.userId !== sessionUserId) {
    return { ok: false, code: 'wrong_user', error: 'These grades were made under another account; sign in as that account to send them.' };
  }
  const s = settings ?? (await loadSettings(db, sessionUserId));
  const outcomes: OfflineGradeOutcome[] = [];
  for (const g of batch.grades) {
    const none = (status: OfflineGradeStatus): OfflineGradeOutcome => ({ clientId: g.clientId, cardId: g.cardId, status, recordedAt: null, clamped: null });
    try {
      outcomes.push(
        await storeFor(db).write(async (tx): Promise<OfflineGradeOutcome> => {
          if (await tx.get(SQL.seen, sessionUserId, g.clientId)) return none('duplicate');
          const row = await queueCardById(tx, sessionUserId, g.cardId);
          if (!row) return none('not_found');
          const current = row.state;
          const unchanged = row.version === g.version;
          // The earliest a grade can be: after the review the learner saw (the server's, when the card is unchanged).
          const shownLast = unchanged ? current.lastReview : g.lastReviewShown === null ? null : fromSqlTime(g.lastReviewShown);
          const placed = placeReviewTime(new Date(g.reviewedAt), shownLast, now);
          let plan = { steps: [] as MergedStep[], at: placed.at, clamped: placed.clamped };
          const later = unchanged ? [] : await laterReviews(tx, sessionUserId, g.cardId, placed.at);
          if (later.length === 0) {
            plan = onTop(current, g.rating, placed.at, placed.clamped, s, g.cardId, now);
          } else {
            try {
              plan.steps = mergeInTimeOrder(current, later, { rating: g.rating, at: placed.at }, s, g.cardId);
            } catch (e) {
              if (!(e instanceof SrsError)) throw e;
              plan = onTop(current, g.rating, placed.at, placed.clamped, s, g.cardId, now);
            }
          }
          const last = plan.steps.at(-1);
          if (!last) return none('not_found');
          for (const step of plan.steps) {
            if (step.id === null) {
              await insertLog(tx, sessionUserId, g.cardId, g.clientId, step.log, g.durationMs);
            } else {
              const l = step.log;
              await tx.run(SQL.rewrite, l.state, sqlTime(l.due), l.lastReview === null ? null : sqlTime(l.lastReview), l.stability, l.difficulty,
                l.elapsedDays, l.lastElapsedDays, l.scheduledDays, l.learningSteps, step.id, sessionUserId);
            }
          }
          const leech = plan.steps.some((step) => step.becameLeech);
          // SQLite took the lock before the read; on PostgreSQL another node may have moved the version meanwhile:
          // then this grade rolls back and is reported as not recorded, like a stale tab online.
          if ((await writeState(tx, sessionUserId, g.cardId, row.version, last.state, leech)) !== 1) throw new StaleOfflineGrade();
          return { clientId: g.clientId, cardId: g.cardId, status: unchanged ? 'recorded' : 'merged', recordedAt: plan.at.toISOString(), clamped: plan.clamped };
        }),
      );
    } catch (e) {
      // The unique (userId, clientId) index is the last word on a grade sent twice at once.
      if (isUniqueViolation(e)) outcomes.push(none('duplicate'));
      else if (e instanceof StaleOfflineGrade) outcomes.push(none('not_found'));
      else throw e;
    }
  }
  return { ok: true, outcomes };
}
