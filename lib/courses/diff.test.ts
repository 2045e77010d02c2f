import { describe, expect, it } from 'vitest';
import type { GeneratedCard } from '@/lib/cards/types';
import type { Course } from '@/lib/content/types';
import { diffCourse, summariseDiff, type CurrentCourse } from './diff';

function lesson(key: string, moduleKey: string, order: number, title = key, markdown = `text of ${key}`) {
  return { key, moduleKey, order, title, markdown, words: 3, sourceFile: 'a.md' };
}

function card(lessonKey: string, key: string, front = `Q ${key}`, back = `A ${key}`): GeneratedCard {
  return { lessonKey, moduleKey: lessonKey.split('/')[0] ?? '', key, type: 'basic', front, back, source: '', anchor: '', score: 1 };
}

const course = (lessons: ReturnType<typeof lesson>[]): Course => ({
  key: 'c',
  title: 'C',
  description: '',
  modules: [...new Set(lessons.map((l) => l.moduleKey))].map((key, order) => ({
    key,
    title: key,
    description: '',
    order,
    prerequisites: [],
    sources: ['a.md'],
    lessons: lessons.filter((l) => l.moduleKey === key),
  })),
});

const current: CurrentCourse = {
  lessons: [
    { ...lesson('m/a', 'm', 0), retired: false },
    { ...lesson('m/b', 'm', 1), retired: false },
    { ...lesson('m/c', 'm', 2), retired: false },
    { ...lesson('m/old', 'm', 3), retired: true },
  ],
  cards: [
    { lessonKey: 'm/a', key: 'k1', type: 'basic', front: 'Q k1', back: 'A k1', retired: false },
    { lessonKey: 'm/a', key: 'k2', type: 'basic', front: 'Q k2', back: 'A k2', retired: false },
    { lessonKey: 'm/b', key: 'k3', type: 'basic', front: 'Q k3', back: 'A k3', retired: false },
    { lessonKey: 'm/b', key: 'k4', type: 'basic', front: 'Q k4', back: 'A k4', retired: true },
  ],
};

describe('diffCourse', () => {
  it('reports nothing for the same content', () => {
    const next = course([lesson('m/a', 'm', 0), lesson('m/b', 'm', 1), lesson('m/c', 'm', 2)]);
    const diff = diffCourse(current, next, [card('m/a', 'k1'), card('m/a', 'k2'), card('m/b', 'k3')]);
    expect(diff.empty).toBe(true);
    expect(diff.lessons.unchanged).toBe(3);
    expect(diff.cards.unchanged).toBe(3);
  });

  it('lists lessons and cards added, changed, retired and restored, matched by key', () => {
    const next = course([
      lesson('m/b', 'm', 0),
      lesson('m/a', 'm', 1, 'A renamed', 'new text'),
      lesson('m/new', 'm', 2),
      lesson('m/old', 'm', 3),
    ]);
    const diff = diffCourse(current, next, [card('m/a', 'k1', 'Q k1', 'A changed'), card('m/b', 'k3'), card('m/b', 'k4'), card('m/new', 'k5')]);
    expect(diff.lessons.added.map((l) => [l.key, l.restored ?? false])).toEqual([
      ['m/new', false],
      ['m/old', true],
    ]);
    expect(diff.lessons.changed.map((l) => [l.key, l.changes])).toEqual([
      ['m/b', ['moved']],
      ['m/a', ['title', 'text', 'moved']],
    ]);
    expect(diff.lessons.changed[1]?.previousTitle).toBe('m/a');
    expect(diff.lessons.retired.map((l) => l.key)).toEqual(['m/c']);
    expect(diff.cards.added.map((c) => [c.key, c.restored ?? false])).toEqual([
      ['k4', true],
      ['k5', false],
    ]);
    expect(diff.cards.changed.map((c) => [c.key, c.previous?.back, c.back])).toEqual([['k1', 'A k1', 'A changed']]);
    expect(diff.cards.retired.map((c) => c.key)).toEqual(['k2']);
    expect(diff.empty).toBe(false);
    expect(summariseDiff(diff)).toBe(
      'lessons: 2 added, 2 changed, 1 retired, 0 unchanged; cards: 2 added, 1 changed, 1 retired, 1 unchanged',
    );
  });

  it('a card with the same key under another lesson is a different card', () => {
    const next = course([lesson('m/a', 'm', 0), lesson('m/b', 'm', 1), lesson('m/c', 'm', 2)]);
    const diff = diffCourse(current, next, [card('m/c', 'k1'), card('m/a', 'k2'), card('m/b', 'k3')]);
    expect(diff.cards.added.map((c) => `${c.lessonKey}:${c.key}`)).toEqual(['m/c:k1']);
    expect(diff.cards.retired.map((c) => `${c.lessonKey}:${c.key}`)).toEqual(['m/a:k1']);
  });

  it('a lesson moved to another module is changed, not retired and added', () => {
    const next = course([lesson('m/a', 'm', 0), lesson('m/b', 'm', 1), lesson('m/c', 'n', 0)]);
    const diff = diffCourse(current, next, [card('m/a', 'k1'), card('m/a', 'k2'), card('m/b', 'k3')]);
    expect(diff.lessons.changed.map((l) => [l.key, l.moduleKey, l.changes])).toEqual([['m/c', 'n', ['moved']]]);
    expect(diff.lessons.retired).toEqual([]);
  });
});
