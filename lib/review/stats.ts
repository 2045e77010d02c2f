// A learner's review statistics, computed by lib/srs from their own logs and card states; optionally only for the
// cards of one course (the daily queue and the streak still span all courses, so the streak is never filtered).
import type { Db } from '@/lib/db';
import { countsByState, dueForecast, reviewHeatmap, streak, trueRetention, type DayCount, type StateCounts, type Streak, type TrueRetention } from '@/lib/srs';
import { LIVE_CARD, loadSettings, stateName, toSrsState } from './service';

export interface LearnerStats {
  heatmap: DayCount[];
  forecast: DayCount[];
  retention: TrueRetention;
  desiredRetention: number;
  streak: Streak;
  counts: StateCounts;
  totalReviews: number;
  leeches: { id: string; front: string; lapses: number }[];
  timeZone: string;
  optimisedAt: Date | null;
  personalWeights: boolean;
}

export async function loadLearnerStats(db: Db, userId: string, now: Date, opts: { courseId?: string } = {}): Promise<LearnerStats> {
  const settings = await loadSettings(db, userId);
  const yearAgo = new Date(now.getTime() - 367 * 86_400_000);
  const inCourse = opts.courseId ? { lesson: { module: { courseId: opts.courseId } } } : undefined;
  const liveCard = inCourse ? { AND: [LIVE_CARD, inCourse] } : LIVE_CARD;
  const [logs, allLogs, states, leechRows, totalReviews, user] = await Promise.all([
    db.reviewLog.findMany({ where: { userId, review: { gte: yearAgo }, ...(inCourse ? { card: inCourse } : {}) }, select: { review: true, rating: true, state: true } }),
    // The streak counts days with any review, whatever the course.
    inCourse ? db.reviewLog.findMany({ where: { userId, review: { gte: yearAgo } }, select: { review: true } }) : null,
    db.cardState.findMany({
      where: { userId, leech: false, card: liveCard },
      select: { state: true, due: true, stability: true, difficulty: true, elapsedDays: true, scheduledDays: true, learningSteps: true, reps: true, lapses: true, lastReview: true },
    }),
    db.cardState.findMany({
      where: { userId, leech: true, ...(inCourse ? { card: inCourse } : {}) },
      select: { lapses: true, card: { select: { id: true, front: true, editedFront: true } } },
      take: 100,
    }),
    db.reviewLog.count({ where: { userId, ...(inCourse ? { card: inCourse } : {}) } }),
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { fsrsOptimisedAt: true, fsrsWeights: true } }),
  ]);
  const srsStates = states.map(toSrsState);
  const retentionLogs = logs.map((l) => ({ rating: l.rating, review: l.review, state: stateName(l.state) }));
  return {
    heatmap: reviewHeatmap(logs, now, settings.timeZone, settings.dayStartHour, 365),
    forecast: dueForecast(srsStates, now, settings.timeZone, settings.dayStartHour, 30),
    retention: trueRetention(retentionLogs, now),
    desiredRetention: settings.desiredRetention,
    streak: streak(allLogs ?? logs, now, settings.timeZone, settings.dayStartHour),
    counts: countsByState(srsStates),
    totalReviews,
    leeches: leechRows.map((r) => ({ id: r.card.id, front: r.card.editedFront ?? r.card.front, lapses: r.lapses })),
    timeZone: settings.timeZone,
    optimisedAt: user.fsrsOptimisedAt,
    personalWeights: Boolean(user.fsrsWeights),
  };
}
