// Two courses side by side for the multi-course integration tests, and session users to sign in as.
import type { Db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';
import { setCourseOwner } from '@/lib/courses/roles';
import { syncTwoModuleCourse, twoModuleCourse } from './classes';

export async function makeUser(db: Db, email: string, role: 'learner' | 'instructor'): Promise<SessionUser> {
  const u = await db.user.create({ data: { email, name: email.split('@')[0]!, role } });
  return { id: u.id, email, name: u.name, role, timeZone: 'UTC' };
}

/**
 * Course "alpha" (owned by `owner`, 2 modules, 3 lessons, 3 cards) and course "beta" (owned by `other`, 2 modules,
 * 2 lessons, 1 card); `status` sets beta's status.
 */
export async function twoCourses(db: Db, owner: string, other: string, betaStatus: 'draft' | 'published' = 'published') {
  await syncTwoModuleCourse(db, { ...twoModuleCourse(['a', 'b'], ['c']), key: 'alpha', title: 'Alpha' }, [['a1', 'm1/a'], ['a2', 'm1/b'], ['a3', 'm2/c']]);
  await syncTwoModuleCourse(db, { ...twoModuleCourse(['x'], ['y']), key: 'beta', title: 'Beta' }, [['b1', 'm1/x']]);
  const alpha = await db.course.findUniqueOrThrow({ where: { key: 'alpha' } });
  const beta = await db.course.update({ where: { key: 'beta' }, data: { status: betaStatus } });
  await setCourseOwner(db, alpha.id, owner);
  await setCourseOwner(db, beta.id, other);
  const card = (courseId: string) => db.card.findFirstOrThrow({ where: { lesson: { module: { courseId } } }, orderBy: { key: 'asc' } });
  return { alpha, beta, alphaCard: await card(alpha.id), betaCard: await card(beta.id) };
}
