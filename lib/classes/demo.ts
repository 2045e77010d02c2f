// Demo mode only: a class of the demo instructor with the demo learner in it and the first module assigned,
// so the dashboard has something to show on first start. Idempotent: an existing demo class is left alone.
import type { Db } from '@/lib/db';
import { editableCourseWhere } from '@/lib/courses/roles';
import { dateToZonedWallTime } from '@/lib/srs/days';
import { assignModule, createClass, joinClass } from './service';

export const DEMO_CLASS_NAME = 'Demo class';

export async function ensureDemoClass(db: Db, instructorId: string, learnerId: string, now: Date): Promise<'created' | 'exists' | 'no-course'> {
  if (await db.class.findFirst({ where: { instructorId, name: DEMO_CLASS_NAME }, select: { id: true } })) return 'exists';
  // The first module of the demo instructor's first published course (the seed makes them its owner).
  const first = await db.module.findFirst({
    where: { retiredAt: null, course: { AND: [{ status: 'published' }, editableCourseWhere(instructorId)] } },
    orderBy: [{ course: { createdAt: 'asc' } }, { order: 'asc' }],
    select: { id: true },
  });
  if (!first) return 'no-course';
  const cls = await createClass(db, instructorId, { name: DEMO_CLASS_NAME, timeZone: 'UTC' });
  if (!cls.ok) throw new Error(cls.error);
  const joined = await joinClass(db, learnerId, cls.joinCode, now);
  if (!joined.ok) throw new Error(joined.error);
  const due = dateToZonedWallTime(new Date(now.getTime() + 14 * 86_400_000), 'UTC');
  const assigned = await assignModule(db, instructorId, { classId: cls.id, moduleId: first.id, dueDate: due.date, dueTime: '23:59', note: 'Start here: read the lessons, then review the cards.' }, now);
  if (!assigned.ok) throw new Error(assigned.error);
  return 'created';
}
