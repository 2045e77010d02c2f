// Server-side reads for class pages; the user id always comes from the session helpers.
import 'server-only';
import { db } from '@/lib/db';
import { editableCourseWhere } from '@/lib/courses/roles';
import { liveModules } from '@/lib/courses/outline-query';
import { classForInstructor, instructorClasses, learnerAssignments, learnerClasses } from '@/lib/classes/service';
import { classDashboard, memberProgress } from '@/lib/classes/dashboard';
import { loadLearnerStats } from '@/lib/review/stats';
import { learnerForecasts } from '@/lib/classes/forecast';

export const getInstructorClasses = (instructorId: string) => instructorClasses(db, instructorId);
export const getClassForInstructor = (instructorId: string, classId: string) => classForInstructor(db, instructorId, classId);
export const getClassDashboard = (instructorId: string, classId: string) => classDashboard(db, instructorId, classId, new Date());
export const getLearnerAssignments = (userId: string) => learnerAssignments(db, userId, new Date());
export const getLearnerClasses = (userId: string) => learnerClasses(db, userId);
/** The signed-in learner's recall forecast per assignment id. */
export const getLearnerForecasts = (userId: string) => learnerForecasts(db, userId, new Date());

/** A member's progress and review statistics, only for the instructor of a class they belong to. */
export async function getMemberProgress(instructorId: string, classId: string, userId: string) {
  const now = new Date();
  const progress = await memberProgress(db, instructorId, classId, userId, now);
  if (!progress) return null;
  return { ...progress, stats: await loadLearnerStats(db, userId, now) };
}

export interface AssignableCourse {
  id: string;
  title: string;
  modules: { id: string; title: string }[];
}

/** Modules the instructor may assign: those of published courses they own or co-teach, grouped by course. */
export async function getAssignableModules(instructorId: string): Promise<AssignableCourse[]> {
  const courses = await db.course.findMany({
    where: { AND: [{ status: 'published' }, editableCourseWhere(instructorId)] },
    orderBy: [{ title: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, title: true, modules: liveModules({ id: true }) },
  });
  return courses.map((c) => ({ id: c.id, title: c.title, modules: c.modules.map((m) => ({ id: m.id, title: m.title })) }));
}
