import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/test/db';
import { hashPassword, verifyPassword } from './password';
import { changePassword } from './change-password';
import {
  describeUserAgent,
  endOtherSessions,
  endSession,
  listActiveSessions,
  SESSION_MAX_AGE_S,
  sessionIsActive,
  startSession,
} from './user-sessions';

let t: TestDb;
let ada: { id: string; email: string };
let bob: { id: string; email: string };
const T0 = new Date('2026-05-01T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestDb();
  ada = await t.db.user.create({ data: { email: 'ada@example.com', name: 'Ada', passwordHash: await hashPassword('old-password') }, select: { id: true, email: true } });
  bob = await t.db.user.create({ data: { email: 'bob@example.com', name: 'Bob' }, select: { id: true, email: true } });
});
afterAll(async () => t.cleanup());

describe(`server-side sessions (${process.env.TEST_DB_PROVIDER ?? 'sqlite'})`, () => {
  it('a signed-out session is refused while the others go on', async () => {
    const laptop = await startSession(t.db, ada.id, T0, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0');
    const phone = await startSession(t.db, ada.id, T0);
    expect(await sessionIsActive(t.db, laptop, ada.id, T0)).toBe(true);
    await endSession(t.db, laptop, T0);
    expect(await sessionIsActive(t.db, laptop, ada.id, T0)).toBe(false);
    expect(await sessionIsActive(t.db, phone, ada.id, T0)).toBe(true);
  });

  it('refuses a missing id, another user\'s session and an unknown id', async () => {
    const s = await startSession(t.db, ada.id, T0);
    expect(await sessionIsActive(t.db, undefined, ada.id, T0)).toBe(false);
    expect(await sessionIsActive(t.db, '', ada.id, T0)).toBe(false);
    expect(await sessionIsActive(t.db, s, bob.id, T0)).toBe(false);
    expect(await sessionIsActive(t.db, 'no-such-session', ada.id, T0)).toBe(false);
  });

  it('expires after 30 days unused, and a session in use is moved on', async () => {
    const idle = await startSession(t.db, bob.id, T0);
    const used = await startSession(t.db, bob.id, T0);
    const later = new Date(T0.getTime() + 20 * DAY);
    expect(await sessionIsActive(t.db, used, bob.id, later)).toBe(true);
    const end = new Date(T0.getTime() + SESSION_MAX_AGE_S * 1000 + DAY);
    expect(await sessionIsActive(t.db, idle, bob.id, end)).toBe(false);
    expect(await sessionIsActive(t.db, used, bob.id, end)).toBe(true);
  });

  it('sign out everywhere ends all of them; the list shows only live ones and marks this browser', async () => {
    const u = await t.db.user.create({ data: { email: 'cy@example.com', name: 'Cy' } });
    const a = await startSession(t.db, u.id, T0, 'Mozilla/5.0 (Windows NT 10.0) Chrome/130.0 Safari/537.36');
    const b = await startSession(t.db, u.id, new Date(T0.getTime() + 1000));
    const listed = await listActiveSessions(t.db, u.id, T0, a);
    expect(listed.map((s) => [s.id, s.current])).toEqual([[b, false], [a, true]]);
    expect(await endOtherSessions(t.db, u.id, T0)).toBe(2);
    expect(await sessionIsActive(t.db, a, u.id, T0)).toBe(false);
    expect(await sessionIsActive(t.db, b, u.id, T0)).toBe(false);
    expect(await listActiveSessions(t.db, u.id, T0)).toEqual([]);
  });

  it('a password change needs the current password and ends every other session', async () => {
    const here = await startSession(t.db, ada.id, T0);
    const there = await startSession(t.db, ada.id, T0);
    const wrong = await changePassword(t.db, ada, here, 'not-it', 'new-password-1', '198.51.100.7', T0);
    expect(wrong).toEqual({ ok: false, field: 'current', error: 'That is not your current password.' });
    expect(await sessionIsActive(t.db, there, ada.id, T0)).toBe(true);
    const done = await changePassword(t.db, ada, here, 'old-password', 'new-password-1', '198.51.100.7', T0);
    expect(done.ok).toBe(true);
    expect(await sessionIsActive(t.db, here, ada.id, T0)).toBe(true);
    expect(await sessionIsActive(t.db, there, ada.id, T0)).toBe(false);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: ada.id } });
    expect(await verifyPassword('new-password-1', row.passwordHash!)).toBe(true);
  });

  it('an account without a password is told so', async () => {
    const r = await changePassword(t.db, bob, undefined, 'x', 'new-password-1', null, T0);
    expect(r.ok).toBe(false);
  });

  it('names browsers plainly', () => {
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1')).toBe('Safari on iOS');
    expect(describeUserAgent(null)).toBe('Unknown browser');
  });
});
