// A course's generated cards as Anki notes (no schedule): the course deck with one sub-deck per module,
// a tag per module, the source passage and a link to the lesson. Used by `cards:export -- --format apkg`.
import { createHash } from 'node:crypto';
import type { GeneratedCard } from '@/lib/cards/types';
import type { Course } from '@/lib/content/types';
import { lessonHref } from '@/lib/course-urls';
import type { AnkiNoteInput } from './types';

/** A stable Anki guid for a card: same course and card key → same note, so re-importing updates it. */
export function noteGuid(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('base64url').slice(0, 16);
}

/** Tag for a module: Anki tags are single words, so the module key (already a slug) serves. */
export function moduleTag(moduleKey: string): string {
  return `module::${moduleKey}`;
}

export function courseNotes(course: Course, cards: readonly GeneratedCard[], baseUrl: string): AnkiNoteInput[] {
  const modules = new Map(course.modules.map((m) => [m.key, m]));
  const base = baseUrl.replace(/\/+$/, '');
  return cards.map((c) => {
    const courseModule = modules.get(c.moduleKey);
    return {
      guid: noteGuid(course.key, c.key),
      kind: c.type === 'cloze' ? 'cloze' : 'basic',
      deck: [course.title, courseModule?.title ?? c.moduleKey],
      front: c.front,
      back: c.back,
      source: c.source,
      link: `${base}${lessonHref(course.key, c.moduleKey, c.lessonKey, c.anchor)}`,
      tags: [moduleTag(c.moduleKey)],
    };
  });
}
