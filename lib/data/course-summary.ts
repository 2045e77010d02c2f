// Public outline of the course for the landing page (no progress, no user data).
import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_COURSE_ORDER } from '@/lib/course-urls';

export interface CourseSummary {
  key: string;
  title: string;
  description: string;
  modules: { key: string; title: string; lessonCount: number }[];
}

export async function getCourseSummary(): Promise<CourseSummary | null> {
  const course = await db.course.findFirst({
    orderBy: DEFAULT_COURSE_ORDER,
    include: {
      modules: {
        where: { retiredAt: null },
        orderBy: { order: 'asc' },
        include: { _count: { select: { lessons: { where: { retiredAt: null } } } } },
      },
    },
  });
  if (!course) return null;
  return {
    key: course.key,
    title: course.title,
    description: course.description,
    modules: course.modules.map((m) => ({ key: m.key, title: m.title, lessonCount: m._count.lessons })),
  };
}
