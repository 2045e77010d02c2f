// A small two-module course with cards, and helpers shared by the class integration tests.
import type { Db } from '@/lib/db';
import { syncCourse } from '@/lib/sync/sync';
import { setCourseOwner } from '@/lib/courses/roles';
import type { Course, Lesson } from '@/lib/content/types';

const lesson = (moduleKey: string, slug: string, order: number): Lesson => ({
  key: `${moduleKey}/${slug}`, moduleKey, title: slug.toUpperCase(), order, markdown: slug, words: 1, sourceFile: 'x',
});

/** Module "One" (m1) has lessons a, b, …; module "Two" (m2) has the rest. */
export function twoModuleCourse(m1Lessons: string[], m2Lessons: string[]): Course {
  return {
    key: 'c',
    title: 'C',
    description: '',
    modules: [
      { key: 'm1', title: 'One', description: '', order: 0, prerequisites: [], sources: [], lessons: m1Lessons.map((k, i) => lesson('m1', k, i)) },
      { key: 'm2', title: 'Two', description: '', order: 1, prerequisites: [], sources: [], lessons: m2Lessons.map((k, i) => lesson('m2', k, i)) },
    ],
  };
}

/** Syncs the course with one basic card per [cardKey, lessonKey]. */
export async function syncTwoModuleCourse(db: Db, course: Course, cards: [string, string][]) {
  await syncCourse(db, course, cards.map(([key, lessonKey]) => ({
    key, lessonKey, moduleKey: lessonKey.split('/')[0]!, type: 'basic' as const, front: `${key}?`, back: key, source: 's', anchor: '', score: 1,
  })));
}

/** Makes the user owner of the course (default: the two-module course "c"), so they may assign its modules. */
export async function ownCourse(db: Db, userId: string, courseKey = 'c') {
  const course = await db.course.findUniqueOrThrow({ where: { key: courseKey }, select: { id: true } });
  await setCourseOwner(db, course.id, userId);
  return course.id;
}
