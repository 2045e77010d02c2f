// The four seed documents in content/: chrome gone, mojibake repaired, structure found, lesson sizes
// within bounds, keys unique and stable under edits. Assertions are structural, not tied to wording.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, type SourceDocument } from './build';
import { parseCourseConfig } from './config';
import { loadCourse } from './load';
import { MAX_LESSON_WORDS, MIN_LESSON_WORDS } from './split';
import { isGlued, isSentenceLike } from './text-lines';
import type { ContentIssue, Course, CourseModule, Lesson } from './types';

const CONTENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content');
const seedFiles = readdirSync(CONTENT).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
const readSeeds = (): SourceDocument[] => seedFiles.map((f) => ({ path: f, text: readFileSync(path.join(CONTENT, f), 'utf8') }));
const seedNamed = (prefix: string): string => {
  const f = seedFiles.find((s) => s.startsWith(prefix));
  if (!f) throw new Error(`seed ${prefix} missing`);
  return f;
};

let course: Course;
let issues: ContentIssue[];
const moduleFor = (file: string): CourseModule => {
  const m = course.modules.find((mod) => mod.sources.includes(file));
  if (!m) throw new Error(`no module for ${file}`);
  return m;
};
const allLessons = (): Lesson[] => course.modules.flatMap((m) => m.lessons);
const linesOf = (lessons: readonly Lesson[]): string[] => lessons.flatMap((l) => l.markdown.split('\n')).map((l) => l.trim()).filter(Boolean);
const headingLines = (lessons: readonly Lesson[]): string[] =>
  linesOf(lessons).filter((l) => /^#{1,6}\s/.test(l)).map((l) => l.replace(/^#+\s+/, ''));

beforeAll(async () => {
  ({ course, issues } = await loadCourse(CONTENT));
});

describe('seed content', () => {
  it('has the four seeds and loads without errors', () => {
    expect(seedFiles).toHaveLength(4);
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(course.modules).toHaveLength(4);
    for (const m of course.modules) expect(m.lessons.length).toBeGreaterThan(0);
  });

  it('loads well under a second', async () => {
    const started = performance.now();
    await loadCourse(CONTENT);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('keeps every lesson between the size bounds', () => {
    for (const lesson of allLessons()) {
      expect(lesson.words, lesson.key).toBeGreaterThanOrEqual(MIN_LESSON_WORDS);
      expect(lesson.words, lesson.key).toBeLessThanOrEqual(MAX_LESSON_WORDS);
    }
    expect(issues.filter((i) => /short lesson|long lesson/.test(i.message))).toEqual([]);
  });

  it('gives unique keys of the form <moduleKey>/<slug>, orders 0..n-1', () => {
    const keys = allLessons().map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(course.modules.map((m) => m.key)).size).toBe(course.modules.length);
    for (const m of course.modules) {
      m.lessons.forEach((l, i) => {
        expect(l.key).toMatch(new RegExp(`^${m.key}/[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*$`, 'u'));
        expect(l.moduleKey).toBe(m.key);
        expect(l.order).toBe(i);
      });
    }
  });

  it('never repeats a lesson title as its first heading and keeps ## as the top level inside', () => {
    for (const lesson of allLessons()) {
      const headings = lesson.markdown.split('\n').filter((l) => /^#{1,6}\s/.test(l));
      const firstHeading = headings[0]?.replace(/^#+\s+/, '');
      expect(firstHeading, lesson.key).not.toBe(lesson.title);
      for (const h of headings) expect(h, lesson.key).not.toMatch(/^#\s/);
      if (headings.length) expect(Math.min(...headings.map((h) => h.indexOf(' '))), lesson.key).toBe(2);
    }
  });

  it('repairs all mojibake and removes footnote back-links', () => {
    const text = allLessons().map((l) => `${l.title}\n${l.markdown}`).join('\n');
    expect(text).not.toMatch(/â€|Ã|Â|ðŸ|â†/u);
    expect(text).not.toContain('↩');
    expect(text).not.toContain('\u00a0');
    expect(text).toContain('😄');
    for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
  });

  it('drops web-page chrome from the saved GitHub page (by structure)', () => {
    const lessons = moduleFor(seedNamed('002')).lessons;
    const lines = linesOf(lessons);
    // No run-together button rows, no footer copyright line.
    expect(lines.filter((l) => isGlued(l))).toEqual([]);
    expect(lines.filter((l) => l.includes('©'))).toEqual([]);
    // Short lines without sentence punctuation that repeat are menus; none may survive.
    const shortLines = lines
      .filter((l) => !/^#/.test(l))
      .map((l) => l.replace(/^(?:[-*+]|\d+[.)])\s+/, ''))
      .filter((l) => l.split(/\s+/).length <= 3 && !isSentenceLike(l));
    const counts = new Map<string, number>();
    for (const l of shortLines) counts.set(l, (counts.get(l) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n >= 2)).toEqual([]);
    // Typical chrome of that page kind.
    for (const chrome of [/^sign (in|up)$/i, /^skip to content$/i, /^navigation menu$/i, /reload to refresh your session/i, /^footer$/i, /^\d+(\.\d+)?k?\s*(stars|forks)?$/i]) {
      expect(lines.filter((l) => chrome.test(l)), String(chrome)).toEqual([]);
    }
  });

  it('keeps the README from its first paragraph to its last footnote, with its headings', () => {
    const lessons = moduleFor(seedNamed('002')).lessons;
    const headings = new Set([...headingLines(lessons), ...lessons.map((l) => l.title)]);
    for (const h of ['Overview', '1. Constraints', '1.1. Data', '1.8. Constraints & Leverage', '2. Narratives', '5. Future', 'Papers', 'Breakthrough #1: Large Labeled Datasets']) {
      expect(headings, h).toContain(h);
    }
    const first = lessons[0]?.markdown ?? '';
    expect(first.trimStart().startsWith('A deep-dive on the entire history of deep learning')).toBe(true);
    const last = lessons[lessons.length - 1]?.markdown.trim() ?? '';
    expect(last.endsWith('which some people still disagree with.')).toBe(true);
    // The in-page table of contents (a list repeating the headings) is gone: "1.1. Data" appears once, as a heading.
    const dataLines = linesOf(lessons).filter((l) => l.replace(/^#+\s+|^[-*]\s+/g, '') === '1.2. Parameters');
    expect(dataLines).toHaveLength(0); // it is a lesson title, so neither a heading nor a list item remains
    expect(lessons.map((l) => l.title)).toContain('1.2. Parameters');
  });

  it('titles the question-and-answer lesson by the question itself', () => {
    const lessons = moduleFor(seedNamed('001')).lessons;
    const first = lessons[0] as Lesson;
    expect(first.title).toMatch(/\?$/);
    expect(first.title.split(/\s+/).length).toBeGreaterThan(4);
    for (const l of lessons) {
      expect(l.title).not.toMatch(/^(question|answer)$/i);
      expect(l.markdown).not.toMatch(/^#+\s+(question|answer)\s*$/im);
    }
    // Note file names lose their numeric ids and extensions in titles.
    for (const l of lessons) expect(l.title).not.toMatch(/^\d{8,}|\.txt$/);
  });

  it('finds the slide titles of the lecture', () => {
    const lessons = moduleFor(seedNamed('003')).lessons;
    const headings = new Set([...headingLines(lessons), ...lessons.map((l) => l.title)]);
    expect(headings).toContain('What is deep learning?');
    expect(headings).toContain('The Scaling Law');
    expect([...headings].filter((h) => /^What spurred deep learning/.test(h)).length).toBeGreaterThanOrEqual(4);
    expect(lessons.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the overview document’s sub-headings inside its lessons', () => {
    const lessons = moduleFor(seedNamed('000')).lessons;
    expect(headingLines(lessons)).toEqual(expect.arrayContaining(['1998 Lenet', '2012 Imagenet']));
  });

  it('keeps every key when a paragraph is edited', () => {
    const config = parseCourseConfig(readFileSync(path.join(CONTENT, 'course.yaml'), 'utf8')).config;
    expect(config).toBeDefined();
    const docs = readSeeds();
    const before = buildCourse({ documents: docs, ...(config ? { config } : {}) }).course;
    for (const doc of docs) {
      const lines = doc.text.split('\n');
      // Edit the longest line in the middle of the document (a paragraph of the real content).
      const middle = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => i > lines.length * 0.3 && i < lines.length * 0.7 && /\.$/.test(l.trim()));
      const target = middle.sort((a, b) => b.l.length - a.l.length)[0];
      expect(target, doc.path).toBeDefined();
      const edited = [...lines];
      edited[target?.i ?? 0] = `${(target?.l ?? '').replace(/\bthe\b/, 'THE')} This sentence was added in an edit.`;
      const after = buildCourse({
        documents: docs.map((d) => (d === doc ? { ...d, text: edited.join('\n') } : d)),
        ...(config ? { config } : {}),
      }).course;
      const keys = (c: Course): string[] => c.modules.flatMap((m) => m.lessons.map((l) => l.key));
      expect(keys(after), doc.path).toEqual(keys(before));
      const changed = after.modules.flatMap((m) => m.lessons).filter((l, i) => l.markdown !== before.modules.flatMap((m2) => m2.lessons)[i]?.markdown);
      expect(changed.length, doc.path).toBeGreaterThan(0);
    }
  });

  it('builds the same course from the folder without course.yaml, one module per document', () => {
    const { course: folder, issues: folderIssues } = buildCourse({ documents: readSeeds(), name: 'content' });
    expect(folderIssues.filter((i) => i.level === 'error')).toEqual([]);
    expect(folder.modules.map((m) => m.sources[0])).toEqual(seedFiles);
    expect(folder.modules[0]?.title).toBe('Deep Learning evolution');
    expect(folder.modules[0]?.key).toBe('deep-learning-evolution');
    for (const m of folder.modules) expect(m.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
