// Enrolment: a learner takes a course by pressing "Enrol", opening or completing one of its lessons, or being
// assigned one of its modules in a class. Idempotent; the first enrolment's time is kept.
import type { Db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

type Client = Db | Prisma.TransactionClient;

export async function enrollInCourses(client: Client, userId: string, courseIds: Iterable<string>, now = new Date()): Promise<void> {
  for (const courseId of new Set(courseIds)) {
    await client.enrollment.upsert({
      where: { userId_courseId: { userId, courseId } },
      create: { userId, courseId, enrolledAt: now },
      update: {},
    });
  }
}

/** Enrols the learner in the courses the modules belong to. */
export async function enrollForModules(client: Client, userId: string, moduleIds: string[], now = new Date()): Promise<void> {
  if (moduleIds.length === 0) return;
  const modules = await client.module.findMany({ where: { id: { in: moduleIds } }, select: { courseId: true } });
  await enrollInCourses(client, userId, modules.map((m) => m.courseId), now);
}
