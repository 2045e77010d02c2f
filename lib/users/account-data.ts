// Account rights: everything we hold about one user, for download (JSON and CSV), and deleting the account.
// Deleting removes the user's rows outright (progress, card states, reviews, flags, memberships, private cards):
// class dashboards no longer show them at all, rather than an anonymous row. Instructors must first hand over or
// delete the classes and courses they own, so a class or course never loses its owner silently.
import type { Db } from '@/lib/db';
import { csvField } from '@/lib/classes/table';

export interface AccountData {
  exportedAt: string;
  profile: {
    id: string;
    email: string;
    name: string;
    role: string;
    timeZone: string;
    dayStartHour: number;
    desiredRetention: number;
    newPerDay: number;
    maximumInterval: number;
    learningSteps: string;
    relearningSteps: string;
    fsrsWeights: string | null;
    createdAt: string;
    signInMethods: string[];
  };
  enrollments: { course: string; enrolledAt: string }[];
  classes: { class: string; joinedAt: string }[];
  progress: { course: string; lesson: string; firstViewedAt: string; completedAt: string | null }[];
  cards: {
    cardId: string;
    course: string;
    lesson: string;
    front: string;
    back: string;
    mine: boolean;
    state: string;
    due: string;
    stability: number;
    difficulty: number;
    reps: number;
    lapses: number;
    lastReview: string | null;
  }[];
  reviews: { cardId: string; review: string; rating: number; state: string; scheduledDays: number; durationMs: number }[];
  flags: { cardId: string; reason: string; createdAt: string }[];
}

export const ACCOUNT_CSV_PARTS = ['profile', 'progress', 'cards', 'reviews'] as const;
export type AccountCsvPart = (typeof ACCOUNT_CSV_PARTS)[number];

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export async function collectAccountData(db: Db, userId: string, now = new Date()): Promise<AccountData | null> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { accounts: { select: { provider: true } } } });
  if (!user) return null;
  const [enrollments, memberships, progress, states, reviews, flags] = await Promise.all([
    db.enrollment.findMany({ where: { userId }, select: { enrolledAt: true, course: { select: { title: true } } } }),
    db.classMember.findMany({ where: { userId }, select: { joinedAt: true, class: { select: { name: true } } } }),
    db.lessonProgress.findMany({
      where: { userId },
      select: { firstViewedAt: true, completedAt: true, lesson: { select: { title: true, module: { select: { course: { select: { title: true } } } } } } },
    }),
    db.cardState.findMany({
      where: { userId },
      orderBy: { addedAt: 'asc' },
      select: {
        cardId: true, state: true, due: true, stability: true, difficulty: true, reps: true, lapses: true, lastReview: true,
        card: {
          select: {
            front: true, back: true, editedFront: true, editedBack: true, ownerId: true,
            lesson: { select: { title: true, module: { select: { course: { select: { title: true } } } } } },
          },
        },
      },
    }),
    db.reviewLog.findMany({
      where: { userId },
      orderBy: { review: 'asc' },
      select: { cardId: true, review: true, rating: true, state: true, scheduledDays: true, durationMs: true },
    }),
    db.cardFlag.findMany({ where: { userId }, select: { cardId: true, reason: true, createdAt: true } }),
  ]);
  return {
    exportedAt: now.toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      timeZone: user.timeZone,
      dayStartHour: user.dayStartHour,
      desiredRetention: user.desiredRetention,
      newPerDay: user.newPerDay,
      maximumInterval: user.maximumInterval,
      learningSteps: user.learningSteps,
      relearningSteps: user.relearningSteps,
      fsrsWeights: user.fsrsWeights,
      createdAt: user.createdAt.toISOString(),
      // Never the password hash: only which ways of signing in exist.
      signInMethods: [...(user.passwordHash ? ['password'] : []), ...user.accounts.map((a) => a.provider)],
    },
    enrollments: enrollments.map((e) => ({ course: e.course.title, enrolledAt: e.enrolledAt.toISOString() })),
    classes: memberships.map((m) => ({ class: m.class.name, joinedAt: m.joinedAt.toISOString() })),
    progress: progress.map((p) => ({ course: p.lesson.module.course.title, lesson: p.lesson.title, firstViewedAt: p.firstViewedAt.toISOString(), completedAt: iso(p.completedAt) })),
    cards: states.map((s) => ({
      cardId: s.cardId,
      course: s.card.lesson.module.course.title,
      lesson: s.card.lesson.title,
      front: s.card.editedFront ?? s.card.front,
      back: s.card.editedBack ?? s.card.back,
      mine: s.card.ownerId === userId,
      state: s.state,
      due: s.due.toISOString(),
      stability: s.stability,
      difficulty: s.difficulty,
      reps: s.reps,
      lapses: s.lapses,
      lastReview: iso(s.lastReview),
    })),
    reviews: reviews.map((r) => ({ ...r, review: r.review.toISOString() })),
    flags: flags.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
  };
}

type Cell = string | number | boolean | null;

function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows.map((r) => r.map((v) => (v === null ? '' : String(v))))];
  return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One part of the data as CSV (spreadsheet formulas neutralised by csvField). */
export function accountDataCsv(data: AccountData, part: AccountCsvPart): string {
  switch (part) {
    case 'profile': {
      const entries = Object.entries(data.profile).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : v] as const);
      return toCsv(['field', 'value'], entries);
    }
    case 'progress':
      return toCsv(['course', 'lesson', 'firstViewedAt', 'completedAt'], data.progress.map((p) => [p.course, p.lesson, p.firstViewedAt, p.completedAt]));
    case 'cards':
      return toCsv(
        ['cardId', 'course', 'lesson', 'front', 'back', 'mine', 'state', 'due', 'stability', 'difficulty', 'reps', 'lapses', 'lastReview'],
        data.cards.map((c) => [c.cardId, c.course, c.lesson, c.front, c.back, c.mine, c.state, c.due, c.stability, c.difficulty, c.reps, c.lapses, c.lastReview]),
      );
    case 'reviews':
      return toCsv(
        ['cardId', 'review', 'rating', 'state', 'scheduledDays', 'durationMs'],
        data.reviews.map((r) => [r.cardId, r.review, r.rating, r.state, r.scheduledDays, r.durationMs]),
      );
  }
}

export interface DeletionBlockers {
  classes: { id: string; name: string }[];
  courses: { id: string; key: string; title: string }[];
}

/** What an instructor must hand over or delete before their account can go (a private deck is not in the way). */
export async function accountDeletionBlockers(db: Pick<Db, 'class' | 'course'>, userId: string): Promise<DeletionBlockers> {
  const [classes, courses] = await Promise.all([
    db.class.findMany({ where: { instructorId: userId }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.course.findMany({ where: { ownerId: userId, NOT: { status: 'personal' } }, select: { id: true, key: true, title: true }, orderBy: { title: 'asc' } }),
  ]);
  return { classes, courses };
}

export function describeBlockers({ classes, courses }: DeletionBlockers): string | null {
  if (classes.length === 0 && courses.length === 0) return null;
  const parts: string[] = [];
  if (classes.length) parts.push(`your classes (${classes.map((c) => c.name).join(', ')})`);
  if (courses.length) parts.push(`the courses you own (${courses.map((c) => c.title).join(', ')})`);
  return `Before deleting your account, hand over or delete ${parts.join(' and ')}.`;
}

/**
 * Deletes the user and everything that is theirs, in one transaction; refuses while they own classes or courses.
 * Their edits to shared cards stay (they belong to the course) without the editor's id.
 */
export async function deleteAccount(db: Db, userId: string): Promise<{ ok: true } | { ok: false; error: string; blockers?: DeletionBlockers }> {
  return db.$transaction(async (tx) => {
    const blockers = await accountDeletionBlockers(tx, userId);
    const problem = describeBlockers(blockers);
    if (problem) return { ok: false as const, error: problem, blockers };
    await tx.card.updateMany({ where: { editedById: userId }, data: { editedById: null } });
    // Private decks (status 'personal', e.g. an Anki import) are the user's alone: they go with the account.
    await tx.course.deleteMany({ where: { ownerId: userId, status: 'personal' } });
    const res = await tx.user.deleteMany({ where: { id: userId } });
    if (res.count === 0) return { ok: false as const, error: 'That account no longer exists.' };
    return { ok: true as const };
  });
}
