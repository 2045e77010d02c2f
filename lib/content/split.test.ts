// splitLessons on synthetic Markdown: heading hierarchy, merging tiny sections, splitting long ones,
// titles, heading levels inside lessons, and keys that depend on headings only.

import { describe, expect, it } from 'vitest';
import { createSlugger } from './slug';
import { documentTitle, splitLessons } from './split';

/** A paragraph of exactly `n` words. */
const words = (n: number, seed = 'word'): string => Array.from({ length: n }, (_, i) => `${seed}${i % 7}`).join(' ') + '.';
const split = (md: string, extra: Partial<Parameters<typeof splitLessons>[1]> = {}) =>
  splitLessons(md, { moduleKey: 'mod', sourceFile: 'doc.md', ...extra });

describe('splitLessons', () => {
  it('makes one lesson of a document under the minimum, titled by the document', () => {
    const lessons = split(`# Tiny note\n\n${words(40)}\n\n## Detail\n\n${words(30)}\n`);
    expect(lessons).toHaveLength(1);
    expect(lessons[0]?.title).toBe('Tiny note');
    expect(lessons[0]?.key).toBe('mod/tiny-note');
    expect(lessons[0]?.markdown).not.toMatch(/^# Tiny note/m);
    expect(lessons[0]?.markdown).toMatch(/^## Detail$/m);
  });

  it('splits at the top sections and merges tiny ones into a neighbour', () => {
    const md = [
      '# Course notes',
      `## Alpha\n\n${words(400)}`,
      `## Beta\n\n${words(60)}`,
      `## Gamma\n\n${words(300)}`,
      `## Delta\n\n${words(500)}`,
    ].join('\n\n');
    const lessons = split(md);
    expect(lessons.map((l) => l.title)).toEqual(['Alpha', 'Beta and Gamma', 'Delta']);
    expect(lessons.map((l) => l.key)).toEqual(['mod/alpha', 'mod/beta', 'mod/delta']);
    for (const l of lessons) expect(l.words).toBeGreaterThanOrEqual(150);
    expect(lessons[1]?.markdown).toMatch(/^## Beta$/m);
    expect(lessons[1]?.markdown).toMatch(/^## Gamma$/m);
    expect(lessons.map((l) => l.order)).toEqual([0, 1, 2]);
  });

  it('splits a long section at its sub-headings and demotes headings so ## is the top level', () => {
    const md = [
      '# Book',
      `## Part one\n\n${words(200)}`,
      `### Chapter A\n\n${words(700)}\n\n#### Detail A\n\n${words(200)}`,
      `### Chapter B\n\n${words(900)}`,
    ].join('\n\n');
    const lessons = split(md);
    expect(lessons.map((l) => l.title)).toEqual(['Part one', 'Chapter A', 'Chapter B']);
    const chapterA = lessons[1]?.markdown ?? '';
    expect(chapterA).not.toMatch(/Chapter A/);
    expect(chapterA).toMatch(/^## Detail A$/m);
    for (const l of lessons) expect(l.words).toBeLessThanOrEqual(1500);
  });

  it('splits a long section without sub-headings at paragraphs, titled "(part n)"', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => words(450, `p${i}x`)).join('\n\n');
    const lessons = split(`# Essay\n\n## Argument\n\n${paragraphs}\n\n## Conclusion\n\n${words(200)}`);
    const parts = lessons.filter((l) => l.title.startsWith('Argument'));
    expect(parts.map((l) => l.title)).toEqual(['Argument', 'Argument (part 2)', 'Argument (part 3)']);
    expect(parts.map((l) => l.key)).toEqual(['mod/argument', 'mod/argument-part-2', 'mod/argument-part-3']);
    for (const l of parts) {
      expect(l.words).toBeGreaterThanOrEqual(150);
      expect(l.words).toBeLessThanOrEqual(1500);
    }
    // Nothing lost: every paragraph lands in exactly one lesson.
    expect(lessons.reduce((n, l) => n + l.words, 0)).toBe(8 * 450 + 200);
  });

  it('deduplicates keys with -2, -3 and shares them across documents of a module', () => {
    const md = `# Notes\n\n## Summary\n\n${words(200)}\n\n## Summary\n\n${words(200)}\n`;
    const slugger = createSlugger();
    const first = split(md, { slugger });
    const second = split(md, { slugger, sourceFile: 'other.md' });
    expect([...first, ...second].map((l) => l.key)).toEqual(['mod/summary', 'mod/summary-2', 'mod/summary-3', 'mod/summary-4']);
  });

  it('keeps keys when paragraphs are edited, and derives them from headings only', () => {
    const base = `# Doc\n\n## One\n\n${words(300)}\n\n## Two\n\n${words(250)}\n\n## Three\n\n${words(400)}\n`;
    const edited = base.replace(words(250), `${words(250)} A new sentence was added to this paragraph by an editor.`);
    expect(split(edited).map((l) => l.key)).toEqual(split(base).map((l) => l.key));
    expect(split(edited)[1]?.markdown).not.toBe(split(base)[1]?.markdown);
    const renamed = base.replace('## Two', '## Second');
    expect(split(renamed).map((l) => l.key)).toEqual(['mod/one', 'mod/second', 'mod/three']);
  });

  it('uses a heading-only title slide as the document title and leaves it out of the lessons', () => {
    const md = `# Lecture 4\n\n## Convolutions\n\n# What is a kernel?\n\n${words(200)}\n\n# Pooling\n\n${words(200)}\n`;
    expect(documentTitle(md)).toBe('Lecture 4');
    const lessons = split(md);
    expect(lessons.map((l) => l.title)).toEqual(['What is a kernel?', 'Pooling']);
    expect(lessons.map((l) => l.markdown).join('\n')).not.toContain('Lecture 4');
  });

  it('titles text before the first heading by the fallback and carries link definitions along', () => {
    const md = `${words(200)} See [the paper][p].\n\n## Method\n\n${words(200)} And a note.[^n]\n\n[p]: https://example.com/paper\n[^n]: The footnote text.\n`;
    const lessons = split(md, { fallbackTitle: 'Module title' });
    expect(lessons.map((l) => l.title)).toEqual(['Module title', 'Method']);
    expect(lessons[0]?.markdown).toContain('[p]: https://example.com/paper');
    expect(lessons[0]?.markdown).not.toContain('[^n]:');
    expect(lessons[1]?.markdown).toContain('[^n]: The footnote text.');
  });

  it('demotes headings inside block quotes below the lesson headings', () => {
    const md = `# Notes\n\n## Quote\n\n> # Inner title\n>\n> ${words(200)}\n\n## Other\n\n${words(200)}\n`;
    const lessons = split(md);
    expect(lessons[0]?.markdown).toMatch(/^> ### Inner title$/m);
  });

  it('returns no lessons for a document without text', () => {
    expect(split('')).toEqual([]);
    expect(split('# Only a heading\n\n## And another\n')).toEqual([]);
  });
});
