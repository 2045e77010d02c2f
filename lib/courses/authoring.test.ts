// Integration: upload → draft → edit → publish → learner progress → new version → diff → apply, on SQLite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { enrollLessonCards, gradeForUser } from '@/lib/review/service';
import {
  addPrivateCard,
  createDraftCourse,
  diffDraft,
  loadDraft,
  publishDraft,
  saveOutline,
  setCardApproval,
  updateCourseDetails,
  uploadDocuments,
} from './authoring';
import { addLessonCard, moveLesson, type OutlineResult } from './outline';
import { parseUploads } from './upload';
import { markdownDoc, prose } from './test-docs';

const CORONARY = Array.from({ length: 4 }, () =>
  'The coronary arteries supply the heart muscle itself with oxygen-rich blood. The left coronary artery divides into the ' +
  'left anterior descending artery and the circumflex artery. A blockage of a coronary artery causes a heart attack, ' +
  'which doctors call a myocardial infarction. Angina is chest pain caused by reduced blood flow in the coronary arteries. ' +
  'Surgeons can bypass a blocked coronary artery with a vein taken from the leg.',
).join(' ');

const VALVES = Array.from({ length: 4 }, () =>
  'The mitral valve separates the left atrium from the left ventricle. The aortic valve opens when the left ventricle ' +
  'contracts and closes to stop blood flowing back. The tricuspid valve has three leaflets and sits on the right side of ' +
  'the heart. A heart murmur is often the sound of a leaking or narrowed valve.',
).join(' ');

let t: TestDb;
let owner: string;
let learner: string;
let other: string;
const enc = (s: string) => new TextEncoder().encode(s);
const T0 = new Date('2026-03-01T10:00:00Z');

async function upload(courseId: string, files: { name: string; text: string }[], now = T0) {
  const raw = files.map((f) => ({ name: f.name, bytes: enc(f.text) }));
  const { files: parsed, errors } = await parseUploads(raw);
  expect(errors).toEqual([]);
  return uploadDocuments(t.db, courseId, owner, parsed.map((p, i) => ({ ...p, bytes: raw[i]!.bytes })), now);
}

function ok<T extends OutlineResult>(r: T) {
  if (!r.ok) throw new Error(r.error);
  return r.outline;
}

beforeAll(async () => {
  t = await createTestDb();
  const mk = (email: string, role: string) => t.db.user.create({ data: { email, name: email, role } }).then((u) => u.id);
  owner = await mk('owner@example.com', 'instructor');
  other = await mk('other@example.com', 'instructor');
  learner = await mk('learner@example.com', 'learner');
}, 60_000);
afterAll(async () => t.cleanup());

describe('authoring a course (SQLite)', () => {
  it('upload → edit → publish → learner works → new version → diff → apply keeps progress and history', async () => {
    const course = await createDraftCourse(t.db, owner, { title: 'Physiology 101', description: 'Hearts and blood' });
    const row = await t.db.course.findUniqueOrThrow({ where: { id: course.id }, include: { instructors: true } });
    expect(row).toMatchObject({ status: 'draft', ownerId: owner, key: 'physiology-101' });
    expect(row.instructors).toEqual([expect.objectContaining({ userId: owner, role: 'owner' })]);

    const heart = markdownDoc('The heart', ['Chambers', 'Valves', 'Pacemaker'], (h) => (h === 'Valves' ? VALVES : prose(h)));
    const up = await upload(course.id, [
      { name: 'heart.md', text: heart },
      { name: 'blood.md', text: markdownDoc('Blood', ['Red cells', 'Platelets']) },
    ]);
    expect(up).toMatchObject({ ok: true, summary: { added: ['heart.md', 'blood.md'] } });
    expect(await t.db.module.count({ where: { courseId: course.id } })).toBe(0); // nothing published yet

    const draft = (await loadDraft(t.db, course.id))!;
    expect(draft.outline.modules.map((m) => m.lessons.map((l) => l.key))).toEqual([
      ['the-heart/chambers', 'the-heart/valves', 'the-heart/pacemaker'],
      ['blood/red-cells', 'blood/platelets'],
    ]);
    let outline = ok(moveLesson(draft.outline, 'the-heart/valves', -1));
    outline = ok(addLessonCard(outline, 'the-heart/chambers', { key: 'i-abcdef12', type: 'basic', front: 'How many chambers has the heart?', back: 'Four' }));
    expect(await saveOutline(t.db, course.id, outline)).toEqual({ ok: true });

    const first = await publishDraft(t.db, course.id, T0);
    expect(first.ok).toBe(true);
    const published = await t.db.course.findUniqueOrThrow({ where: { id: course.id } });
    expect(published.status).toBe('published');
    expect(published.publishedAt).toEqual(T0);
    const lessons = await t.db.lesson.findMany({ where: { module: { courseId: course.id } }, orderBy: [{ module: { order: 'asc' } }, { order: 'asc' }] });
    expect(lessons.map((l) => l.key)).toEqual(['the-heart/valves', 'the-heart/chambers', 'the-heart/pacemaker', 'blood/red-cells', 'blood/platelets']);
    const own = await t.db.card.findFirstOrThrow({ where: { origin: 'instructor' } });
    expect(own).toMatchObject({ front: 'How many chambers has the heart?', approval: 'approved', ownerId: null });

    // the learner completes "Chambers" and reviews one of its cards
    const chambers = lessons.find((l) => l.key === 'the-heart/chambers')!;
    await t.db.lessonProgress.create({ data: { userId: learner, lessonId: chambers.id, completedAt: T0 } });
    const enrolled = await enrollLessonCards(t.db, learner, [chambers.id], T0);
    expect(enrolled).toBeGreaterThan(1);
    const state = await t.db.cardState.findFirstOrThrow({ where: { userId: learner, card: { origin: 'generated' } } });
    expect((await gradeForUser(t.db, learner, { cardId: state.cardId, rating: 3, clientId: 'r1', version: state.version, durationMs: 1000 }, T0)).ok).toBe(true);
    const privateCard = await addPrivateCard(t.db, learner, chambers.id, { type: 'basic', front: 'My own question', back: 'Mine' }, T0);
    expect(privateCard.ok).toBe(true);

    // version 2 of heart.md: "Valves" removed, "Coronary arteries" added; "Chambers" unchanged
    const T1 = new Date('2026-03-02T10:00:00Z');
    const up2 = await upload(course.id, [{ name: 'heart.md', text: markdownDoc('The heart', ['Chambers', 'Pacemaker', 'Coronary arteries'], (h) => (h === 'Coronary arteries' ? CORONARY : prose(h))) }], T1);
    expect(up2).toMatchObject({ ok: true, summary: { updated: ['heart.md'] } });
    expect(await t.db.courseDocument.count({ where: { courseId: course.id, name: 'heart.md' } })).toBe(2);

    const preview = (await diffDraft(t.db, course.id))!;
    expect(preview.diff.lessons.added.map((l) => l.key)).toEqual(['the-heart/coronary-arteries']);
    expect(preview.diff.lessons.retired.map((l) => l.key)).toEqual(['the-heart/valves']);
    expect(preview.diff.lessons.changed.map((l) => l.key)).toEqual(['the-heart/chambers', 'the-heart/pacemaker']); // moved up
    expect(preview.diff.cards.added.length).toBeGreaterThan(0);
    expect(preview.diff.cards.retired.length).toBeGreaterThan(0);
    expect(preview.diff.cards.retired.every((c) => c.lessonKey === 'the-heart/valves')).toBe(true);

    const second = await publishDraft(t.db, course.id, T1);
    expect(second.ok && second.report.sync.lessons.retired).toBe(1);
    // the learner's lesson, its row id, progress, card state and review log are all intact
    const chambersAfter = await t.db.lesson.findFirstOrThrow({ where: { key: 'the-heart/chambers', module: { courseId: course.id } } });
    expect(chambersAfter.id).toBe(chambers.id);
    expect(await t.db.lessonProgress.findUnique({ where: { userId_lessonId: { userId: learner, lessonId: chambers.id } } })).toMatchObject({ completedAt: T0 });
    const stateAfter = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: learner, cardId: state.cardId } } });
    expect(stateAfter.reps).toBe(1);
    expect(await t.db.reviewLog.count({ where: { userId: learner } })).toBe(1);
    // instructor and learner cards are not retired by the sync
    expect(await t.db.card.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ retiredAt: null });
    expect(privateCard.ok && (await t.db.card.findUniqueOrThrow({ where: { id: privateCard.cardId } })).retiredAt).toBeNull();
    // nothing left to apply
    expect((await diffDraft(t.db, course.id))!.diff.empty).toBe(true);
  }, 120_000);

  it('a file with no lessons refuses the whole upload and writes nothing', async () => {
    const course = await createDraftCourse(t.db, owner, { title: 'Empty attempt', description: '' });
    const good = markdownDoc('Good', ['One']);
    const result = await upload(course.id, [
      { name: 'good.md', text: good },
      { name: 'blank.md', text: '<!-- nothing -->' },
    ]).catch((e: unknown) => e);
    expect(result).toMatchObject({ ok: false, errors: [expect.objectContaining({ name: 'blank.md' })] });
    expect(await t.db.courseDocument.count({ where: { courseId: course.id } })).toBe(0);
  });

  it('uploading the same bytes again is not a new version', async () => {
    const course = await createDraftCourse(t.db, owner, { title: 'Same twice', description: '' });
    const text = markdownDoc('Lungs', ['Alveoli']);
    await upload(course.id, [{ name: 'lungs.md', text }]);
    expect(await upload(course.id, [{ name: 'lungs.md', text }])).toMatchObject({ ok: true, summary: { unchanged: ['lungs.md'] } });
    expect(await t.db.courseDocument.count({ where: { courseId: course.id } })).toBe(1);
  });

  it('with requireApproval, generated cards start pending and only approved ones are reviewable', async () => {
    const course = await createDraftCourse(t.db, owner, { title: 'Vetted deck', description: '' });
    await updateCourseDetails(t.db, course.id, { title: 'Vetted deck', description: '', requireApproval: true });
    await upload(course.id, [{ name: 'v.md', text: markdownDoc('Vessels', ['Arteries', 'Veins', 'Capillaries']) }]);
    expect((await publishDraft(t.db, course.id, T0)).ok).toBe(true);
    const cards = await t.db.card.findMany({ where: { lesson: { module: { courseId: course.id } } } });
    expect(cards.length).toBeGreaterThan(0);
    expect(new Set(cards.map((c) => c.approval))).toEqual(new Set(['pending']));
    // a card of another course cannot be approved through this course
    const elsewhere = await createDraftCourse(t.db, other, { title: 'Other course', description: '' });
    expect((await setCardApproval(t.db, elsewhere.id, cards[0]!.id, 'approved')).ok).toBe(false);
    expect(await setCardApproval(t.db, course.id, cards[0]!.id, 'approved')).toEqual({ ok: true });
    expect((await t.db.card.findUniqueOrThrow({ where: { id: cards[0]!.id } })).approval).toBe('approved');
  }, 60_000);

  it('a learner cannot add a private card to a draft course', async () => {
    const course = await createDraftCourse(t.db, owner, { title: 'Still a draft', description: '' });
    await upload(course.id, [{ name: 'd.md', text: markdownDoc('Draft doc', ['Secret']) }]);
    // publish once to create rows, then set back to draft to check the rule on status
    await publishDraft(t.db, course.id, T0);
    await t.db.course.update({ where: { id: course.id }, data: { status: 'draft' } });
    const lesson = await t.db.lesson.findFirstOrThrow({ where: { module: { courseId: course.id } } });
    expect(await addPrivateCard(t.db, learner, lesson.id, { type: 'basic', front: 'q', back: 'a' })).toEqual({ ok: false, error: 'This lesson is not available.' });
  }, 60_000);
});

describe('PDF and DOCX uploads (lib/courses/parse behind uploadParser)', () => {
  it('a two-page PDF with headings becomes lessons; a file that only claims to be a PDF is refused with its own message', async () => {
    const { makeLecturePdf } = await import('./parse/make-fixtures');
    const { uploadParser } = await import('./parser');
    const course = await createDraftCourse(t.db, owner, { title: 'Memory lectures', description: '' });
    const pdf = { name: 'lecture.pdf', bytes: makeLecturePdf(4) };
    const parsed = await parseUploads([pdf], uploadParser);
    expect(parsed.errors).toEqual([]);
    expect(parsed.files[0]?.mediaType).toBe('application/pdf');
    const up = await uploadDocuments(t.db, course.id, owner, parsed.files.map((p) => ({ ...p, bytes: pdf.bytes })));
    expect(up.ok).toBe(true);
    const draft = (await loadDraft(t.db, course.id))!;
    expect(draft.outline.modules.map((m) => m.title)).toEqual(['Lecture Notes on Memory']);
    expect(draft.outline.modules[0]!.lessons.length).toBeGreaterThanOrEqual(1);
    const stored = await t.db.courseDocument.findFirstOrThrow({ where: { courseId: course.id } });
    expect(Buffer.from(stored.bytes).equals(Buffer.from(pdf.bytes))).toBe(true);

    const fake = await parseUploads([{ name: 'notes.pdf', bytes: enc('just text, not a PDF') }], uploadParser);
    expect(fake.files).toEqual([]);
    expect(fake.errors[0]).toMatchObject({ name: 'notes.pdf', code: 'wrong_type' });
  }, 60_000);
});
