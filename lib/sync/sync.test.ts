import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { syncCourse } from './sync';
import { syncContentFolder } from './folder';
import type { Course, Lesson } from '@/lib/content/types';
import type { GeneratedCard } from '@/lib/cards/types';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => t.cleanup());

function lesson(moduleKey: string, slug: string, order: number, markdown = `Some text about ${slug}.`): Lesson {
  return { key: `${moduleKey}/${slug}`, moduleKey, title: slug.toUpperCase(), order, markdown, words: markdown.split(/\s+/).length, sourceFile: `${moduleKey}.md` };
}

function makeCourse(lessons: { m1: Lesson[]; m2: Lesson[] }): Course {
  return {
    key: 'demo-course',
    title: 'Demo course',
    description: 'A course for tests',
    modules: [
      { key: 'm1', title: 'Module one', description: '', order: 0, prerequisites: [], sources: ['m1.md'], lessons: lessons.m1 },
      { key: 'm2', title: 'Module two', description: '', order: 1, prerequisites: ['m1'], sources: ['m2.md'], lessons: lessons.m2 },
    ],
  };
}

function card(lessonKey: string, key: string, front = `Q ${key}?`): GeneratedCard {
  return { key, lessonKey, moduleKey: lessonKey.split('/')[0]!, type: 'basic', front, back: `A ${key}`, source: `Source of ${key}.`, anchor: '', score: 1 };
}

const base = () => makeCourse({ m1: [lesson('m1', 'a', 0), lesson('m1', 'b', 1)], m2: [lesson('m2', 'c', 0)] });
const baseCards = () => [card('m1/a', 'k1'), card('m1/a', 'k2'), card('m2/c', 'k3')];

describe('syncCourse (SQLite)', () => {
  it('creates everything, then a second run with no change reports zero changes', async () => {
    const first = await syncCourse(t.db, base(), baseCards());
    expect(first.modules.created).toBe(2);
    expect(first.lessons.created).toBe(3);
    expect(first.cards.created).toBe(3);
    const second = await syncCourse(t.db, base(), baseCards());
    expect(second.changes).toBe(0);
    expect(await t.db.lesson.count()).toBe(3);
  });

  it('keeps lesson and card ids when text is edited, so progress and reviews stay attached', async () => {
    await syncCourse(t.db, base(), baseCards());
    const before = await t.db.lesson.findFirstOrThrow({ where: { key: 'm1/a' } });
    const edited = base();
    edited.modules[0]!.lessons[0] = lesson('m1', 'a', 0, 'Edited text, a new paragraph added.');
    const report = await syncCourse(t.db, edited, [card('m1/a', 'k1', 'Edited question?'), card('m1/a', 'k2'), card('m2/c', 'k3')]);
    expect(report.lessons.updated).toBe(1);
    expect(report.cards.updated).toBe(1);
    const after = await t.db.lesson.findFirstOrThrow({ where: { key: 'm1/a' } });
    expect(after.id).toBe(before.id);
    expect(after.markdown).toBe('Edited text, a new paragraph added.');
  });

  it('retires a removed lesson and its cards, keeping progress and review state; restores them when they return', async () => {
    await syncCourse(t.db, base(), baseCards());
    const user = await t.db.user.create({ data: { email: 'l@example.com', name: 'L' } });
    const lessonA = await t.db.lesson.findFirstOrThrow({ where: { key: 'm1/a' } });
    const k1 = await t.db.card.findFirstOrThrow({ where: { key: 'k1' } });
    await t.db.lessonProgress.create({ data: { userId: user.id, lessonId: lessonA.id, completedAt: new Date() } });
    await t.db.cardState.create({
      data: { userId: user.id, cardId: k1.id, state: 'review', due: new Date(), stability: 3, difficulty: 5, elapsedDays: 1, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0 },
    });

    const without = makeCourse({ m1: [lesson('m1', 'b', 0)], m2: [lesson('m2', 'c', 0)] });
    const report = await syncCourse(t.db, without, [card('m2/c', 'k3')]);
    expect(report.lessons.retired).toBe(1);
    expect(report.cards.retired).toBe(2);
    expect((await t.db.lesson.findUniqueOrThrow({ where: { id: lessonA.id } })).retiredAt).not.toBeNull();
    expect(await t.db.lessonProgress.count({ where: { userId: user.id } })).toBe(1);
    expect(await t.db.cardState.count({ where: { userId: user.id } })).toBe(1);

    const back = await syncCourse(t.db, base(), baseCards());
    expect(back.lessons.restored).toBe(1);
    expect(back.cards.restored).toBe(2);
    const restored = await t.db.lesson.findUniqueOrThrow({ where: { id: lessonA.id } });
    expect(restored.retiredAt).toBeNull();
  });

  it('keeps an instructor edit and suspension through a re-sync', async () => {
    await syncCourse(t.db, base(), baseCards());
    const k2 = await t.db.card.findFirstOrThrow({ where: { key: 'k2' } });
    await t.db.card.update({ where: { id: k2.id }, data: { editedFront: 'Better question?', suspended: true } });
    await syncCourse(t.db, base(), [card('m1/a', 'k1'), card('m1/a', 'k2', 'Regenerated question?'), card('m2/c', 'k3')]);
    const after = await t.db.card.findUniqueOrThrow({ where: { id: k2.id } });
    expect(after).toMatchObject({ editedFront: 'Better question?', suspended: true, front: 'Regenerated question?' });
  });

  it('rolls back everything when a write fails midway', async () => {
    await syncCourse(t.db, base(), baseCards());
    const changed = base();
    changed.title = 'Renamed course';
    await expect(syncCourse(t.db, changed, [card('m9/zzz', 'bad')])).rejects.toThrow(/unknown lesson/);
    expect((await t.db.course.findFirstOrThrow()).title).toBe('Demo course');
  });
});

describe('syncContentFolder (SQLite)', () => {
  const generate = (c: Course): GeneratedCard[] =>
    c.modules.flatMap((m) => m.lessons.map((l) => card(l.key, `${l.key}-k`)));

  async function folder(files: Record<string, string>): Promise<string> {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'content-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }

  const doc = (title: string) => `# ${title}\n\n${'This sentence explains an idea about the topic in plain words. '.repeat(30)}\n`;

  it('syncs a folder without course.yaml, one module per document', async () => {
    const dir = await folder({ 'a.md': doc('Alpha topic'), 'b.md': doc('Beta topic') });
    const result = await syncContentFolder(t.db, dir, generate);
    expect(result.ok).toBe(true);
    expect(await t.db.module.count()).toBe(2);
  });

  it.each([
    ['invalid YAML', { 'course.yaml': 'title: [unclosed', 'a.md': doc('Alpha') }, 'course.yaml'],
    ['unknown module reference', { 'course.yaml': 'title: T\nmodules:\n  - title: A\n    sources: [a.md]\n    prerequisites: [nope]\n', 'a.md': doc('Alpha') }, 'course.yaml'],
    ['missing document', { 'course.yaml': 'title: T\nmodules:\n  - title: A\n    sources: [missing.md]\n' }, 'missing.md'],
    ['empty document', { 'a.md': doc('Alpha'), 'empty.md': '   \n\n' }, 'empty.md'],
  ])('stops on %s, naming the file, and leaves the database untouched', async (_name, files, file) => {
    const good = await folder({ 'a.md': doc('Alpha topic') });
    await syncContentFolder(t.db, good, generate);
    const before = await t.db.lesson.findMany({ orderBy: { key: 'asc' } });
    const result = await syncContentFolder(t.db, await folder(files), generate);
    expect(result.ok).toBe(false);
    const errors = result.issues.filter((i) => i.level === 'error');
    expect(errors.some((e) => `${e.file}: ${e.message}`.includes(file))).toBe(true);
    expect(await t.db.lesson.findMany({ orderBy: { key: 'asc' } })).toEqual(before);
    expect(await t.db.course.count()).toBe(1);
  });
});
