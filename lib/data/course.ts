// Server-side reads of courses for the signed-in learner: the catalogue, their courses on home, one course's
// outline with progress, one lesson. Every function takes the user id from the session helpers, never from the
// client, and sees only published courses (plus drafts the user may edit): a draft is "not found" to learners.
import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { lessonHref, lessonSlug } from '@/lib/course-urls';
import { LEARNER_CARD_WHERE, learnerCardWhere, liveModules } from '@/lib/courses/outline-query';
import { asCourseStatus, visibleCourseWhere, type CourseStatus } from '@/lib/courses/access';
import { enrollInCourses } from '@/lib/courses/enrollment';

export interface OutlineLesson {
  id: string;
  key: string;
  slug: string;
  title: string;
  words: number;
  completed: boolean;
  href: string;
}

export interface OutlineModule {
  id: string;
  key: string;
  title: string;
  description: string;
  prerequisites: { key: string; title: string }[];
  /** Prerequisites not yet done: shown locked, still openable for preview. */
  locked: boolean;
  lessons: OutlineLesson[];
  done: number;
  total: number;
}

export interface CourseOutline {
  id: string;
  key: string;
  title: string;
  description: string;
  status: CourseStatus;
  /** The learner is enrolled (home lists the course). */
  enrolled: boolean;
  modules: OutlineModule[];
  done: number;
  total: number;
  /** First lesson not completed, in course order. */
  nextLesson: OutlineLesson | null;
}

function parseKeys(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function outlineInclude(userId: string) {
  return {
    modules: liveModules({
      id: true,
      key: true,
      title: true,
      words: true,
      progress: { where: { userId }, select: { completedAt: true, lastViewedAt: true } },
    }),
    enrollments: { where: { userId }, select: { enrolledAt: true } },
  } as const satisfies Prisma.CourseInclude;
}

type OutlineRow = Prisma.CourseGetPayload<{ include: ReturnType<typeof outlineInclude> }>;

/** Builds the outline with progress from one course row (modules and lessons already live and in order). */
function toOutline(course: OutlineRow): CourseOutline & { lastViewedLessonId: string | null } {
  let last: { id: string; at: number } | null = null;
  const modules: OutlineModule[] = course.modules.map((m) => {
    const lessons = m.lessons.map((l) => {
      const p = l.progress[0];
      if (p && (!last || p.lastViewedAt.getTime() > last.at)) last = { id: l.id, at: p.lastViewedAt.getTime() };
      return {
        id: l.id,
        key: l.key,
        slug: lessonSlug(l.key, m.key),
        title: l.title,
        words: l.words,
        completed: Boolean(p?.completedAt),
        href: lessonHref(course.key, m.key, l.key),
      };
    });
    return {
      id: m.id,
      key: m.key,
      title: m.title,
      description: m.description,
      prerequisites: [],
      locked: false,
      lessons,
      done: lessons.filter((l) => l.completed).length,
      total: lessons.length,
    };
  });
  const byKey = new Map(modules.map((m) => [m.key, m]));
  for (const [i, m] of modules.entries()) {
    const keys = parseKeys(course.modules[i]!.prerequisites);
    m.prerequisites = keys.flatMap((k) => {
      const pre = byKey.get(k);
      return pre ? [{ key: pre.key, title: pre.title }] : [];
    });
    m.locked = m.prerequisites.some((p) => {
      const pre = byKey.get(p.key)!;
      return pre.done < pre.total;
    });
  }
  const all = modules.flatMap((m) => m.lessons);
  return {
    id: course.id,
    key: course.key,
    title: course.title,
    description: course.description,
    status: asCourseStatus(course.status),
    enrolled: course.enrollments.length > 0,
    modules,
    done: all.filter((l) => l.completed).length,
    total: all.length,
    nextLesson: all.find((l) => !l.completed) ?? null,
    lastViewedLessonId: (last as { id: string } | null)?.id ?? null,
  };
}

/** The course's outline with the learner's progress; null when it does not exist or is a draft they may not see. */
export async function getCourseOutline(userId: string, courseKey: string): Promise<CourseOutline | null> {
  const course = await db.course.findFirst({ where: { AND: [{ key: courseKey }, visibleCourseWhere(userId)] }, include: outlineInclude(userId) });
  if (!course) return null;
  return toOutline(course);
}

export interface LessonPage {
  course: { id: string; key: string; title: string; status: CourseStatus };
  module: { key: string; title: string; locked: boolean; prerequisites: { key: string; title: string }[] };
  lesson: { id: string; key: string; title: string; markdown: string; words: number; completed: boolean; cardCount: number };
  position: { index: number; count: number };
  prev: OutlineLesson | null;
  next: OutlineLesson | null;
}

export async function getLessonPage(userId: string, courseKey: string, moduleKey: string, slug: string): Promise<LessonPage | null> {
  const outline = await getCourseOutline(userId, courseKey);
  if (!outline) return null;
  const all = outline.modules.flatMap((m) => m.lessons.map((l) => ({ m, l })));
  const index = all.findIndex(({ m, l }) => m.key === moduleKey && l.slug === slug);
  const hit = all[index];
  if (!hit) return null;
  const row = await db.lesson.findUnique({
    where: { id: hit.l.id },
    select: { markdown: true, _count: { select: { cards: { where: learnerCardWhere(userId) } } } },
  });
  if (!row) return null;
  return {
    course: { id: outline.id, key: outline.key, title: outline.title, status: outline.status },
    module: { key: hit.m.key, title: hit.m.title, locked: hit.m.locked, prerequisites: hit.m.prerequisites },
    lesson: { id: hit.l.id, key: hit.l.key, title: hit.l.title, markdown: row.markdown, words: hit.l.words, completed: hit.l.completed, cardCount: row._count.cards },
    position: { index, count: all.length },
    prev: all[index - 1]?.l ?? null,
    next: all[index + 1]?.l ?? null,
  };
}

/**
 * Records that the learner opened the lesson (for "continue where you left off"); opening a lesson of a
 * published course enrols the learner in it (an instructor previewing a draft is not enrolled).
 */
export async function recordLessonView(userId: string, page: Pick<LessonPage, 'course' | 'lesson'>, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId: page.lesson.id } },
      create: { userId, lessonId: page.lesson.id, firstViewedAt: now, lastViewedAt: now },
      update: { lastViewedAt: now },
    });
    if (page.course.status === 'published') await enrollInCourses(tx, userId, [page.course.id], now);
  });
}

export interface LearnerCourse {
  key: string;
  title: string;
  done: number;
  total: number;
  /** The lesson to continue with (null when every lesson is done). */
  next: OutlineLesson | null;
  /** True when the learner has not opened any lesson of it yet. */
  fresh: boolean;
}

/** Where to continue in a course: the last lesson opened if unfinished, else the next unfinished one after it. */
function continueLesson(outline: CourseOutline, lastViewedLessonId: string | null): OutlineLesson | null {
  const all = outline.modules.flatMap((m) => m.lessons);
  if (!lastViewedLessonId) return all[0] ?? null;
  const at = all.findIndex((l) => l.id === lastViewedLessonId);
  const current = all[at];
  if (current && !current.completed) return current;
  return all.slice(at + 1).find((l) => !l.completed) ?? all.find((l) => !l.completed) ?? null;
}

/** Home: each course the learner is enrolled in (and may still see), most recently enrolled first. */
export async function getLearnerCourses(userId: string): Promise<LearnerCourse[]> {
  const courses = await db.course.findMany({
    where: { AND: [{ enrollments: { some: { userId } } }, visibleCourseWhere(userId)] },
    include: outlineInclude(userId),
  });
  return courses
    .map((c) => ({ row: c, outline: toOutline(c) }))
    .sort((a, b) => b.row.enrollments[0]!.enrolledAt.getTime() - a.row.enrollments[0]!.enrolledAt.getTime())
    .map(({ outline }) => ({
      key: outline.key,
      title: outline.title,
      done: outline.done,
      total: outline.total,
      next: continueLesson(outline, outline.lastViewedLessonId),
      fresh: outline.lastViewedLessonId === null,
    }));
}

export interface CatalogueCourse {
  id: string;
  key: string;
  title: string;
  description: string;
  instructor: string | null;
  modules: number;
  lessons: number;
  cards: number;
  enrolled: boolean;
}

/** The catalogue: every published course with its size and instructor, and whether the learner is enrolled. */
export async function getCatalogue(userId: string): Promise<CatalogueCourse[]> {
  const courses = await db.course.findMany({
    where: { status: 'published' },
    orderBy: [{ title: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      key: true,
      title: true,
      description: true,
      owner: { select: { name: true } },
      enrollments: { where: { userId }, select: { userId: true } },
      modules: liveModules({ _count: { select: { cards: { where: LEARNER_CARD_WHERE } } } }),
    },
  });
  return courses.map((c) => {
    const lessons = c.modules.flatMap((m) => m.lessons);
    return {
      id: c.id,
      key: c.key,
      title: c.title,
      description: c.description,
      instructor: c.owner?.name ?? null,
      modules: c.modules.length,
      lessons: lessons.length,
      cards: lessons.reduce((n, l) => n + l._count.cards, 0),
      enrolled: c.enrollments.length > 0,
    };
  });
}
