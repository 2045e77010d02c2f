// Server-side reads for class pages; the user id always comes from the session helpers.
import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_COURSE_ORDER } from '@/lib/data/course';
import { classReport, instructorClasses, learnerAssignments, learnerClasses } from '@/lib/classes/service';

export const getInstructorClasses = (instructorId: string) => instructorClasses(db, instructorId);
export const getClassReport = (instructorId: string, classId: string) => classReport(db, instructorId, classId, new Date());
export const getLearnerAssignments = (userId: string) => learnerAssignments(db, userId, new Date());
export const getLearnerClasses = (userId: string) => learnerClasses(db, userId);

export async function getAssignableModules() {
  const course = await db.course.findFirst({
    orderBy: DEFAULT_COURSE_ORDER,
    select: { modules: { where: { retiredAt: null }, orderBy: { order: 'asc' }, select: { id: true, title: true } } },
  });
  return course?.modules ?? [];
}
