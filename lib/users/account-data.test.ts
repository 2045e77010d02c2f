// Account rights on SQLite: the download holds the user's own data only (CSV safe for spreadsheets); deleting
// removes their rows from class dashboards; instructors must first hand over or delete classes and courses.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { makeUser, twoCourses } from '@/test/courses';
import type { SessionUser } from '@/lib/auth/session';
import { accountDataCsv, accountDeletionBlockers, collectAccountData, deleteAccount } from './account-data';
import { handOverCourse } from '@/lib/courses/instructors';

let t: TestDb;
let current: SessionUser | null = null;
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return { ...original, get db() { return t.db; } };
});
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => current,
  actionUser: async (role?: string) => (current && (!role || current.role === role) ? current : null),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

let ada: SessionUser, otto: SessionUser, lee: SessionUser, kim: SessionUser;
let classId = '';
let alphaId = '';

beforeAll(async () => {
  t = await createTestDb();
  ada = await makeUser(t.db, 'ada@example.com', 'instructor');
  otto = await makeUser(t.db, 'otto@example.com', 'instructor');
  lee = await makeUser(t.db, 'lee@example.com', 'learner');
  kim = await makeUser(t.db, 'kim@example.com', 'learner');
  const { alpha, alphaCard } = await twoCourses(t.db, ada.id, otto.id);
  alphaId = alpha.id;
  await t.db.courseInstructor.create({ data: { courseId: alpha.id, userId: otto.id, role: 'co-instructor' } });
  await t.db.user.update({ where: { id: lee.id }, data: { name: '=HYPERLINK("http://evil.example")', passwordHash: 'secret-hash' } });
  const klass = await t.db.class.create({ data: { name: 'Bio 1', instructorId: ada.id, joinCode: 'K7Q2XM4P' } });
  classId = klass.id;
  const lesson = await t.db.lesson.findFirstOrThrow({ where: { module: { courseId: alpha.id } } });
  for (const u of [lee, kim]) {
    await t.db.classMember.create({ data: { classId, userId: u.id } });
    await t.db.enrollment.create({ data: { userId: u.id, courseId: alpha.id } });
    await t.db.lessonProgress.create({ data: { userId: u.id, lessonId: lesson.id, completedAt: new Date('2030-01-02T00:00:00Z') } });
    await t.db.cardState.create({
      data: { userId: u.id, cardId: alphaCard.id, state: 'review', due: new Date('2030-01-05T00:00:00Z'), stability: 3, difficulty: 5, elapsedDays: 1, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0 },
    });
    await t.db.reviewLog.create({
      data: { userId: u.id, cardId: alphaCard.id, clientId: `c-${u.id}`, rating: 3, state: 'review', due: new Date(), stability: 3, difficulty: 5, elapsedDays: 1, lastElapsedDays: 0, scheduledDays: 3, learningSteps: 0, review: new Date('2030-01-02T10:00:00Z'), durationMs: 4000 },
    });
  }
}, 60_000);
afterAll(async () => t.cleanup());

describe('download my data', () => {
  it('holds the profile, progress, cards and review log of that user only, never the password hash', async () => {
    const data = (await collectAccountData(t.db, lee.id))!;
    expect(data.profile.email).toBe('lee@example.com');
    expect(data.profile.signInMethods).toEqual(['password']);
    expect(JSON.stringify(data)).not.toContain('secret-hash');
    expect(data.progress).toHaveLength(1);
    expect(data.cards).toHaveLength(1);
    expect(data.reviews).toEqual([expect.objectContaining({ rating: 3, durationMs: 4000, review: '2030-01-02T10:00:00.000Z' })]);
    expect(data.classes).toEqual([expect.objectContaining({ class: 'Bio 1' })]);
    expect(JSON.stringify(data)).not.toContain(kim.id);
  });

  it('as CSV, with spreadsheet formulas neutralised', async () => {
    const data = (await collectAccountData(t.db, lee.id))!;
    const profile = accountDataCsv(data, 'profile');
    expect(profile).toContain(`name,"'=HYPERLINK(""http://evil.example"")"`);
    const reviews = accountDataCsv(data, 'reviews').trim().split('\r\n');
    expect(reviews[0]).toBe('cardId,review,rating,state,scheduledDays,durationMs');
    expect(reviews).toHaveLength(2);
    expect(accountDataCsv(data, 'cards').split('\r\n')[0]).toContain('front,back');
    expect(accountDataCsv(data, 'progress')).toContain('2030-01-02T00:00:00.000Z');
  });

  it('the route handler re-checks the session and serves JSON and CSV of the signed-in user', async () => {
    const { GET } = await import('@/app/(learn)/account/export/route');
    const { NextRequest } = await import('next/server');
    current = null;
    const anon = await GET(new NextRequest('http://localhost/account/export?format=json'));
    expect(anon.status).toBe(303);
    expect(anon.headers.get('location')).toContain('/signin');
    current = kim;
    const json = await GET(new NextRequest(`http://localhost/account/export?format=json&user=${lee.id}`));
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(json.headers.get('content-disposition')).toContain('attachment');
    const body = (await json.json()) as { profile: { email: string } };
    expect(body.profile.email).toBe('kim@example.com');
    const csv = await GET(new NextRequest('http://localhost/account/export?format=csv&part=reviews'));
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await csv.text()).startsWith('cardId,review,rating')).toBe(true);
    const junk = await GET(new NextRequest('http://localhost/account/export?format=%00&part=../../etc'));
    expect(junk.status).toBe(200);
  });
});

describe('delete my account', () => {
  it('asks for the email address to confirm', async () => {
    const { deleteAccountAction } = await import('@/lib/actions/account');
    current = lee;
    const wrong = await deleteAccountAction({ ok: false, errors: {} }, formOf({ confirm: 'someone@example.com' }));
    expect(wrong).toMatchObject({ ok: false, errors: { confirm: 'Type your email address exactly as shown to confirm.' } });
    const missing = await deleteAccountAction({ ok: false, errors: {} }, new FormData());
    expect(missing.errors.confirm).toBe('Type your email address to confirm.');
    expect(await t.db.user.count({ where: { id: lee.id } })).toBe(1);
    current = null;
    expect((await deleteAccountAction({ ok: false, errors: {} }, formOf({ confirm: 'lee@example.com' }))).message).toMatch(/session has ended/);
  });

  it('removes the learner and their rows; the class dashboard no longer has them; others keep theirs', async () => {
    const { deleteAccountAction } = await import('@/lib/actions/account');
    // A learner's private deck (an Anki import) does not block deleting and goes with the account.
    const deck = await t.db.course.create({ data: { key: 'lee-deck', title: 'Lee deck', description: '', ownerId: lee.id, status: 'personal' } });
    expect(await accountDeletionBlockers(t.db, lee.id)).toEqual({ classes: [], courses: [] });
    current = lee;
    const res = await deleteAccountAction({ ok: false, errors: {} }, formOf({ confirm: ' LEE@example.com ' }));
    expect(res.ok).toBe(true);
    for (const count of [
      t.db.user.count({ where: { id: lee.id } }),
      t.db.reviewLog.count({ where: { userId: lee.id } }),
      t.db.cardState.count({ where: { userId: lee.id } }),
      t.db.lessonProgress.count({ where: { userId: lee.id } }),
      t.db.classMember.count({ where: { userId: lee.id } }),
    ]) expect(await count).toBe(0);
    expect(await t.db.classMember.count({ where: { classId } })).toBe(1);
    expect(await t.db.course.count({ where: { id: deck.id } })).toBe(0);
    expect(await t.db.reviewLog.count({ where: { userId: kim.id } })).toBe(1);
  });

  it('an instructor is told which classes and courses to hand over or delete first', async () => {
    const first = await deleteAccount(t.db, ada.id);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.error).toBe('Before deleting your account, hand over or delete your classes (Bio 1) and the courses you own (Alpha).');
    // Hand the course over to the co-instructor; the class still blocks.
    expect((await handOverCourse(t.db, alphaId, lee.id)).ok).toBe(false);
    expect(await handOverCourse(t.db, alphaId, otto.id)).toMatchObject({ ok: true });
    expect((await accountDeletionBlockers(t.db, ada.id)).courses).toEqual([]);
    const second = await deleteAccount(t.db, ada.id);
    expect(second).toMatchObject({ ok: false, error: 'Before deleting your account, hand over or delete your classes (Bio 1).' });
    await t.db.class.delete({ where: { id: classId } });
    expect(await deleteAccount(t.db, ada.id)).toEqual({ ok: true });
    expect((await t.db.course.findUniqueOrThrow({ where: { id: alphaId } })).ownerId).toBe(otto.id);
  });
});

function formOf(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}
