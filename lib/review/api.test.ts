// The review endpoint (lib/review/api.ts) as both the route handler and scripts/serve.ts call it: what it refuses
// (cross-site, oversized, not JSON, malformed, signed out, an ended UserSession, another learner's card) and that
// a grade, its retry, a stale tab and an undo answer exactly as the review service records them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { createTestDb, type TestDb } from '@/test/db';
import { syncOneLessonCourse } from '@/test/review';
import { clearSessionTokenCache } from '@/lib/auth/session-token';
import { endSession, startSession } from '@/lib/auth/user-sessions';
import { handleReviewApi, isSameOrigin, parseCookies, REVIEW_API_HEADERS, type ReviewActionResult, type ReviewApiRequest } from './api';
import { enrollLessonCards } from './service';

const SECRET = 'api-test-secret-0123456789-0123456789-0123456789';
const HOST = 'localhost:3000';
const ORIGIN = `http://${HOST}`;

let t: TestDb;
let userId: string;
let sessionId: string;
let cookie: string;

async function mint(sub: string, sid: string, secret = SECRET): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub, sid, role: 'learner' }, secret })}`;
}

function request(op: string, body: unknown, headers: Record<string, string | undefined> = {}, method = 'POST'): ReviewApiRequest {
  const all: Record<string, string | undefined> = { host: HOST, origin: ORIGIN, 'content-type': 'application/json', cookie, ...headers };
  return { method, op, header: (name) => all[name], body: typeof body === 'string' || body === null ? body : JSON.stringify(body) };
}

async function call(op: string, body: unknown = {}, headers?: Record<string, string | undefined>, method?: string) {
  const res = await handleReviewApi(request(op, body, headers, method), { db: t.db, secret: SECRET, secureCookie: false });
  return { status: res.status, headers: res.headers, result: JSON.parse(res.body) as ReviewActionResult };
}

const logCount = () => t.db.reviewLog.count({ where: { userId } });

beforeEach(async () => {
  clearSessionTokenCache();
  t = await createTestDb();
  const lessonId = await syncOneLessonCourse(t.db, 6);
  userId = (await t.db.user.create({ data: { email: 'a@example.com', name: 'A' } })).id;
  await enrollLessonCards(t.db, userId, [lessonId], new Date());
  sessionId = await startSession(t.db, userId, new Date());
  cookie = await mint(userId, sessionId);
});
afterEach(async () => t.cleanup());

describe(`review endpoint (${process.env.TEST_DB_PROVIDER ?? 'sqlite'})`, () => {
  it('shows the next card, grades it once per client id, refuses a stale tab and undoes exactly', async () => {
    const first = await call('refresh');
    expect(first.status).toBe(200);
    expect(first.result.ok).toBe(true);
    const card = first.result.snapshot!.card!;
    expect(card.front).toBe('Question 0?');
    const before = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: card.id } } });

    const grade = { cardId: card.id, rating: 3, clientId: 'client-0001', version: card.version, durationMs: 1500 };
    const graded = await call('grade', grade);
    expect(graded.status).toBe(200);
    expect(graded.result.ok).toBe(true);
    expect(graded.result.snapshot!.card!.id).not.toBe(card.id);
    expect(graded.result.snapshot!.canUndo).toBe(true);
    // The same submission again (a retry after a lost answer) records nothing new.
    expect((await call('grade', grade)).result.ok).toBe(true);
    expect(await logCount()).toBe(1);
    // Another tab still showing the old version is refused, with the current snapshot.
    const stale = await call('grade', { ...grade, clientId: 'client-0002', rating: 4 });
    expect(stale.status).toBe(200);
    expect(stale.result).toMatchObject({ ok: false, error: expect.stringMatching(/already reviewed/) });
    expect(stale.result.snapshot?.card).toBeTruthy();
    expect(await logCount()).toBe(1);

    const undone = await call('undo');
    expect(undone.result).toMatchObject({ ok: true, notice: 'Last grade undone.' });
    expect(undone.result.snapshot!.card!.id).toBe(card.id);
    const after = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId: card.id } } });
    expect({ ...after, version: 0 }).toEqual({ ...before, version: 0 });
    expect(await logCount()).toBe(0);
    expect((await call('undo')).result).toMatchObject({ ok: false, error: 'There is no review to undo.' });
  });

  it("refuses another learner's card and malformed grades with a clear message, recording nothing", async () => {
    const other = (await t.db.user.create({ data: { email: 'b@example.com', name: 'B' } })).id;
    const theirs = (await t.db.card.findFirstOrThrow()).id;
    await t.db.cardState.deleteMany({ where: { userId, cardId: theirs } });
    await enrollLessonCards(t.db, other, [(await t.db.lesson.findFirstOrThrow()).id], new Date());
    const stolen = await call('grade', { cardId: theirs, rating: 3, clientId: 'client-0003', version: 0, durationMs: 1 });
    expect(stolen.result).toMatchObject({ ok: false, error: 'This card is not in your reviews.' });
    for (const body of [{}, { cardId: 1, rating: '3' }, { cardId: 'x', rating: 5, clientId: 'client-0004', version: 0, durationMs: 1 }, [], 'null', '"x"', '{"__proto__":{"ok":true}}']) {
      const res = await call('grade', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.result).toEqual({ ok: false, error: 'Invalid grade.' });
    }
    expect((await call('grade', '{not json')).result).toEqual({ ok: false, error: 'Invalid request.' });
    expect(await t.db.reviewLog.count()).toBe(0);
  });

  it('refuses a cross-site or origin-less request, wrong content types, big bodies, unknown ops and GET', async () => {
    const grade = { cardId: 'whatever', rating: 3, clientId: 'client-0005', version: 0, durationMs: 1 };
    expect((await call('grade', grade, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('grade', grade, { origin: undefined })).status).toBe(403);
    expect((await call('grade', grade, { origin: 'null' })).status).toBe(403);
    expect((await call('grade', grade, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await call('grade', grade, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await call('grade', grade, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await call('grade', null)).status).toBe(413);
    expect((await call('delete-everything')).status).toBe(404);
    const get = await call('refresh', '', {}, 'GET');
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    // Every answer, refusals included, carries the security headers.
    expect(get.headers).toMatchObject(REVIEW_API_HEADERS);
    expect(await t.db.reviewLog.count()).toBe(0);
  });

  it('answers 401 without a session, for a forged token, and once the UserSession has ended', async () => {
    expect((await call('refresh', {}, { cookie: undefined })).status).toBe(401);
    expect((await call('refresh', {}, { cookie: await mint(userId, sessionId, 'another-secret-0123456789-0123456789-0123') })).status).toBe(401);
    expect((await call('refresh', {}, { cookie: await mint(userId, 'no-such-session') })).status).toBe(401);
    // A token naming someone else's session does not count either.
    const other = (await t.db.user.create({ data: { email: 'c@example.com', name: 'C' } })).id;
    expect((await call('refresh', {}, { cookie: await mint(other, sessionId) })).status).toBe(401);
    expect((await call('refresh')).status).toBe(200);
    await endSession(t.db, sessionId, new Date());
    const ended = await call('refresh');
    expect(ended.status).toBe(401);
    expect(ended.result).toEqual({ ok: false, error: 'Your session has ended. Sign in again to continue reviewing.' });
    const card = (await t.db.cardState.findFirstOrThrow({ where: { userId } })).cardId;
    expect((await call('grade', { cardId: card, rating: 3, clientId: 'client-0006', version: 0, durationMs: 1 })).status).toBe(401);
    expect(await logCount()).toBe(0);
  });
});

describe('request checks', () => {
  const h = (headers: Record<string, string>) => (name: string) => headers[name];
  it('same origin means the Origin host is the Host (or the first X-Forwarded-Host)', () => {
    expect(isSameOrigin(h({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
    expect(isSameOrigin(h({ origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isSameOrigin(h({ origin: 'http://localhost:3001', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'http://localhost:3000.evil.example', host: 'localhost:3000' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'https://app.example', host: '10.0.0.2:3000', 'x-forwarded-host': 'app.example, proxy' }))).toBe(true);
    expect(isSameOrigin(h({ origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-site' }))).toBe(false);
    expect(isSameOrigin(h({ host: 'localhost:3000' }))).toBe(false);
  });
  it('reads cookies as Next.js does: first of a name wins, values URL-decoded, junk skipped', () => {
    expect(parseCookies('a=1; b=x%20y; a=2; junk; =v; c=%E0%A4%A')).toEqual({ a: '1', b: 'x y', c: '%E0%A4%A' });
    expect(parseCookies(undefined)).toEqual({});
  });
});
