// The draft outline an instructor edits before publishing: modules → lessons, each lesson pointing at the
// document and heading it came from. Pure. Keys are given once (when a document is first parsed) and never
// recomputed from titles or positions, so renaming, reordering, merging or splitting keeps every learner's
// progress: the Course built from an outline carries the same lesson and card keys the sync matches on.

import { z } from 'zod';
import { buildCourse, prerequisiteCycle, type SourceDocument } from '@/lib/content/build';
import { createSlugger, shortSlug, slugify } from '@/lib/content/slug';
import type { ContentIssue, Course, Lesson } from '@/lib/content/types';

/** One document's lessons, keyed under the document's own stable key (`<docKey>/<heading slug>`). */
export interface ParsedDocument {
  /** Stable key of the document in its course; the prefix of its lessons' keys. */
  docKey: string;
  name: string;
  title: string;
  description: string;
  lessons: Lesson[];
  issues: ContentIssue[];
}

const KEY = /^[\p{Ll}\p{N}]+(?:-[\p{Ll}\p{N}]+)*$/u;
const moduleKey = z.string().min(1).max(80).regex(KEY, 'a key is lower-case words joined by dashes');
const lessonKey = z.string().min(3).max(200);
const title = z.string().trim().min(1, 'a title cannot be empty').max(200, 'at most 200 characters');

const cardText = z.string().trim().min(1, 'this side of the card cannot be empty').max(2000, 'at most 2,000 characters');

/** A card the instructor wrote. Cloze: `front` holds the sentence with `[...]`, `back` the hidden words. */
export const manualCardSchema = z.object({
  key: z.string().regex(/^i-[0-9a-z]{6,32}$/),
  type: z.enum(['basic', 'cloze']),
  front: cardText,
  back: cardText,
});
export type ManualCard = z.infer<typeof manualCardSchema>;

/**
 * A cloze card from a sentence with the hidden words in double braces: "The {{heart}} pumps blood" →
 * front "The [...] pumps blood", back "heart". Exactly one gap.
 */
export function clozeFromText(text: string): { ok: true; front: string; back: string } | { ok: false; error: string } {
  const gaps = [...text.matchAll(/\{\{([^{}]+)\}\}/g)];
  if (gaps.length !== 1) return { ok: false, error: 'Put the words to hide in double braces, once: The {{heart}} pumps blood.' };
  const gap = gaps[0] as RegExpMatchArray;
  const back = (gap[1] ?? '').trim();
  const front = text.replace(gap[0], '[...]').trim();
  if (!back || front === '[...]') return { ok: false, error: 'Write a sentence around the hidden words.' };
  return { ok: true, front, back };
}

export const outlineLessonSchema = z.object({
  key: lessonKey,
  /** Document file name the lesson comes from. */
  source: z.string().min(1).max(255),
  /** The heading the lesson was split at, as parsed (kept up to date by re-parsing). */
  heading: z.string().max(300),
  /** The instructor's title, when they renamed the lesson. */
  title: title.optional(),
  /** The instructor's own cards for this lesson (written as origin "instructor" cards on publish). */
  cards: z.array(manualCardSchema).max(100).optional(),
});

export const outlineModuleSchema = z.object({
  key: moduleKey,
  title,
  description: z.string().max(1000).default(''),
  prerequisites: z.array(moduleKey).max(50).default([]),
  lessons: z.array(outlineLessonSchema).min(1, 'a module needs at least one lesson').max(500),
});

export const outlineSchema = z
  .object({
    version: z.literal(1),
    modules: z.array(outlineModuleSchema).max(200),
    /** Module and document keys ever used in this course: a new module never takes an old one's key. */
    usedKeys: z.array(z.string().max(200)).max(5000).default([]),
  })
  .superRefine((outline, ctx) => {
    const modules = new Set<string>();
    const lessons = new Set<string>();
    outline.modules.forEach((m, i) => {
      if (modules.has(m.key)) ctx.addIssue({ code: 'custom', path: ['modules', i, 'key'], message: `duplicate module key "${m.key}"` });
      modules.add(m.key);
      m.lessons.forEach((l, j) => {
        if (lessons.has(l.key)) ctx.addIssue({ code: 'custom', path: ['modules', i, 'lessons', j, 'key'], message: `lesson "${l.key}" appears twice` });
        lessons.add(l.key);
      });
    });
    outline.modules.forEach((m, i) => {
      for (const p of m.prerequisites) {
        if (p === m.key) ctx.addIssue({ code: 'custom', path: ['modules', i, 'prerequisites'], message: `"${m.title}" cannot be its own prerequisite` });
        else if (!modules.has(p)) ctx.addIssue({ code: 'custom', path: ['modules', i, 'prerequisites'], message: `unknown prerequisite module "${p}"` });
      }
    });
    // A module naming itself is ignored here (the editor never offers it), not reported as a cycle.
    const cycle = prerequisiteCycle(outline.modules.map((m) => ({ key: m.key, prerequisites: m.prerequisites.filter((p) => p !== m.key) })));
    if (cycle) ctx.addIssue({ code: 'custom', path: ['modules'], message: `prerequisites form a cycle: ${cycle.join(' → ')}` });
  });

export type Outline = z.infer<typeof outlineSchema>;
export type OutlineModule = Outline['modules'][number];
export type OutlineLesson = OutlineModule['lessons'][number];

export type OutlineResult = { ok: true; outline: Outline } | { ok: false; error: string };

/** Validates an outline (e.g. read back from the database); the first problem as a sentence. */
export function checkOutline(raw: unknown): OutlineResult {
  const parsed = outlineSchema.safeParse(raw);
  if (parsed.success) return { ok: true, outline: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, error: first ? first.message : 'invalid outline' };
}

/** A lesson's title as shown: the instructor's, else the parsed heading. */
export function lessonTitle(lesson: OutlineLesson): string {
  return lesson.title ?? lesson.heading;
}

// ---------- parsing documents into lessons with stable keys ----------

/** A key not yet used in the course, from a title ("Intro" → "intro", "intro-2", …). */
function freshKey(text: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = shortSlug(text, 50) || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

/**
 * Splits one document into lessons (lib/content's pipeline) and re-keys them under `docKey`, which a
 * document keeps across versions; a first upload gets a fresh key from its title.
 */
export function parseDocument(doc: SourceDocument, options: { docKey?: string; taken?: ReadonlySet<string> } = {}): ParsedDocument {
  const { course, issues } = buildCourse({ documents: [doc], name: doc.path });
  const mod = course.modules[0];
  const docTitle = mod?.title ?? doc.path;
  const docKey = options.docKey ?? freshKey(docTitle, options.taken ?? new Set(), 'document');
  const lessons = (mod?.lessons ?? []).map((l) => {
    const slug = l.key.slice(l.moduleKey.length + 1);
    return { ...l, key: `${docKey}/${slug}`, moduleKey: docKey };
  });
  if (mod && lessons.length === 0 && !issues.some((i) => i.level === 'error')) {
    issues.push({ level: 'error', file: doc.path, message: 'no lessons could be made from this document' });
  }
  return { docKey, name: doc.path, title: docTitle, description: mod?.description ?? '', lessons, issues };
}

/** The proposed outline: a module per document (keyed like the document), lessons in document order. */
export function proposeOutline(documents: readonly ParsedDocument[]): Outline {
  const modules: OutlineModule[] = documents
    .filter((d) => d.lessons.length > 0)
    .map((d) => ({
      key: d.docKey,
      title: d.title,
      description: d.description,
      prerequisites: [],
      lessons: d.lessons.map((l) => ({ key: l.key, source: d.name, heading: l.title })),
    }));
  return { version: 1, modules, usedKeys: [...new Set(documents.map((d) => d.docKey))] };
}

/**
 * The outline after documents were (re-)parsed: lessons that still exist stay where the instructor put
 * them with their titles; lessons that disappeared leave; a document's new lessons go after its previous
 * lesson (else into the module holding that document's lessons, else into a new module at the end).
 */
export function reconcileOutline(outline: Outline, documents: readonly ParsedDocument[]): Outline {
  const parsed = new Map<string, { lesson: Lesson; doc: ParsedDocument; index: number }>();
  for (const doc of documents) doc.lessons.forEach((lesson, index) => parsed.set(lesson.key, { lesson, doc, index }));
  const docNames = new Set(documents.map((d) => d.name));
  const modules: OutlineModule[] = outline.modules.map((m) => ({
    ...m,
    lessons: m.lessons
      .filter((l) => parsed.has(l.key) || !docNames.has(l.source))
      .map((l) => {
        const p = parsed.get(l.key);
        return p ? { ...l, source: p.doc.name, heading: p.lesson.title } : l;
      }),
  }));
  const placed = new Set(modules.flatMap((m) => m.lessons.map((l) => l.key)));
  const usedKeys = new Set(outline.usedKeys);
  for (const m of outline.modules) usedKeys.add(m.key);
  for (const doc of documents) {
    usedKeys.add(doc.docKey);
    doc.lessons.forEach((lesson, index) => {
      if (placed.has(lesson.key)) return;
      const entry: OutlineLesson = { key: lesson.key, source: doc.name, heading: lesson.title };
      const previous = doc.lessons.slice(0, index).reverse().find((l) => placed.has(l.key));
      let target = previous ? modules.find((m) => m.lessons.some((l) => l.key === previous.key)) : undefined;
      let at = target && previous ? target.lessons.findIndex((l) => l.key === previous.key) + 1 : 0;
      if (!target) {
        target = modules.find((m) => m.key === doc.docKey) ?? modules.find((m) => m.lessons.some((l) => l.source === doc.name));
        at = 0;
      }
      if (!target) {
        const key = usedKeys.has(doc.docKey) && modules.some((m) => m.key === doc.docKey) ? freshKey(doc.title, usedKeys, 'module') : doc.docKey;
        usedKeys.add(key);
        target = { key, title: doc.title, description: doc.description, prerequisites: [], lessons: [] };
        modules.push(target);
        at = 0;
      }
      target.lessons.splice(at, 0, entry);
      placed.add(lesson.key);
    });
  }
  const live = modules.filter((m) => m.lessons.length > 0);
  const liveKeys = new Set(live.map((m) => m.key));
  return {
    version: 1,
    modules: live.map((m) => ({ ...m, prerequisites: m.prerequisites.filter((p) => liveKeys.has(p)) })),
    usedKeys: [...usedKeys],
  };
}

// ---------- edit operations (each returns a validated outline or a sentence saying why not) ----------

function done(outline: Outline): OutlineResult {
  return checkOutline(outline);
}

function findModule(outline: Outline, key: string): number {
  return outline.modules.findIndex((m) => m.key === key);
}

function findLesson(outline: Outline, key: string): { m: number; l: number } | null {
  for (const [m, mod] of outline.modules.entries()) {
    const l = mod.lessons.findIndex((x) => x.key === key);
    if (l >= 0) return { m, l };
  }
  return null;
}

function clone(outline: Outline): Outline {
  return structuredClone(outline);
}

export function renameModule(outline: Outline, key: string, newTitle: string): OutlineResult {
  const next = clone(outline);
  const mod = next.modules[findModule(next, key)];
  if (!mod) return { ok: false, error: 'That module is not in the outline.' };
  mod.title = newTitle.trim();
  return done(next);
}

export function setModuleDescription(outline: Outline, key: string, description: string): OutlineResult {
  const next = clone(outline);
  const mod = next.modules[findModule(next, key)];
  if (!mod) return { ok: false, error: 'That module is not in the outline.' };
  mod.description = description.trim();
  return done(next);
}

/** Renames a lesson; an empty title (or the parsed heading) goes back to the heading. */
export function renameLesson(outline: Outline, key: string, newTitle: string): OutlineResult {
  const next = clone(outline);
  const at = findLesson(next, key);
  const lesson = at ? next.modules[at.m]?.lessons[at.l] : undefined;
  if (!lesson) return { ok: false, error: 'That lesson is not in the outline.' };
  const t = newTitle.trim();
  if (!t || t === lesson.heading) delete lesson.title;
  else lesson.title = t;
  return done(next);
}

export function moveModule(outline: Outline, key: string, delta: -1 | 1): OutlineResult {
  const next = clone(outline);
  const i = findModule(next, key);
  const j = i + delta;
  if (i < 0) return { ok: false, error: 'That module is not in the outline.' };
  if (j < 0 || j >= next.modules.length) return { ok: false, error: delta < 0 ? 'It is already the first module.' : 'It is already the last module.' };
  const [mod] = next.modules.splice(i, 1);
  next.modules.splice(j, 0, mod as OutlineModule);
  return done(next);
}

/** Moves a lesson up or down within its module. */
export function moveLesson(outline: Outline, key: string, delta: -1 | 1): OutlineResult {
  const next = clone(outline);
  const at = findLesson(next, key);
  if (!at) return { ok: false, error: 'That lesson is not in the outline.' };
  const lessons = (next.modules[at.m] as OutlineModule).lessons;
  const j = at.l + delta;
  if (j < 0 || j >= lessons.length) return { ok: false, error: delta < 0 ? 'It is already the first lesson of its module.' : 'It is already the last lesson of its module.' };
  const [lesson] = lessons.splice(at.l, 1);
  lessons.splice(j, 0, lesson as OutlineLesson);
  return done(next);
}

/** Moves a lesson to the end of another module (a module left empty is removed). */
export function moveLessonToModule(outline: Outline, key: string, targetModule: string): OutlineResult {
  const next = clone(outline);
  const at = findLesson(next, key);
  const target = next.modules[findModule(next, targetModule)];
  if (!at) return { ok: false, error: 'That lesson is not in the outline.' };
  if (!target) return { ok: false, error: 'That module is not in the outline.' };
  const from = next.modules[at.m] as OutlineModule;
  if (from === target) return { ok: false, error: 'The lesson is already in that module.' };
  const [lesson] = from.lessons.splice(at.l, 1);
  target.lessons.push(lesson as OutlineLesson);
  if (from.lessons.length === 0) dropModule(next, from.key, target.key);
  return done(next);
}

function dropModule(outline: Outline, key: string, replacement: string): void {
  outline.modules = outline.modules.filter((m) => m.key !== key);
  for (const m of outline.modules) {
    m.prerequisites = [...new Set(m.prerequisites.map((p) => (p === key ? replacement : p)))].filter((p) => p !== m.key);
  }
}

/** Appends `other`'s lessons to `keep` and removes `other` (prerequisites on it now point at `keep`). */
export function mergeModules(outline: Outline, keep: string, other: string): OutlineResult {
  if (keep === other) return { ok: false, error: 'Choose two different modules to merge.' };
  const next = clone(outline);
  const a = next.modules[findModule(next, keep)];
  const b = next.modules[findModule(next, other)];
  if (!a || !b) return { ok: false, error: 'That module is not in the outline.' };
  a.lessons.push(...b.lessons);
  a.prerequisites = [...new Set([...a.prerequisites, ...b.prerequisites])];
  dropModule(next, other, keep);
  return done(next);
}

/**
 * Splits a module before `lessonKey`: that lesson and the ones after it form a new module right after,
 * titled like that lesson, with a key never used in this course before.
 */
export function splitModule(outline: Outline, moduleKey: string, lessonKey: string): OutlineResult {
  const next = clone(outline);
  const i = findModule(next, moduleKey);
  const mod = next.modules[i];
  if (!mod) return { ok: false, error: 'That module is not in the outline.' };
  const at = mod.lessons.findIndex((l) => l.key === lessonKey);
  if (at < 0) return { ok: false, error: 'That lesson is not in this module.' };
  if (at === 0) return { ok: false, error: 'Split before a later lesson: the first lesson would leave this module empty.' };
  const moved = mod.lessons.splice(at);
  const first = moved[0] as OutlineLesson;
  const taken = new Set([...next.usedKeys, ...next.modules.map((m) => m.key)]);
  const key = freshKey(lessonTitle(first), taken, 'module');
  next.usedKeys = [...new Set([...next.usedKeys, key])];
  next.modules.splice(i + 1, 0, { key, title: lessonTitle(first), description: '', prerequisites: [], lessons: moved });
  return done(next);
}

/** Adds the instructor's card to a lesson (`key` must be new, e.g. from randomCardKey()). */
export function addLessonCard(outline: Outline, lessonKey: string, card: ManualCard): OutlineResult {
  const next = clone(outline);
  const at = findLesson(next, lessonKey);
  const lesson = at ? next.modules[at.m]?.lessons[at.l] : undefined;
  if (!lesson) return { ok: false, error: 'That lesson is not in the outline.' };
  const parsed = manualCardSchema.safeParse(card);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid card' };
  if (next.modules.some((m) => m.lessons.some((l) => l.cards?.some((c) => c.key === card.key)))) return { ok: false, error: 'That card exists already.' };
  lesson.cards = [...(lesson.cards ?? []), parsed.data];
  return done(next);
}

export function removeLessonCard(outline: Outline, cardKey: string): OutlineResult {
  const next = clone(outline);
  for (const m of next.modules) {
    for (const l of m.lessons) {
      if (l.cards?.some((c) => c.key === cardKey)) {
        l.cards = l.cards.filter((c) => c.key !== cardKey);
        if (l.cards.length === 0) delete l.cards;
        return done(next);
      }
    }
  }
  return { ok: false, error: 'That card is not in the outline.' };
}

export function setPrerequisites(outline: Outline, moduleKey: string, prerequisites: readonly string[]): OutlineResult {
  const next = clone(outline);
  const mod = next.modules[findModule(next, moduleKey)];
  if (!mod) return { ok: false, error: 'That module is not in the outline.' };
  mod.prerequisites = [...new Set(prerequisites)];
  return done(next);
}

// ---------- back to the pipeline ----------

export interface CourseMeta {
  key: string;
  title: string;
  description: string;
}

/**
 * The lib/content Course for the sync: modules and lessons in the outline's order and titles, lesson
 * keys as parsed (so progress and card keys survive edits). Lessons whose document is gone are left out.
 */
export function outlineToCourse(outline: Outline, documents: readonly ParsedDocument[], meta: CourseMeta): Course {
  const lessons = new Map(documents.flatMap((d) => d.lessons.map((l) => [l.key, l] as const)));
  const modules = outline.modules
    .map((m) => ({
      m,
      lessons: m.lessons.flatMap((entry) => {
        const lesson = lessons.get(entry.key);
        return lesson ? [{ entry, lesson }] : [];
      }),
    }))
    .filter((x) => x.lessons.length > 0);
  const keys = new Set(modules.map((x) => x.m.key));
  return {
    key: meta.key,
    title: meta.title,
    description: meta.description,
    modules: modules.map(({ m, lessons: ls }, order) => ({
      key: m.key,
      title: m.title,
      description: m.description,
      order,
      prerequisites: m.prerequisites.filter((p) => keys.has(p)),
      sources: [...new Set(ls.map((x) => x.lesson.sourceFile))],
      lessons: ls.map(({ entry, lesson }, i) => ({ ...lesson, moduleKey: m.key, title: lessonTitle(entry), order: i })),
    })),
  };
}

/** A course key from a title, avoiding keys already taken. */
export function courseKeyFor(courseTitle: string, taken: ReadonlySet<string>): string {
  const slugger = createSlugger();
  for (const k of taken) slugger.reserve(k);
  return slugger.slug(shortSlug(courseTitle, 50) || slugify(courseTitle), 'course');
}

/**
 * The Course cards are generated from: documents in upload order with their parsed titles, only the
 * lessons in the outline. Renaming or reordering lessons therefore cannot change a generated card.
 */
export function generationCourse(outline: Outline, documents: readonly ParsedDocument[], meta: CourseMeta): Course {
  const inOutline = new Set(outline.modules.flatMap((m) => m.lessons.map((l) => l.key)));
  return {
    ...meta,
    modules: documents
      .map((d) => ({ d, lessons: d.lessons.filter((l) => inOutline.has(l.key)) }))
      .filter((x) => x.lessons.length > 0)
      .map(({ d, lessons }, order) => ({
        key: d.docKey,
        title: d.title,
        description: d.description,
        order,
        prerequisites: [],
        sources: [d.name],
        lessons: lessons.map((l, i) => ({ ...l, order: i })),
      })),
  };
}
