// The smallest course the review-loop integration tests need: one module, one lesson, `n` numbered basic cards.
import type { Course } from '@/lib/content/types';
import type { GeneratedCard } from '@/lib/cards/types';
import type { Db } from '@/lib/db';
import { syncCourse } from '@/lib/sync/sync';

export const ONE_LESSON_COURSE: Course = {
  key: 'c',
  title: 'C',
  description: '',
  modules: [
    {
      key: 'm',
      title: 'M',
      description: '',
      order: 0,
      prerequisites: [],
      sources: ['m.md'],
      lessons: [{ key: 'm/l', moduleKey: 'm', title: 'L', order: 0, markdown: 'Text.', words: 1, sourceFile: 'm.md' }],
    },
  ],
};

/** Cards keyed k0, k1, … (or k00, k01, … with `pad`), fronts "Question i?", backs "Answer i". */
export function numberedCards(n: number, pad = 0): GeneratedCard[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `k${String(i).padStart(pad, '0')}`,
    lessonKey: 'm/l',
    moduleKey: 'm',
    type: 'basic',
    front: `Question ${i}?`,
    back: `Answer ${i}`,
    source: `Sentence ${i}.`,
    anchor: '',
    score: 1,
  }));
}

/** Syncs the one-lesson course with `n` cards and returns the lesson's id. */
export async function syncOneLessonCourse(db: Db, n: number, pad = 0): Promise<string> {
  await syncCourse(db, ONE_LESSON_COURSE, numberedCards(n, pad));
  return (await db.lesson.findFirstOrThrow({ where: { key: 'm/l' } })).id;
}
