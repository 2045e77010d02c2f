// Operators' folder courses have no owner until one is named (`content:sync -- --owner EMAIL`, the demo seed).
import type { Db } from '@/lib/db';
import { setCourseOwner } from '@/lib/courses/roles';

/** Makes the instructor the owner of the course with this key; says what it did. */
export async function setFolderCourseOwner(db: Db, courseKey: string, userId: string): Promise<string> {
  const course = await db.course.findUnique({ where: { key: courseKey }, select: { id: true, ownerId: true } });
  if (!course) throw new Error(`No course "${courseKey}" to give an owner.`);
  if (course.ownerId === userId) return `Owner of "${courseKey}" unchanged.`;
  await db.$transaction((tx) => setCourseOwner(tx, course.id, userId));
  return course.ownerId ? `Owner of "${courseKey}" changed; the previous owner stays a co-instructor.` : `Owner of "${courseKey}" set.`;
}
