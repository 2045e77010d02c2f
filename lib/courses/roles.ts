// The rules of course authorisation over a database client (no session, no Next.js): usable from lib/classes,
// scripts and tests. Pages and actions use the session wrappers in ./access.ts, which re-export these.
// The owner and the co-instructors they add edit a course; a user holds a role only while they are an instructor.
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export type Client = Db | Prisma.TransactionClient;
export type CourseRole = 'owner' | 'co-instructor';
/** `personal`: a learner's private deck (e.g. imported from Anki), seen and reviewed by its owner alone. */
export type CourseStatus = 'draft' | 'published' | 'personal';
export const COURSE_STATUSES = ['draft', 'published', 'personal'] as const satisfies readonly CourseStatus[];

export function asCourseStatus(value: string): CourseStatus {
  return value === 'draft' || value === 'personal' ? value : 'published';
}

/** Filter for courses the user may see: published ones, drafts they own or co-teach, and their private decks. */
export function visibleCourseWhere(userId: string): Prisma.CourseWhereInput {
  return { OR: [{ status: 'published' }, { status: 'personal', ownerId: userId }, editableCourseWhere(userId)] };
}

/** Filter for courses the user may edit (owner or co-instructor, and still an instructor). */
export function editableCourseWhere(userId: string): Prisma.CourseWhereInput {
  // a private deck is its owner's to review, never a course to edit, publish or assign
  return { NOT: { status: 'personal' }, OR: [{ owner: { id: userId, role: 'instructor' } }, { instructors: { some: { userId, user: { role: 'instructor' } } } }] };
}

/** The user's role on the course, or null. */
export async function courseRole(client: Client, userId: string, courseId: string): Promise<CourseRole | null> {
  const course = await client.course.findUnique({
    where: { id: courseId },
    select: {
      ownerId: true,
      status: true,
      owner: { select: { role: true } },
      instructors: { where: { userId }, select: { role: true, user: { select: { role: true } } } },
    },
  });
  if (!course || course.status === 'personal') return null;
  if (course.ownerId === userId) return course.owner?.role === 'instructor' ? 'owner' : null;
  const row = course.instructors[0];
  if (!row || row.user.role !== 'instructor') return null;
  return row.role === 'owner' ? 'owner' : 'co-instructor';
}

/** The ids of every course the user may edit. */
export async function editableCourseIds(client: Client, userId: string): Promise<string[]> {
  const rows = await client.course.findMany({ where: editableCourseWhere(userId), select: { id: true } });
  return rows.map((r) => r.id);
}

/**
 * The course of a shared card (through its lesson and module), or null when the card does not exist or is a
 * learner's private card (those are theirs alone: no instructor edits them).
 */
export async function cardCourseId(client: Client, cardId: string): Promise<string | null> {
  const card = await client.card.findFirst({ where: { id: cardId, ownerId: null }, select: { lesson: { select: { module: { select: { courseId: true } } } } } });
  return card?.lesson.module.courseId ?? null;
}

/** Makes the user the course's owner (the owner column and an owner row); a previous owner stays a co-instructor. */
export async function setCourseOwner(client: Client, courseId: string, userId: string, now = new Date()): Promise<void> {
  const course = await client.course.findUniqueOrThrow({ where: { id: courseId }, select: { ownerId: true } });
  if (course.ownerId && course.ownerId !== userId) {
    await client.courseInstructor.updateMany({ where: { courseId, userId: course.ownerId }, data: { role: 'co-instructor' } });
  }
  await client.course.update({ where: { id: courseId }, data: { ownerId: userId } });
  await client.courseInstructor.upsert({
    where: { courseId_userId: { courseId, userId } },
    create: { courseId, userId, role: 'owner', addedAt: now },
    update: { role: 'owner' },
  });
}
