// Who may do what with a course: the one place for course authorisation in pages and actions. The owner and the
// co-instructors they add edit the course (drafts, outline, cards, publishing); everyone signed in sees published
// courses; a draft is invisible (404) to anyone else, and a published course that is not yours is refused (403)
// on instructor pages. The rules themselves (over a db client) are in ./roles.ts, re-exported here.
import 'server-only';
import { notFound, forbidden } from 'next/navigation';
import { db as appDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { actionUser, requireUser, type SessionUser } from '@/lib/auth/session';
import { asCourseStatus, cardCourseId, courseRole, type Client, type CourseRole, type CourseStatus } from './roles';

export {
  asCourseStatus,
  cardCourseId,
  COURSE_STATUSES,
  courseRole,
  editableCourseIds,
  editableCourseWhere,
  setCourseOwner,
  visibleCourseWhere,
  type CourseRole,
  type CourseStatus,
} from './roles';

/** A course id, or `{ key }` for pages whose URL carries the course key. */
export type CourseRef = string | { key: string };

export interface CourseAccess {
  user: SessionUser;
  course: { id: string; key: string; title: string; status: CourseStatus; ownerId: string | null };
  role: CourseRole;
}

/** Owner or co-instructor: may see drafts, edit, publish, and edit, approve or suspend the course's cards. */
export async function canEditCourse(userId: string, courseId: string, client: Client = appDb): Promise<boolean> {
  return (await courseRole(client, userId, courseId)) !== null;
}

/** Only the owner adds and removes co-instructors. */
export async function isCourseOwner(userId: string, courseId: string, client: Client = appDb): Promise<boolean> {
  return (await courseRole(client, userId, courseId)) === 'owner';
}

/** Whether the user may edit, approve or suspend the card: they edit its course. */
export async function canEditCard(userId: string, cardId: string, client: Client = appDb): Promise<boolean> {
  const courseId = await cardCourseId(client, cardId);
  return courseId !== null && (await canEditCourse(userId, courseId, client));
}

function refWhere(ref: CourseRef): Prisma.CourseWhereUniqueInput {
  return typeof ref === 'string' ? { id: ref } : { key: ref.key };
}

async function access(user: SessionUser, ref: CourseRef) {
  const row = await appDb.course.findUnique({ where: refWhere(ref), select: { id: true, key: true, title: true, status: true, ownerId: true } });
  if (!row) return { course: null, role: null } as const;
  const course = { ...row, status: asCourseStatus(row.status) };
  const role = user.role === 'instructor' ? await courseRole(appDb, user.id, course.id) : null;
  return { course, role } as const;
}

/**
 * For pages: the signed-in user with their role on the course. A missing course, or a draft the user may not edit,
 * is a 404 (its existence is not revealed); a published course the user may not edit is a 403.
 */
export async function requireCourseInstructor(ref: CourseRef, opts: { owner?: boolean; returnTo?: string } = {}): Promise<CourseAccess> {
  const user = await requireUser(opts.returnTo);
  const { course, role } = await access(user, ref);
  if (!course) notFound();
  if (!role) {
    if (course.status !== 'published') notFound();
    forbidden();
  }
  if (opts.owner && role !== 'owner') forbidden();
  return { user, course, role };
}

/** For server actions: the same check, never redirecting mid-action; null when not allowed (say "not found"). */
export async function actionCourseInstructor(ref: CourseRef, opts: { owner?: boolean } = {}): Promise<CourseAccess | null> {
  const user = await actionUser('instructor');
  if (!user) return null;
  const { course, role } = await access(user, ref);
  if (!course || !role) return null;
  if (opts.owner && role !== 'owner') return null;
  return { user, course, role };
}

/** For card actions: the signed-in instructor and the card's course, when they may edit its cards; else null. */
export async function actionCardInstructor(cardId: string): Promise<CourseAccess | null> {
  const courseId = await cardCourseId(appDb, cardId);
  return courseId ? actionCourseInstructor(courseId) : null;
}
