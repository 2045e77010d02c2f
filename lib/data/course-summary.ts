// Public list of the published courses for the landing page (no progress, no user data).
import 'server-only';
import { db } from '@/lib/db';
import { liveModules } from '@/lib/courses/outline-query';

export interface CourseSummary {
  key: string;
  title: string;
  description: string;
  modules: { key: string; title: string; lessonCount: number }[];
}

export async function getCourseSummaries(): Promise<CourseSummary[]> {
  const courses = await db.course.findMany({
    where: { status: 'published' },
    orderBy: [{ title: 'asc' }, { createdAt: 'asc' }],
    select: { key: true, title: true, description: true, modules: liveModules({ id: true }) },
  });
  return courses.map((c) => ({
    key: c.key,
    title: c.title,
    description: c.description,
    modules: c.modules.map((m) => ({ key: m.key, title: m.title, lessonCount: m.lessons.length })),
  }));
}
