// The production server's fast lane for the review endpoint (lib/review/api-node.ts) over a real socket: which URLs
// it takes, the body limit enforced while reading, the answer's headers, and a signed-in refresh end to end.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { createTestDb, type TestDb } from '@/test/db';
import { startSession } from '@/lib/auth/user-sessions';

const SECRET = vi.hoisted(() => {
  const secret = 'api-node-test-secret-0123456789-0123456789';
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
});
let t: TestDb;
vi.mock('@/lib/db', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/db')>();
  return { ...original, get db() { return t.db; } };
});
const { reviewApiOp, serveReviewApi } = await import('./api-node');

let server: http.Server;
let base: string;
let cookie: string;

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: 'POST', headers: { host: new URL(base).host, origin: base, 'content-type': 'application/json', cookie, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  t = await createTestDb();
  const userId = (await t.db.user.create({ data: { email: 'n@example.com', name: 'N' } })).id;
  const sid = await startSession(t.db, userId, new Date());
  cookie = `next-auth.session-token=${await encode({ token: { sub: userId, sid, role: 'learner' }, secret: SECRET })}`;
  server = http.createServer((req, res) => {
    const op = reviewApiOp(req.url);
    if (op) void serveReviewApi(req, res, op);
    else res.writeHead(418).end('next');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await t.cleanup();
});

describe('the review fast lane', () => {
  it('takes only /api/review/<op> and leaves every other URL to Next.js', () => {
    expect(reviewApiOp('/api/review/grade')).toBe('grade');
    expect(reviewApiOp('/api/review/refresh?x=1')).toBe('refresh');
    expect(reviewApiOp('/api/review/')).toBeNull();
    expect(reviewApiOp('/api/review/grade/more')).toBeNull();
    expect(reviewApiOp('/api/reviews/grade')).toBeNull();
    expect(reviewApiOp('/review')).toBeNull();
    expect(reviewApiOp(undefined)).toBeNull();
  });

  it('answers a signed-in refresh with JSON and the security headers', async () => {
    const res = await post('/api/review/refresh', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: true, snapshot: { card: null, counts: { new: 0, learning: 0, review: 0 } } });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a body over the limit, declared or streamed, and a cross-site post', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(5_000) });
    expect((await post('/api/review/grade', big)).status).toBe(413);
    expect((await post('/api/review/grade', big, { 'transfer-encoding': 'chunked' })).status).toBe(413);
    expect((await post('/api/review/grade', '{}', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/api/review/grade', '{}', { cookie: '' })).status).toBe(401);
  });
});
