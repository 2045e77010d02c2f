// Who may do what with a course: the one place for course authorisation. The owner and the co-instructors they
// add edit the course (drafts, outline, cards, publishing); everyone signed in sees published courses; a draft is
// invisible (404) to anyone else, and a published course that is not yours is refused (403) on instructor pages.
import 'server-only';
import { notFound, forbidden } from 'next/navigation';
import { db as appDb, type Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { actionUser, requireUser, type SessionUser } from '@/lib/auth/session';

type Client = Db | Prisma.TransactionClient;

export type CourseRole = 'owner' | 'co-instructor';
export type CourseStatus = 'draft' | 'published';
export const COURSE_STATUSES = ['draft', 'published'] as const satisfies readonly CourseStatus[];

/** A course id, or `{ key }` for pages whose URL carries the course key. */
export type CourseRef = string | { key: string };

export interface CourseAccess {
  user: SessionUser;
  course: { id: string; key: string; title: string; status: CourseStatus; ownerId: string | null };
  role: CourseRole;
}

const COURSE_FIELDS = { id: true, key: true, title: true, status: true, ownerId: true } as const;

function refWhere(ref: CourseRef): Prisma.CourseWhereUniqueInput {
  return typeof ref === 'string' ? { id: ref } : { key: ref.key };
}

export function asCourseStatus(value: string): CourseStatus {
  return value === 'draft' ? 'draft' : 'published';
}

/** Filter for courses the user may see: published ones, and drafts they own or co-teach. */
export function visibleCourseWhere(userId: string): Prisma.CourseWhereInput {
  return { OR: [{ status: 'published' }, { ownerId: userId }, { instructors: { some: { userId } } }] };
}

/** Filter for courses the user may edit (owner or co-instructor, and still an instructor). */
export function editableCourseWhere(userId: string): Prisma.CourseWhereInput {
  return { OR: [{ owner: { id: userId, role: 'instructor' } }, { instructors: { some: { userId, user: { role: 'instructor' } } } }] };
}

/** The user's role on the course, or null. Only users who are (still) instructors hold a role. */
export async function courseRole(userId: string, courseId: string, client: Client = appDb): Promise<CourseRole | null> {
  const course = await client.course.findUnique({
    where: { id: courseId },
    select: {
      ownerId: true,
      owner: { select: { role: true } },
      instructors: { where: { userId }, select: { role: true, user: { select: { role: true } } } },
    },
  });
  if (!course) return null;
  if (course.ownerId === userId) return course.owner?.role === 'instructor' ? 'owner' : null;
  const row = course.instructors[0];
  if (!row || row.user.role !== 'instructor') return null;
  return row.role === 'owner' ? 'owner' : 'co-instructor';
}

/** Owner or co-instructor: may see drafts, edit, publish, and edit, approve or suspend the course's cards. */
export async function canEditCourse(userId: string, courseId: string, client: Client = appDb): Promise<boolean> {
  return (await courseRole(userId, courseId, client)) !== null;
}

/** Only the owner adds and removes co-instructors. */
export async function isCourseOwner(userId: string, courseId: string, client: Client = appDb): Promise<boolean> {
  return (await courseRole(userId, courseId, client)) === 'owner';
}

/** Whether the user may see the course at all (learner pages): published, or theirs to edit. */
export async function canSeeCourse(userId: string, course: { id: string; status: string }, client: Client = appDb): Promise<boolean> {
  return course.status === 'published' || (await canEditCourse(userId, course.id, client));
}

/** The ids of every course the user may edit (for filtering cards, modules to assign, …). */
export async function editableCourseIds(userId: string, client: Client = appDb): Promise<string[]> {
  const rows = await client.course.findMany({ where: editableCourseWhere(userId), select: { id: true } });
  return rows.map((r) => r.id);
}

async function access(user: SessionUser, ref: CourseRef, client: Client) {
  const row = await client.course.findUnique({ where: refWhere(ref), select: COURSE_FIELDS });
  if (!row) return { course: null, role: null } as const;
  const course = { ...row, status: asCourseStatus(row.status) };
  const role = user.role === 'instructor' ? await courseRole(user.id, course.id, client) : null;
  return { course, role } as const;
}

/**
 * For pages: the signed-in user with their role on the course. A missing course, or a draft the user may not edit,
 * is a 404 (its existence is not revealed); a published course the user may not edit is a 403.
 */
export async function requireCourseInstructor(ref: CourseRef, opts: { owner?: boolean; returnTo?: string } = {}): Promise<CourseAccess> {
  const user = await requireUser(opts.returnTo);
  const { course, role } = await access(user, ref, appDb);
  if (!course) notFound();
  if (!role) {
    if (course.status === 'draft') notFound();
    forbidden();
  }
  if (opts.owner && role !== 'owner') forbidden();
  return { user, course, role };
}

/** For server actions: the same check, never redirecting mid-action; null when not allowed (say "not found"). */
export async function actionCourseInstructor(ref: CourseRef, opts: { owner?: boolean } = {}): Promise<CourseAccess | null> {
  const user = await actionUser('instructor');
  if (!user) return null;
  const { course, role } = await access(user, ref, appDb);
  if (!course || !role) return null;
  if (opts.owner && role !== 'owner') return null;
  return { user, course, role };
}

/** Makes the user the course's owner (the owner column and an owner row), e.g. for a course they create. */
export async function setCourseOwner(client: Client, courseId: string, userId: string, now = new Date()): Promise<void> {
  await client.course.update({ where: { id: courseId }, data: { ownerId: userId } });
  await client.courseInstructor.upsert({
    where: { courseId_userId: { courseId, userId } },
    create: { courseId, userId, role: 'owner', addedAt: now },
    update: { role: 'owner' },
  });
}
