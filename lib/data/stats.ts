// The learner's stats page: their review statistics, across all their courses or for one of them.
import 'server-only';
import { db } from '@/lib/db';
import { loadLearnerStats } from '@/lib/review/stats';
import { visibleCourseWhere } from '@/lib/courses/access';

export async function getStatsPage(userId: string, courseKey: string | undefined, now = new Date()) {
  const courses = await db.course.findMany({
    where: { AND: [visibleCourseWhere(userId), { OR: [{ enrollments: { some: { userId } } }, { modules: { some: { lessons: { some: { cards: { some: { states: { some: { userId } } } } } } } } }] }] },
    orderBy: [{ title: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, key: true, title: true },
  });
  // An unknown or foreign key shows every course rather than someone else's figures.
  const selected = courseKey ? courses.find((c) => c.key === courseKey) ?? null : null;
  const stats = await loadLearnerStats(db, userId, now, selected ? { courseId: selected.id } : {});
  return { stats, courses: courses.map((c) => ({ key: c.key, title: c.title })), selected: selected ? { key: selected.key, title: selected.title } : null };
}
