// Instructor reads: the courses they own or co-teach, one course's lessons with card counts, one lesson's cards
// with their flags, flagged cards, a course's instructors. Callers have checked the user's right to the course
// (requireCourseInstructor); every query is still filtered by that course, so a lesson id from the URL only
// selects among the course's own lessons.
import 'server-only';
import { db } from '@/lib/db';
import { editableCourseWhere } from '@/lib/courses/access';
import { liveModules } from '@/lib/courses/outline-query';

/** What the card editor shows of a card: generated and edited text, suspension and open flags. */
const EDITOR_CARD = {
  id: true,
  type: true,
  front: true,
  back: true,
  editedFront: true,
  editedBack: true,
  source: true,
  suspended: true,
  flags: { where: { resolvedAt: null }, select: { reason: true, createdAt: true } },
} as const;

// Shared cards only: a learner's private cards are theirs alone, never listed or counted for instructors.
const LIVE_CARD = { retiredAt: null, ownerId: null, lesson: { retiredAt: null, module: { retiredAt: null } } } as const;

export interface TeachCourse {
  id: string;
  key: string;
  title: string;
  status: 'draft' | 'published';
  role: 'owner' | 'co-instructor';
  cards: number;
  openFlags: number;
}

/** The courses the instructor owns or co-teaches, with card and open-flag counts. */
export async function getTeachCourses(userId: string): Promise<TeachCourse[]> {
  const courses = await db.course.findMany({
    where: editableCourseWhere(userId),
    orderBy: [{ title: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, key: true, title: true, status: true, ownerId: true, instructors: { where: { userId }, select: { role: true } } },
  });
  return Promise.all(
    courses.map(async (c) => {
      const inCourse = { ...LIVE_CARD, lesson: { ...LIVE_CARD.lesson, module: { ...LIVE_CARD.lesson.module, courseId: c.id } } };
      const [cards, openFlags] = await Promise.all([
        db.card.count({ where: inCourse }),
        db.cardFlag.count({ where: { resolvedAt: null, card: inCourse } }),
      ]);
      const role = c.ownerId === userId || c.instructors[0]?.role === 'owner' ? 'owner' : 'co-instructor';
      return { id: c.id, key: c.key, title: c.title, status: c.status === 'draft' ? ('draft' as const) : ('published' as const), role, cards, openFlags } as const;
    }),
  );
}

/** The course's live modules and lessons with live card counts, and its open flags. */
export async function getCardOverview(courseId: string) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: { id: true, key: true, title: true, modules: liveModules({ id: true, title: true, _count: { select: { cards: { where: { retiredAt: null, ownerId: null } } } } }) },
  });
  const openFlags = await db.cardFlag.count({ where: { resolvedAt: null, card: { retiredAt: null, ownerId: null, lesson: { module: { courseId } } } } });
  return { course, openFlags };
}

/** One live lesson of the course, with its live cards. */
export async function getLessonCards(courseId: string, lessonId: string) {
  return db.lesson.findFirst({
    where: { id: lessonId, retiredAt: null, module: { courseId, retiredAt: null } },
    select: {
      id: true,
      title: true,
      cards: {
        where: { retiredAt: null, ownerId: null },
        orderBy: { position: 'asc' },
        select: EDITOR_CARD,
      },
    },
  });
}

/** The course's cards with open flags. */
export async function getFlaggedCards(courseId: string) {
  return db.card.findMany({
    where: { retiredAt: null, ownerId: null, lesson: { module: { courseId } }, flags: { some: { resolvedAt: null } } },
    select: EDITOR_CARD,
    take: 200,
  });
}

/** The course's owner and co-instructors, owner first. */
export async function getCourseInstructors(courseId: string) {
  const rows = await db.courseInstructor.findMany({
    where: { courseId },
    orderBy: { addedAt: 'asc' },
    select: { role: true, addedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.sort((a, b) => Number(b.role === 'owner') - Number(a.role === 'owner'));
}

export type TeachCard = NonNullable<Awaited<ReturnType<typeof getLessonCards>>>['cards'][number];
