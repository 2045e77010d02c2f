// Builders for lesson/course fixtures used by the card generator's unit tests.

import type { Course, Lesson } from '../content/types';
import { countWords } from './text';

export function makeLesson(markdown: string, opts: { key?: string; title?: string; moduleKey?: string } = {}): Lesson {
  const moduleKey = opts.moduleKey ?? 'mod';
  return {
    key: opts.key ?? `${moduleKey}/lesson`,
    moduleKey,
    title: opts.title ?? 'Lesson',
    order: 0,
    markdown,
    words: countWords(markdown),
    sourceFile: 'test.md',
  };
}

export function makeCourse(lessons: Lesson[]): Course {
  return {
    key: 'course',
    title: 'Course',
    description: '',
    modules: [
      {
        key: 'mod',
        title: 'Module',
        description: '',
        order: 0,
        prerequisites: [],
        sources: ['test.md'],
        lessons,
      },
    ],
  };
}
