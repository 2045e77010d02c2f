// Server-side reads for class pages; the user id always comes from the session helpers.
import 'server-only';
import { db } from '@/lib/db';
import { DEFAULT_COURSE_ORDER } from '@/lib/course-urls';
import { classForInstructor, instructorClasses, learnerAssignments, learnerClasses } from '@/lib/classes/service';
import { classDashboard, memberProgress } from '@/lib/classes/dashboard';
import { loadLearnerStats } from '@/lib/review/stats';

export const getInstructorClasses = (instructorId: string) => instructorClasses(db, instructorId);
export const getClassForInstructor = (instructorId: string, classId: string) => classForInstructor(db, instructorId, classId);
export const getClassDashboard = (instructorId: string, classId: string) => classDashboard(db, instructorId, classId, new Date());
export const getLearnerAssignments = (userId: string) => learnerAssignments(db, userId, new Date());
export const getLearnerClasses = (userId: string) => learnerClasses(db, userId);

/** A member's progress and review statistics, only for the instructor of a class they belong to. */
export async function getMemberProgress(instructorId: string, classId: string, userId: string) {
  const now = new Date();
  const progress = await memberProgress(db, instructorId, classId, userId, now);
  if (!progress) return null;
  return { ...progress, stats: await loadLearnerStats(db, userId, now) };
}

export async function getAssignableModules() {
  const course = await db.course.findFirst({
    orderBy: DEFAULT_COURSE_ORDER,
    select: { modules: { where: { retiredAt: null }, orderBy: { order: 'asc' }, select: { id: true, title: true } } },
  });
  return course?.modules ?? [];
}
