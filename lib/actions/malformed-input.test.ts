// Every server action is a public endpoint: called with malformed arguments (wrong types, missing fields, huge or
// hidden-character strings, objects where forms belong) it answers with a clear message and never throws (a 500).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { makeUser, twoCourses } from '@/test/courses';
import type { SessionUser } from '@/lib/auth/session';

let t: TestDb;
let current: SessionUser | null = null;
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return { ...original, get db() { return t.db; } };
});
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => current,
  actionUser: async (role?: string) => (current && (!role || current.role === role) ? current : null),
  requireUser: async () => current,
  sessionUserId: async () => current?.id ?? null,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock('next/headers', () => ({ headers: async () => new Headers(), cookies: async () => new Map() }));

const MODULES = {
  account: () => import('./account'),
  anki: () => import('./anki'),
  auth: () => import('./auth'),
  cards: () => import('./cards'),
  classes: () => import('./classes'),
  'course-instructors': () => import('./course-instructors'),
  courses: () => import('./courses'),
  enrollment: () => import('./enrollment'),
  optimise: () => import('./optimise'),
  progress: () => import('./progress'),
  settings: () => import('./settings'),
};
// Actions that take no input: a malformed argument is simply ignored, so they may succeed.
const NO_INPUT = new Set(['optimise.optimiseSchedule', 'account.signOutEverywhereAction']);

const FIELDS = [
  'name', 'email', 'password', 'timeZone', 'classId', 'userId', 'code', 'title', 'description', 'courseId', 'note', 'dueDate',
  'dueTime', 'moduleId', 'assignmentId', 'lesson', 'lessonId', 'type', 'text', 'front', 'back', 'target', 'file', 'confirm',
  'desiredRetention', 'newPerDay', 'maximumInterval', 'learningSteps', 'relearningSteps', 'dayStartHour', 'requireApproval',
];
function formWith(value: (field: string) => string | File): FormData {
  const f = new FormData();
  for (const field of FIELDS) f.append(field, value(field));
  return f;
}
const HUGE = 'x'.repeat(100_000);
function junk(): unknown[] {
  return [
    undefined, null, 0, -1, Number.NaN, 1e308, true, '', 'x', HUGE, '\u0000', '../../etc/passwd', [], ['a', 'b'], {},
    Object.create(null), { cardId: 42, rating: '3' }, { courseId: {}, userId: [] }, { op: 'renameModule', module: 1 }, new Date(),
    new FormData(),
    formWith(() => HUGE),
    formWith(() => 'A\u200Bb\u202E\u0000'),
    formWith(() => new File(['x'], 'x.txt')),
    formWith(() => ''),
    JSON.parse('{"__proto__":{"admin":true},"cardId":1}') as unknown,
  ];
}

type AnyAction = (...args: unknown[]) => Promise<unknown>;

/** The message a person would see, or '' when there is none. */
function messageOf(result: unknown): string {
  if (!result || typeof result !== 'object') return '';
  const r = result as { error?: unknown; message?: unknown; errors?: Record<string, unknown> };
  const candidates = [r.error, r.message, ...Object.values(r.errors ?? {})];
  return String(candidates.find((c) => typeof c === 'string' && c.trim() !== '') ?? '');
}
function failed(result: unknown): boolean {
  const r = result as { ok?: unknown; status?: unknown };
  return r.ok === false || (typeof r.status === 'string' && r.status !== 'done');
}

let instructor: SessionUser, learner: SessionUser;

beforeAll(async () => {
  t = await createTestDb();
  instructor = await makeUser(t.db, 'ada@example.com', 'instructor');
  const other = await makeUser(t.db, 'otto@example.com', 'instructor');
  learner = await makeUser(t.db, 'lee@example.com', 'learner');
  await twoCourses(t.db, instructor.id, other.id);
  await t.db.class.create({ data: { name: 'Bio 1', instructorId: instructor.id, joinCode: 'K7Q2XM4P' } });
}, 60_000);
afterAll(async () => t.cleanup());

describe('every server action answers malformed input with a message, never a throw', () => {
  const roles: [string, () => SessionUser | null][] = [['signed out', () => null], ['a learner', () => learner], ['an instructor', () => instructor]];
  it.each(roles)(
    'as %s',
    async (_who, who) => {
      current = who();
      let calls = 0;
      for (const [moduleName, load] of Object.entries(MODULES)) {
        const mod = (await load()) as Record<string, unknown>;
        const actions = Object.entries(mod).filter((e): e is [string, AnyAction] => typeof e[1] === 'function');
        expect(actions.length, moduleName).toBeGreaterThan(0);
        for (const [name, action] of actions) {
          const label = `${moduleName}.${name}`;
          for (const value of junk()) {
            for (const args of [[value], [{ ok: false, errors: {} }, value], [value, value, value]]) {
              calls++;
              let result: unknown;
              try {
                result = await action(...args);
              } catch (e) {
                throw new Error(`${label}(${args.map(describeArg).join(', ')}) threw: ${e instanceof Error ? e.message : String(e)}`);
              }
              expect(result, label).toBeTypeOf('object');
              if (NO_INPUT.has(label) && !failed(result)) continue;
              expect(failed(result), `${label}(${args.map(describeArg).join(', ')}) succeeded`).toBe(true);
              expect(messageOf(result), `${label}(${args.map(describeArg).join(', ')}) gave no message`).not.toBe('');
            }
          }
        }
      }
      expect(calls).toBeGreaterThan(2000);
    },
    180_000,
  );
});

function describe_(v: unknown): string {
  if (v instanceof FormData) return `FormData(${[...v.keys()].length} fields)`;
  if (typeof v === 'string') return v.length > 20 ? `"${v.slice(0, 10)}…"(${v.length})` : JSON.stringify(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
function describeArg(v: unknown) {
  return describe_(v);
}

describe('too long and hidden-character input gets the field message it deserves', () => {
  it('a too-long flag note says the note is too long, not "Choose a reason."', async () => {
    const { flagCard } = await import('./cards');
    current = learner;
    const res = await flagCard({ cardId: 'some-card', reason: 'wrong', note: 'x'.repeat(501) });
    expect(res).toMatchObject({ ok: false, error: 'Keep the note under 500 characters.' });
    expect(await flagCard({ cardId: 'some-card', reason: 'nonsense' })).toMatchObject({ ok: false, error: 'Choose a reason.' });
  });
  it('class names and display names are checked field by field', async () => {
    const { createClassAction } = await import('./classes');
    const { signUp } = await import('./auth');
    current = instructor;
    const f = new FormData();
    f.set('name', 'x'.repeat(81));
    f.set('timeZone', 'UTC');
    expect(await createClassAction({ ok: false, errors: {} }, f)).toMatchObject({ ok: false, errors: { name: 'Use at most 80 characters.' } });
    f.set('name', 'Bio\u202E 2');
    expect((await createClassAction({ ok: false, errors: {} }, f)).errors.name).toMatch(/invisible, control or text-direction/);
    const res = await signUp({ name: 42, email: 'new@example.com', password: 'long enough pw' });
    expect(res).toMatchObject({ ok: false, errors: { name: 'Your name must be text.' } });
    const nul = await signUp({ name: 'Ada\u0000', email: 'new@example.com', password: 'long enough pw' });
    expect(nul.ok).toBe(false);
    expect(await t.db.user.count({ where: { email: 'new@example.com' } })).toBe(0);
  });
});
