// Diff before apply: what publishing a new Course would do to the course in the database, matched by the
// same keys the sync uses (lessons by key within the course, generated cards by lesson key + card key).
// Pure: the caller loads the current rows as plain data.

import type { GeneratedCard } from '@/lib/cards/types';
import type { Course } from '@/lib/content/types';

export interface CurrentLesson {
  key: string;
  moduleKey: string;
  title: string;
  order: number;
  markdown: string;
  retired: boolean;
}

export interface CurrentCard {
  lessonKey: string;
  key: string;
  type: string;
  front: string;
  back: string;
  retired: boolean;
}

export interface CurrentCourse {
  lessons: CurrentLesson[];
  /** Generated cards only: instructor and learner cards are not touched by a sync. */
  cards: CurrentCard[];
}

export type LessonChange = 'title' | 'text' | 'moved';

export interface LessonDiffEntry {
  key: string;
  title: string;
  moduleKey: string;
  /** For changed lessons: what changed. */
  changes?: LessonChange[];
  /** Was retired before and comes back. */
  restored?: boolean;
  /** Title before, when it changed. */
  previousTitle?: string;
}

export interface CardDiffEntry {
  lessonKey: string;
  key: string;
  type: string;
  front: string;
  back: string;
  previous?: { front: string; back: string };
  restored?: boolean;
}

export interface CourseDiff {
  lessons: { added: LessonDiffEntry[]; changed: LessonDiffEntry[]; retired: LessonDiffEntry[]; unchanged: number };
  cards: { added: CardDiffEntry[]; changed: CardDiffEntry[]; retired: CardDiffEntry[]; unchanged: number };
  /** True when applying would change nothing a learner sees. */
  empty: boolean;
}

function cardPlace(lessonKey: string, key: string): string {
  return `${lessonKey}\u0000${key}`;
}

export function diffCourse(current: CurrentCourse, next: Course, cards: readonly GeneratedCard[]): CourseDiff {
  const diff: CourseDiff = {
    lessons: { added: [], changed: [], retired: [], unchanged: 0 },
    cards: { added: [], changed: [], retired: [], unchanged: 0 },
    empty: true,
  };
  const lessons = new Map(current.lessons.map((l) => [l.key, l]));
  const nextLessonKeys = new Set<string>();
  const livePosition = (l: CurrentLesson) => `${l.moduleKey}\u0000${l.order}`;
  for (const mod of next.modules) {
    for (const lesson of mod.lessons) {
      nextLessonKeys.add(lesson.key);
      const row = lessons.get(lesson.key);
      const entry: LessonDiffEntry = { key: lesson.key, title: lesson.title, moduleKey: mod.key };
      if (!row) {
        diff.lessons.added.push(entry);
        continue;
      }
      if (row.retired) {
        diff.lessons.added.push({ ...entry, restored: true });
        continue;
      }
      const changes: LessonChange[] = [];
      if (row.title !== lesson.title) changes.push('title');
      if (row.markdown !== lesson.markdown) changes.push('text');
      if (livePosition(row) !== `${mod.key}\u0000${lesson.order}`) changes.push('moved');
      if (changes.length === 0) diff.lessons.unchanged++;
      else diff.lessons.changed.push({ ...entry, changes, ...(row.title !== lesson.title ? { previousTitle: row.title } : {}) });
    }
  }
  for (const row of current.lessons) {
    if (!row.retired && !nextLessonKeys.has(row.key)) diff.lessons.retired.push({ key: row.key, title: row.title, moduleKey: row.moduleKey });
  }

  const currentCards = new Map(current.cards.map((c) => [cardPlace(c.lessonKey, c.key), c]));
  const nextCards = new Set<string>();
  for (const card of cards) {
    const place = cardPlace(card.lessonKey, card.key);
    nextCards.add(place);
    const entry: CardDiffEntry = { lessonKey: card.lessonKey, key: card.key, type: card.type, front: card.front, back: card.back };
    const row = currentCards.get(place);
    if (!row) diff.cards.added.push(entry);
    else if (row.retired) diff.cards.added.push({ ...entry, restored: true });
    else if (row.front !== card.front || row.back !== card.back || row.type !== card.type) {
      diff.cards.changed.push({ ...entry, previous: { front: row.front, back: row.back } });
    } else diff.cards.unchanged++;
  }
  for (const row of current.cards) {
    if (!row.retired && !nextCards.has(cardPlace(row.lessonKey, row.key))) {
      diff.cards.retired.push({ lessonKey: row.lessonKey, key: row.key, type: row.type, front: row.front, back: row.back });
    }
  }
  diff.empty =
    diff.lessons.added.length + diff.lessons.changed.length + diff.lessons.retired.length +
      diff.cards.added.length + diff.cards.changed.length + diff.cards.retired.length === 0;
  return diff;
}

/** "2 lessons added, 1 changed, 0 retired; 5 cards added, …" for messages and the CLI. */
export function summariseDiff(diff: CourseDiff): string {
  const l = diff.lessons;
  const c = diff.cards;
  return (
    `lessons: ${l.added.length} added, ${l.changed.length} changed, ${l.retired.length} retired, ${l.unchanged} unchanged; ` +
    `cards: ${c.added.length} added, ${c.changed.length} changed, ${c.retired.length} retired, ${c.unchanged} unchanged`
  );
}
