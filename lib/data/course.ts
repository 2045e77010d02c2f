// Server-side reads of the course for the signed-in learner: outline with progress, one lesson, where to continue.
// Every function takes the user id from the session helpers, never from the client.
import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_COURSE_ORDER, lessonHref, lessonSlug } from '@/lib/course-urls';

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


/** The default course's key, or null when no content was synced. */
export async function getDefaultCourseKey(): Promise<string | null> {
  const course = await db.course.findFirst({ orderBy: DEFAULT_COURSE_ORDER, select: { key: true } });
  return course?.key ?? null;
}

export async function getCourseOutline(userId: string, courseKey: string): Promise<CourseOutline | null> {
  const course = await db.course.findUnique({
    where: { key: courseKey },
    include: {
      modules: {
        where: { retiredAt: null },
        orderBy: { order: 'asc' },
        include: {
          lessons: {
            where: { retiredAt: null },
            orderBy: { order: 'asc' },
            select: { id: true, key: true, title: true, words: true, progress: { where: { userId }, select: { completedAt: true } } },
          },
        },
      },
    },
  });
  if (!course) return null;

  const modules: OutlineModule[] = course.modules.map((m) => {
    const lessons = m.lessons.map((l) => ({
      id: l.id,
      key: l.key,
      slug: lessonSlug(l.key, m.key),
      title: l.title,
      words: l.words,
      completed: Boolean(l.progress[0]?.completedAt),
      href: lessonHref(course.key, m.key, l.key),
    }));
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
    modules,
    done: all.filter((l) => l.completed).length,
    total: all.length,
    nextLesson: all.find((l) => !l.completed) ?? null,
  };
}

export interface LessonPage {
  course: { key: string; title: string };
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
    select: { markdown: true, _count: { select: { cards: { where: { retiredAt: null, suspended: false } } } } },
  });
  if (!row) return null;
  return {
    course: { key: outline.key, title: outline.title },
    module: { key: hit.m.key, title: hit.m.title, locked: hit.m.locked, prerequisites: hit.m.prerequisites },
    lesson: { id: hit.l.id, key: hit.l.key, title: hit.l.title, markdown: row.markdown, words: hit.l.words, completed: hit.l.completed, cardCount: row._count.cards },
    position: { index, count: all.length },
    prev: all[index - 1]?.l ?? null,
    next: all[index + 1]?.l ?? null,
  };
}

/** Records that the learner opened the lesson (for "continue where you left off"). */
export async function recordLessonView(userId: string, lessonId: string, now = new Date()): Promise<void> {
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    create: { userId, lessonId, firstViewedAt: now, lastViewedAt: now },
    update: { lastViewedAt: now },
  });
}

export interface ContinueTarget {
  courseKey: string;
  courseTitle: string;
  lesson: OutlineLesson;
  /** True when the learner has not opened any lesson yet. */
  fresh: boolean;
  done: number;
  total: number;
}

/** The lesson to continue: the last one opened if unfinished, else the next unfinished one after it. */
export async function getContinueTarget(userId: string): Promise<ContinueTarget | null> {
  const courseKey = await getDefaultCourseKey();
  if (!courseKey) return null;
  const outline = await getCourseOutline(userId, courseKey);
  if (!outline || outline.total === 0) return null;
  const all = outline.modules.flatMap((m) => m.lessons);
  const last = await db.lessonProgress.findFirst({
    where: { userId, lesson: { retiredAt: null, module: { retiredAt: null, courseId: outline.id } } },
    orderBy: { lastViewedAt: 'desc' },
    select: { lessonId: true },
  });
  const base = { courseKey: outline.key, courseTitle: outline.title, done: outline.done, total: outline.total };
  if (!last) return { ...base, lesson: all[0]!, fresh: true };
  const at = all.findIndex((l) => l.id === last.lessonId);
  const current = all[at];
  if (current && !current.completed) return { ...base, lesson: current, fresh: false };
  const after = all.slice(at + 1).find((l) => !l.completed) ?? all.find((l) => !l.completed);
  return after ? { ...base, lesson: after, fresh: false } : null;
}
