// Integration on a fresh migrated SQLite file: a learner reviews for two weeks, downloads their deck, the
// package is read back by an independent reader (Python) and imported by another learner, whose next due
// dates must match within a day; an instructor imports it as a course; bad files change nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { syncTwoModuleCourse, twoModuleCourse } from '@/test/classes';
import { enrollLessonCards, gradeForUser } from '@/lib/review/service';
import type { Rating } from '@/lib/srs';
import { readApkg } from './read';
import { importDeckFile, importLearnerPackage, learnerPackageInput } from './service';
import { writeApkg } from './write';
import { mediaIds } from '@/lib/cards/media';
import { visibleMedia } from '@/lib/courses/media';

let t: TestDb;
let alice: string;
let bob: string;
let teacher: string;
const dir = mkdtempSync(path.join(os.tmpdir(), 'anki-int-'));
const DAY = 86_400_000;
const t0 = new Date('2026-11-02T08:00:00Z');
const now = new Date(t0.getTime() + 14 * DAY + 3_600_000);
let bytes: Uint8Array;

beforeAll(async () => {
  t = await createTestDb();
  await syncTwoModuleCourse(t.db, twoModuleCourse(['a', 'b'], ['c']), [
    ['k1', 'm1/a'], ['k2', 'm1/a'], ['k3', 'm1/b'], ['k4', 'm1/b'], ['k5', 'm2/c'], ['k6', 'm2/c'],
  ]);
  alice = (await t.db.user.create({ data: { email: 'alice@example.com', name: 'Alice', timeZone: 'Europe/Berlin' } })).id;
  bob = (await t.db.user.create({ data: { email: 'bob@example.com', name: 'Bob', timeZone: 'Europe/Berlin' } })).id;
  teacher = (await t.db.user.create({ data: { email: 'teach@example.com', name: 'T', role: 'instructor' } })).id;
  const lessons = await t.db.lesson.findMany({ select: { id: true } });
  await enrollLessonCards(t.db, alice, lessons.map((l) => l.id), t0);
  // Two weeks of reviews: every card due at each step gets a grade (one Again and some Hard/Easy for variety).
  const pattern: Rating[] = [3, 3, 1, 3, 2, 4, 3, 3];
  let n = 0;
  for (let day = 0; day <= 14; day++) {
    for (const minutes of [0, 15]) {
      const at = new Date(t0.getTime() + day * DAY + minutes * 60_000);
      const due = await t.db.cardState.findMany({ where: { userId: alice, due: { lte: at } }, orderBy: { cardId: 'asc' } });
      for (const [i, s] of due.slice(0, day === 0 ? 4 : 6).entries()) {
        // a few seconds apart, as a person answers (Anki's revlog ids are the answer's millisecond)
        const answered = new Date(at.getTime() + i * 7_000);
        const rating = pattern[n % pattern.length] as Rating;
        const r = await gradeForUser(t.db, alice, { cardId: s.cardId, rating, clientId: `c${n}`, version: s.version, durationMs: 3000 }, answered);
        expect(r.ok).toBe(true);
        n++;
      }
    }
  }
  bytes = writeApkg(await learnerPackageInput(t.db, alice, now, 'http://localhost:3000')).bytes;
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.cleanup();
});

describe('a learner’s deck out to Anki and back', () => {
  it('reads back with an independent reader: every card, note and review, due dates within a day', async () => {
    const file = path.join(dir, 'alice.apkg');
    writeFileSync(file, bytes);
    const py = JSON.parse(execFileSync('python3', [path.join(__dirname, 'testdata', 'read_apkg.py'), file], { encoding: 'utf8' })) as {
      col: { crt: number };
      notes: number;
      cards: { guid: string; type: number; queue: number; due: number; reps: number; data: { s?: number; d?: number } }[];
      revlog: { cid: number }[];
    };
    const states = await t.db.cardState.findMany({ where: { userId: alice } });
    const reviews = await t.db.reviewLog.count({ where: { userId: alice } });
    expect(py.cards).toHaveLength(states.length);
    expect(py.notes).toBe(states.length);
    expect(py.revlog).toHaveLength(reviews);
    let maxDays = 0;
    for (const s of states) {
      const c = py.cards.find((x) => x.guid === s.cardId);
      expect(c?.reps).toBe(s.reps);
      if (s.state === 'review') {
        expect(c?.data.s).toBeCloseTo(s.stability, 3);
        expect(c?.data.d).toBeCloseTo(s.difficulty, 3);
        const ankiDue = (py.col.crt + (c?.due ?? 0) * 86_400) * 1000;
        maxDays = Math.max(maxDays, Math.abs(ankiDue - s.due.getTime()) / DAY);
      } else if (c?.queue === 1) {
        maxDays = Math.max(maxDays, Math.abs((c.due * 1000 - s.due.getTime()) / DAY));
      }
    }
    expect(maxDays).toBeLessThan(1);
    console.log(
      `anki round trip (independent reader): ${py.cards.length} cards, ${py.notes} notes, ${py.revlog.length} revlog rows ` +
        `(app: ${states.length} card states, ${reviews} reviews); max due-date difference ${maxDays.toFixed(3)} days`,
    );
  });

  it('imported by another learner, replays the history so the next due dates match', async () => {
    const read = readApkg(bytes);
    if (!read.ok) throw new Error(read.error);
    const summary = await importLearnerPackage(t.db, bob, read.deck, 'alice.apkg', now);
    const a = await t.db.cardState.findMany({ where: { userId: alice }, orderBy: { cardId: 'asc' } });
    const b = await t.db.cardState.findMany({ where: { userId: bob }, orderBy: { cardId: 'asc' } });
    expect(b.map((s) => s.cardId)).toEqual(a.map((s) => s.cardId));
    let maxMs = 0;
    for (const [i, s] of a.entries()) {
      const other = b[i];
      expect(other?.state).toBe(s.state);
      expect(other?.reps).toBe(s.reps);
      maxMs = Math.max(maxMs, Math.abs((other?.due.getTime() ?? 0) - s.due.getTime()));
    }
    expect(maxMs).toBeLessThan(DAY);
    expect(await t.db.reviewLog.count({ where: { userId: bob } })).toBe(await t.db.reviewLog.count({ where: { userId: alice } }));
    expect(await t.db.enrollment.count({ where: { userId: bob } })).toBe(1);
    console.log(`anki import as another learner: ${summary.message} max due difference ${(maxMs / DAY).toFixed(4)} days`);
    // importing again records nothing twice
    const again = await importLearnerPackage(t.db, bob, read.deck, 'alice.apkg', now);
    expect(again.scheduled).toBe(0);
    expect(await t.db.reviewLog.count({ where: { userId: bob } })).toBe(summary.reviews);
  });

  it('imported by an instructor, becomes a draft course they own: decks → modules, notes → cards', async () => {
    const outcome = await importDeckFile(t.db, { id: teacher, role: 'instructor' }, bytes, 'alice.apkg', 'course', now);
    if (!outcome.ok) throw new Error(outcome.error);
    const course = await t.db.course.findUniqueOrThrow({
      where: { key: outcome.courseKey },
      include: { modules: { orderBy: { order: 'asc' }, include: { lessons: { include: { cards: true } } } }, instructors: true },
    });
    expect(course).toMatchObject({ title: 'C', ownerId: teacher, status: 'draft' });
    expect(course.instructors).toEqual([expect.objectContaining({ userId: teacher, role: 'owner' })]);
    expect(course.modules.map((m) => [m.title, m.lessons[0]?.cards.length])).toEqual([
      ['One', 4],
      ['Two', 2],
    ]);
    expect(course.modules[0]?.lessons[0]?.cards[0]).toMatchObject({ type: 'basic', back: expect.stringMatching(/^k\d$/) });
  });

  it('a learner may not import as a course, and bad files change nothing', async () => {
    const before = { courses: await t.db.course.count(), cards: await t.db.card.count(), logs: await t.db.reviewLog.count() };
    const refused = await importDeckFile(t.db, { id: bob, role: 'learner' }, bytes, 'x.apkg', 'course', now);
    expect(refused).toEqual({ ok: false, error: 'Only instructors can import a deck as a course.' });
    for (const bad of [new TextEncoder().encode('not a zip'), bytes.subarray(0, 200), new Uint8Array(0)]) {
      const r = await importDeckFile(t.db, { id: teacher, role: 'instructor' }, bad, 'bad.apkg', 'course', now);
      expect(r.ok).toBe(false);
    }
    expect({ courses: await t.db.course.count(), cards: await t.db.card.count(), logs: await t.db.reviewLog.count() }).toEqual(before);
  });

  it('a CSV deck becomes a course with one module', async () => {
    const csv = new TextEncoder().encode('#separator:comma\n#deck:Capitals\nFrance,Paris\nGermany,Berlin\n"{{c1::Rome}} is in Italy",\n');
    const outcome = await importDeckFile(t.db, { id: teacher, role: 'instructor' }, csv, 'capitals.csv', 'course', now);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome).toMatchObject({ modules: 1, cards: 3 });
    const cards = await t.db.card.findMany({ where: { lesson: { module: { course: { key: outcome.courseKey } } } }, orderBy: { position: 'asc' } });
    expect(cards.map((c) => [c.type, c.front, c.back])).toEqual([
      ['basic', 'France', 'Paris'],
      ['basic', 'Germany', 'Berlin'],
      ['cloze', '[...] is in Italy', 'Rome'],
    ]);
  });
});

describe('ids in the file are not trusted', () => {
  it('another learner’s private card named in a package is not imported', async () => {
    const lesson = await t.db.lesson.findFirstOrThrow({ select: { id: true } });
    const secret = await t.db.card.create({
      data: { lessonId: lesson.id, key: 'private-1', type: 'basic', front: 'secret?', back: 'yes', source: '', origin: 'learner', ownerId: alice },
    });
    const carol = (await t.db.user.create({ data: { email: 'carol@example.com', name: 'Carol' } })).id;
    const pkg = writeApkg({
      now,
      collectionCreated: now,
      notes: [{ guid: secret.id, kind: 'basic', deck: ['C', 'One'], front: 'secret?', back: 'yes', source: '', link: '', tags: [],
        revlog: [{ id: now.getTime() - DAY, ease: 3, ivl: 1, lastIvl: 0, factor: 0, time: 1000, type: 0 }] }],
    }).bytes;
    const outcome = await importDeckFile(t.db, { id: carol, role: 'learner' }, pkg, 'x.apkg', 'my-reviews', now);
    expect(outcome).toMatchObject({ ok: true });
    expect(await t.db.reviewLog.count({ where: { userId: carol, cardId: secret.id } })).toBe(0);
    expect(await t.db.cardState.count({ where: { userId: carol, cardId: secret.id } })).toBe(0);
    // what she gets is her own copy of the note, in her private deck
    const copy = await t.db.card.findFirstOrThrow({ where: { ownerId: carol } });
    expect(copy.id).not.toBe(secret.id);
    expect(await t.db.card.findUniqueOrThrow({ where: { id: secret.id } })).toMatchObject({ ownerId: alice, front: 'secret?' });
  });
});

describe('a foreign Anki deck becomes the learner’s private deck', () => {
  const foreign = () =>
    writeApkg({
      now,
      collectionCreated: t0,
      notes: [
        { guid: 'f-hablar', kind: 'basic', deck: ['Spanish', 'Verbs'], front: 'to speak', back: 'hablar', source: '', link: '', tags: [],
          revlog: [
            { id: t0.getTime(), ease: 3, ivl: -600, lastIvl: 0, factor: 0, time: 4000, type: 0 },
            { id: t0.getTime() + DAY, ease: 3, ivl: 3, lastIvl: -600, factor: 2500, time: 3000, type: 1 },
          ] },
        { guid: 'f-comer', kind: 'basic', deck: ['Spanish', 'Verbs'], front: 'to eat', back: 'comer', source: '', link: '', tags: [], revlog: [] },
        { guid: 'f-rojo', kind: 'basic', deck: ['Spanish', 'Colours'], front: 'red', back: 'rojo', source: '', link: '', tags: [], revlog: [] },
      ],
    }).bytes;

  it('with its decks as modules, its history replayed, seen and reviewed by that learner alone; re-importing adds nothing', async () => {
    const dave = (await t.db.user.create({ data: { email: 'dave@example.com', name: 'Dave' } })).id;
    const outcome = await importDeckFile(t.db, { id: dave, role: 'learner' }, foreign(), 'spanish.apkg', 'my-reviews', now);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome).toMatchObject({ cards: 3, scheduled: 1, reviews: 2 });
    expect(outcome.message).toMatch(/3 cards went into your private deck “Spanish”/);
    const course = await t.db.course.findFirstOrThrow({
      where: { ownerId: dave },
      include: { modules: { orderBy: { order: 'asc' }, include: { lessons: { include: { cards: true } } } }, enrollments: true },
    });
    expect(course).toMatchObject({ title: 'Spanish', status: 'personal' });
    expect(course.modules.map((m) => [m.title, m.lessons[0]?.cards.length])).toEqual([['Verbs', 2], ['Colours', 1]]);
    expect(course.modules.flatMap((m) => m.lessons.flatMap((l) => l.cards)).every((c) => c.ownerId === dave && c.origin === 'learner')).toBe(true);
    expect(course.enrollments.map((e) => e.userId)).toEqual([dave]);
    const hablar = course.modules[0]!.lessons[0]!.cards.find((c) => c.back === 'hablar')!;
    const state = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: dave, cardId: hablar.id } } });
    expect(state.reps).toBe(2);
    expect(state.due.getTime()).toBeGreaterThan(t0.getTime() + DAY);
    expect(await t.db.cardState.count({ where: { userId: dave } })).toBe(3);
    // only Dave sees it: not Bob, not an instructor (no teach rights on a private deck), not the catalogue
    const { visibleCourseWhere, courseRole, editableCourseIds } = await import('@/lib/courses/roles');
    expect(await t.db.course.count({ where: { AND: [{ id: course.id }, visibleCourseWhere(dave)] } })).toBe(1);
    expect(await t.db.course.count({ where: { AND: [{ id: course.id }, visibleCourseWhere(bob)] } })).toBe(0);
    expect(await t.db.course.count({ where: { AND: [{ id: course.id }, visibleCourseWhere(teacher)] } })).toBe(0);
    expect(await courseRole(t.db, teacher, course.id)).toBeNull();
    expect(await editableCourseIds(t.db, dave)).toEqual([]);
    // the same file again changes nothing
    const counts = async () => ({ cards: await t.db.card.count(), logs: await t.db.reviewLog.count(), states: await t.db.cardState.count(), courses: await t.db.course.count() });
    const before = await counts();
    const again = await importDeckFile(t.db, { id: dave, role: 'learner' }, foreign(), 'spanish.apkg', 'my-reviews', now);
    expect(again).toMatchObject({ ok: true, cards: 0 });
    expect(await counts()).toEqual(before);
  });

  it('an instructor importing into their own reviews gets a private deck they cannot publish or assign', async () => {
    const olga = (await t.db.user.create({ data: { email: 'olga@example.com', name: 'Olga', role: 'instructor' } })).id;
    const outcome = await importDeckFile(t.db, { id: olga, role: 'instructor' }, foreign(), 'spanish.apkg', 'my-reviews', now);
    expect(outcome).toMatchObject({ ok: true, cards: 3 });
    const { courseRole, editableCourseIds } = await import('@/lib/courses/roles');
    const course = await t.db.course.findFirstOrThrow({ where: { ownerId: olga } });
    expect(course.status).toBe('personal');
    expect(await courseRole(t.db, olga, course.id)).toBeNull();
    expect(await editableCourseIds(t.db, olga)).toEqual([]);
  });
});

describe('media referenced by notes', () => {
  const mediaPackage = () => {
    const file = path.join(dir, 'media.apkg');
    execFileSync('python3', [path.join(__dirname, 'testdata', 'make_apkg.py'), file, 'media']);
    return new Uint8Array(readFileSync(file));
  };

  it('is stored once per course, card texts point at it, only who may see the course can load it; re-import stores nothing twice', async () => {
    const erin = (await t.db.user.create({ data: { email: 'erin@example.com', name: 'Erin' } })).id;
    const pkg = mediaPackage();
    const outcome = await importDeckFile(t.db, { id: erin, role: 'learner' }, pkg, 'spanish-media.apkg', 'my-reviews', now);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.message).toContain('2 image or sound files imported.');
    expect(outcome.message).toContain('1 image or sound file the notes refer to was not in the file.');
    expect(outcome.message).toContain('1 media file of another type was not imported');
    expect(outcome.message).toContain('1 media file over 5 MB was not imported.');
    expect(outcome.message).toContain('1 note of the note type “Image Occlusion” skipped');
    const course = await t.db.course.findFirstOrThrow({ where: { ownerId: erin, status: 'personal' }, select: { id: true } });
    const media = await t.db.courseMedia.findMany({ where: { courseId: course.id }, orderBy: { name: 'asc' } });
    expect(media.map((m) => [m.name, m.contentType, m.size])).toEqual([
      ['hablar.mp3', 'audio/mpeg', 105],
      ['speak.png', 'image/png', 96],
    ]);
    const card = await t.db.card.findFirstOrThrow({ where: { ownerId: erin, front: 'hablar' } });
    const png = media.find((m) => m.name === 'speak.png')!;
    const mp3 = media.find((m) => m.name === 'hablar.mp3')!;
    expect(card.back).toBe(`to speak [[image:${png.id}|A mouth open]][[sound:${mp3.id}]] [ [image:abc]]`);
    expect(mediaIds(card.back)).toEqual([png.id, mp3.id]);

    const loaded = await visibleMedia(t.db, erin, png.id);
    expect(loaded?.contentType).toBe('image/png');
    expect(Buffer.from(loaded!.bytes).subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(await visibleMedia(t.db, bob, png.id)).toBeNull(); // another learner
    expect(await visibleMedia(t.db, teacher, png.id)).toBeNull(); // an instructor has no rights on a private deck
    expect(await visibleMedia(t.db, erin, '../../etc/passwd')).toBeNull();

    const before = await t.db.courseMedia.count();
    const again = await importDeckFile(t.db, { id: erin, role: 'learner' }, pkg, 'spanish-media.apkg', 'my-reviews', now);
    expect(again.ok).toBe(true);
    expect(await t.db.courseMedia.count()).toBe(before);

    // Erin downloads her deck: the files go with it, the fields point at them (read by the independent reader)
    const out = writeApkg(await learnerPackageInput(t.db, erin, now, 'http://localhost:3000')).bytes;
    const file = path.join(dir, 'erin.apkg');
    writeFileSync(file, out);
    const py = JSON.parse(execFileSync('python3', [path.join(__dirname, 'testdata', 'read_apkg.py'), file], { encoding: 'utf8' })) as {
      media: Record<string, string>;
      mediaFiles: Record<string, { size: number; head: string }>;
      cards: { fields: string[] }[];
    };
    expect(Object.values(py.media).sort()).toEqual(['hablar.mp3', 'speak.png']);
    expect(py.mediaFiles['speak.png']).toEqual({ size: 96, head: '89504e47' });
    expect(py.mediaFiles['hablar.mp3']?.size).toBe(105);
    const field = py.cards.map((c) => c.fields[1] ?? '').find((f) => f.includes('speak.png'));
    expect(field).toBe('to speak <img src="speak.png" alt="A mouth open">[sound:hablar.mp3] [ [image:abc]]');
    // and another learner importing Erin's file gets the pictures in their own private deck
    const frank = (await t.db.user.create({ data: { email: 'frank@example.com', name: 'Frank' } })).id;
    const imported = await importDeckFile(t.db, { id: frank, role: 'learner' }, out, 'erin.apkg', 'my-reviews', now);
    expect(imported.ok && imported.message).toContain('2 image or sound files imported.');
    const frankCard = await t.db.card.findFirstOrThrow({ where: { ownerId: frank, front: 'hablar' } });
    const [img] = mediaIds(frankCard.back);
    expect((await visibleMedia(t.db, frank, img!))?.contentType).toBe('image/png');
  });

  it('comes with a deck an instructor imports as a course, seen by the instructor but not by learners while it is a draft', async () => {
    const outcome = await importDeckFile(t.db, { id: teacher, role: 'instructor' }, mediaPackage(), 'media-course.apkg', 'course', now);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.message).toContain('2 image or sound files imported.');
    const media = await t.db.courseMedia.findMany({ where: { courseId: outcome.courseId } });
    expect(media).toHaveLength(2);
    expect(await visibleMedia(t.db, teacher, media[0]!.id)).not.toBeNull();
    expect(await visibleMedia(t.db, bob, media[0]!.id)).toBeNull();
  });
});
