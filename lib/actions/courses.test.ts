// Authorisation of the authoring actions on SQLite: only the owner (or a co-instructor) edits a course;
// another instructor and a learner are refused and nothing changes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import type { SessionUser } from '@/lib/auth/session';
import { markdownDoc } from '@/lib/courses/test-docs';

let t: TestDb;
let current: SessionUser | null = null;
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return {
    ...original,
    get db() {
      return t.db;
    },
  };
});
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => current,
  actionUser: async (role?: string) => (current && (!role || current.role === role) ? current : null),
  requireUser: async () => current,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const users: Record<'owner' | 'co' | 'other' | 'learner', SessionUser> = {} as never;
let courseId = '';

function form(fields: Record<string, string | File>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}
const initial = { ok: false, errors: {} };

beforeAll(async () => {
  t = await createTestDb();
  for (const [name, role] of [['owner', 'instructor'], ['co', 'instructor'], ['other', 'instructor'], ['learner', 'learner']] as const) {
    const u = await t.db.user.create({ data: { email: `${name}@example.com`, name, role } });
    users[name] = { id: u.id, email: u.email, name, role, timeZone: 'UTC' };
  }
  const { createDraftCourse } = await import('@/lib/courses/authoring');
  courseId = (await createDraftCourse(t.db, users.owner.id, { title: 'Owned course', description: '' })).id;
  await t.db.courseInstructor.create({ data: { courseId, userId: users.co.id, role: 'co-instructor' } });
}, 60_000);
afterAll(async () => t.cleanup());

describe('authoring actions check who may edit', () => {
  it('the owner and a co-instructor upload and edit; others are refused and nothing is written', async () => {
    const { uploadDocumentsAction, outlineAction, publishAction, updateCourseAction } = await import('./courses');
    const file = new File([markdownDoc('Lungs', ['Alveoli', 'Bronchi'])], 'lungs.md', { type: 'text/markdown' });

    for (const who of [users.other, users.learner, null]) {
      current = who;
      const up = await uploadDocumentsAction(initial, form({ courseId, files: file }));
      expect(up.ok).toBe(false);
      expect((await outlineAction(courseId, { op: 'moveModule', module: 'lungs', delta: 1 })).ok).toBe(false);
      expect((await publishAction(courseId)).ok).toBe(false);
      expect((await updateCourseAction(initial, form({ courseId, title: 'Hijacked' }))).ok).toBe(false);
    }
    expect(await t.db.courseDocument.count({ where: { courseId } })).toBe(0);
    expect((await t.db.course.findUniqueOrThrow({ where: { id: courseId } })).title).toBe('Owned course');

    current = users.owner;
    expect(await uploadDocumentsAction(initial, form({ courseId, files: file }))).toMatchObject({ ok: true, message: 'Uploaded: 1 added.' });
    current = users.co;
    expect(await outlineAction(courseId, { op: 'renameModule', module: 'lungs', title: 'Breathing' })).toMatchObject({ ok: true });
    expect((await publishAction(courseId)).ok).toBe(true);
    expect((await t.db.course.findUniqueOrThrow({ where: { id: courseId } })).status).toBe('published');
  }, 60_000);

  it('refuses bad outline edits and oversized or unsupported files with per-file messages', async () => {
    const { uploadDocumentsAction, outlineAction } = await import('./courses');
    current = users.owner;
    expect(await outlineAction(courseId, { op: 'explode' })).toEqual({ ok: false, error: 'Invalid request.' });
    expect(await outlineAction(courseId, { op: 'moveModule', module: 'lungs', delta: -1 })).toEqual({ ok: false, error: 'It is already the first module.' });
    const bad = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'photo.png');
    const res = await uploadDocumentsAction(initial, form({ courseId, files: bad }));
    expect(res.ok).toBe(false);
    expect(res.fileErrors).toEqual([expect.objectContaining({ name: 'photo.png', code: 'unsupported_type' })]);
  }, 60_000);

  it('approval of a card goes only through a course the user edits', async () => {
    const { setCardApprovalAction } = await import('./courses');
    const card = await t.db.card.findFirstOrThrow({ where: { lesson: { module: { courseId } } } });
    current = users.other;
    expect((await setCardApprovalAction(courseId, card.id, 'rejected')).ok).toBe(false);
    current = users.owner;
    expect((await setCardApprovalAction(courseId, card.id, 'rejected')).ok).toBe(true);
    expect((await t.db.card.findUniqueOrThrow({ where: { id: card.id } })).approval).toBe('rejected');
  });

  it('a learner adds a private card to a published lesson; only they own it', async () => {
    const { addPrivateCardAction, deletePrivateCardAction } = await import('./courses');
    const lesson = await t.db.lesson.findFirstOrThrow({ where: { module: { courseId } } });
    current = users.learner;
    const res = await addPrivateCardAction(initial, form({ lessonId: lesson.id, type: 'cloze', text: 'Gas exchange happens in the {{alveoli}}.' }));
    expect(res).toMatchObject({ ok: true });
    const card = await t.db.card.findFirstOrThrow({ where: { ownerId: users.learner.id } });
    expect(card).toMatchObject({ front: 'Gas exchange happens in the [...].', back: 'alveoli', origin: 'learner', type: 'cloze' });
    expect(await t.db.cardState.count({ where: { cardId: card.id, userId: users.learner.id } })).toBe(1);
    current = users.other;
    expect((await deletePrivateCardAction(card.id)).ok).toBe(false);
    current = users.learner;
    expect((await deletePrivateCardAction(card.id)).ok).toBe(true);
  });
});
