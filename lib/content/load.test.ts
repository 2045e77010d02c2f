// loadCourse on temporary folders: folder without course.yaml, course.yaml validation, and every
// broken-document case producing an error that names the file.

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCourse } from './build';
import { parseCourseConfig, validateCourseConfig } from './config';
import { decodeText, loadCourse } from './load';
import type { ContentIssue } from './types';

const prose = (topic: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `${topic} sentence ${i + 1} explains one more idea in plain words for the reader.`).join(' ');

const dirs: string[] = [];
async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'content-test-'));
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), body);
  }
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const errors = (issues: readonly ContentIssue[]): ContentIssue[] => issues.filter((i) => i.level === 'error');

const goodDocs = {
  '10-backprop.md': `# Backpropagation\n\n${prose('Backprop', 20)}\n`,
  '2-perceptron.txt': `The Perceptron\n\n${prose('Perceptron', 20)}\n`,
  'page.html': `<html><head><title>Dropout</title></head><body><main><h1>Dropout</h1><p>${prose('Dropout', 20)}</p></main></body></html>`,
};

describe('loadCourse without course.yaml', () => {
  it('makes one module per document in file-name order, titled by its first heading', async () => {
    const dir = await folder({ ...goodDocs, 'res/figure.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]) });
    const { course, issues } = await loadCourse(dir);
    expect(errors(issues)).toEqual([]);
    expect(course.modules.map((m) => m.sources[0])).toEqual(['2-perceptron.txt', '10-backprop.md', 'page.html']);
    expect(course.modules.map((m) => m.title)).toEqual(['The Perceptron', 'Backpropagation', 'Dropout']);
    expect(course.modules.map((m) => m.key)).toEqual(['the-perceptron', 'backpropagation', 'dropout']);
    expect(course.modules.map((m) => m.order)).toEqual([0, 1, 2]);
    for (const m of course.modules) {
      expect(m.lessons).toHaveLength(1);
      expect(m.lessons[0]?.key.startsWith(`${m.key}/`)).toBe(true);
      expect(m.description.length).toBeGreaterThan(0);
    }
    expect(course.key).toMatch(/^content-test-/);
  });

  it('decodes Windows-1252 files and UTF-8 with a byte-order mark', async () => {
    const ascii = (t: string): number[] => [...new TextEncoder().encode(t)];
    const cp1252 = new Uint8Array([...ascii('# Caf'), 0xe9, ...ascii(`\n\n${prose('Menu', 5)} `), 0x93, ...ascii('quoted'), 0x94, 0x0a]);
    expect(decodeText(cp1252)).toContain('Café');
    expect(decodeText(cp1252)).toContain('“quoted”');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });
});

describe('loadCourse with course.yaml', () => {
  const yaml = `
title: Neural Networks
description: From perceptrons to dropout.
modules:
  - title: Foundations
    description: The first models.
    sources: [2-perceptron.txt, 10-backprop.md]
  - key: regularisation
    title: Regularisation
    sources: page.html
    prerequisites: [foundations]
`;

  it('follows the configured order, keys, sources and prerequisites', async () => {
    const dir = await folder({ ...goodDocs, 'course.yaml': yaml });
    const { course, issues } = await loadCourse(dir);
    expect(errors(issues)).toEqual([]);
    expect(course.title).toBe('Neural Networks');
    expect(course.key).toBe('neural-networks');
    expect(course.modules.map((m) => m.key)).toEqual(['foundations', 'regularisation']);
    expect(course.modules[0]?.lessons.map((l) => l.sourceFile)).toEqual(['2-perceptron.txt', '10-backprop.md']);
    expect(course.modules[0]?.lessons.map((l) => l.order)).toEqual([0, 1]);
    expect(course.modules[1]?.prerequisites).toEqual(['foundations']);
  });

  it('warns about documents no module uses', async () => {
    const dir = await folder({ ...goodDocs, 'extra.md': `# Extra\n\n${prose('Extra', 20)}`, 'course.yaml': yaml });
    const { issues } = await loadCourse(dir);
    expect(issues).toContainEqual(expect.objectContaining({ level: 'warning', file: 'extra.md' }));
  });
});

describe('loadCourse reports broken content as errors naming the file', () => {
  const expectError = (issues: readonly ContentIssue[], file: string, reason: RegExp): void => {
    expect(errors(issues), JSON.stringify(issues)).toContainEqual(expect.objectContaining({ level: 'error', file, message: expect.stringMatching(reason) }));
  };

  it('invalid YAML', async () => {
    const dir = await folder({ ...goodDocs, 'course.yaml': 'title: [unclosed\nmodules: {' });
    const { issues, course } = await loadCourse(dir);
    expectError(issues, 'course.yaml', /invalid YAML/);
    expect(course.modules.length).toBe(3); // still usable: falls back to one module per document
  });

  it('schema errors, with the field path', async () => {
    const dir = await folder({ ...goodDocs, 'course.yaml': 'title: X\nmodules:\n  - description: no title\n    sources: [page.html]\n    colour: red\n' });
    const { issues } = await loadCourse(dir);
    expectError(issues, 'course.yaml', /modules\[0\]\.title/);
    expectError(issues, 'course.yaml', /colour/);
  });

  it('a module referencing a missing document', async () => {
    const dir = await folder({ ...goodDocs, 'course.yaml': 'title: X\nmodules:\n  - title: A\n    sources: [nope.md]\n' });
    const { issues } = await loadCourse(dir);
    expectError(issues, 'course.yaml', /missing document "nope\.md"/);
  });

  it('an unknown or circular prerequisite', async () => {
    const dir = await folder({
      ...goodDocs,
      'course.yaml': 'title: X\nmodules:\n  - title: A\n    sources: [page.html]\n    prerequisites: [ghost]\n  - title: B\n    sources: [10-backprop.md]\n    prerequisites: [c]\n  - title: C\n    sources: [2-perceptron.txt]\n    prerequisites: [b]\n',
    });
    const { issues } = await loadCourse(dir);
    expectError(issues, 'course.yaml', /unknown prerequisite module "ghost"/);
    expectError(issues, 'course.yaml', /cycle/);
  });

  it('duplicate module keys', async () => {
    const dir = await folder({ ...goodDocs, 'course.yaml': 'title: X\nmodules:\n  - title: Same\n    sources: [page.html]\n  - title: same\n    sources: [10-backprop.md]\n' });
    expectError((await loadCourse(dir)).issues, 'course.yaml', /duplicate module key "same"/);
  });

  it('an empty document (nothing left after cleaning)', async () => {
    const dir = await folder({ ...goodDocs, 'blank.md': '\n\n   \n', 'chrome.html': '<html><body><nav><a href="/">Home</a></nav></body></html>' });
    const { issues } = await loadCourse(dir);
    expectError(issues, 'blank.md', /empty document/);
    expectError(issues, 'chrome.html', /empty document/);
  });

  it('an unreadable file (broken link) and a binary file', async () => {
    const dir = await folder({ ...goodDocs, 'binary.txt': new Uint8Array([0x00, 0x01, 0x02, 0x41]) });
    await symlink(path.join(dir, 'does-not-exist.md'), path.join(dir, 'broken.md'));
    const { issues } = await loadCourse(dir);
    expectError(issues, 'broken.md', /cannot read file/);
    expectError(issues, 'binary.txt', /not a text document/);
  });

  it('no documents at all, and a missing folder', async () => {
    const dir = await folder({ 'notes.pdf': 'x' });
    expectError((await loadCourse(dir)).issues, path.basename(dir), /no documents/);
    const missing = path.join(dir, 'missing');
    expectError((await loadCourse(missing)).issues, missing, /cannot read content folder/);
  });
});

describe('course configuration', () => {
  it('accepts a single source string and defaults optional fields', () => {
    const { config, issues } = parseCourseConfig('title: T\nmodules:\n  - title: M\n    sources: a.md\n');
    expect(issues).toEqual([]);
    expect(config?.modules[0]).toEqual({ title: 'M', description: '', sources: ['a.md'], prerequisites: [] });
  });

  it('rejects keys that are not slugs', () => {
    const { issues } = validateCourseConfig({ title: 'T', modules: [{ key: 'Bad Key', title: 'M', sources: ['a.md'] }] });
    expect(issues[0]?.message).toMatch(/modules\[0\]\.key/);
  });

  it('buildCourse needs no file system', () => {
    const { course, issues } = buildCourse({ documents: [{ path: 'a.md', text: `# A\n\n${prose('A', 3)}` }] });
    expect(course.modules[0]?.lessons[0]?.title).toBe('A');
    expect(issues).toContainEqual(expect.objectContaining({ level: 'warning', file: 'a.md', message: expect.stringMatching(/short document/) }));
  });
});
