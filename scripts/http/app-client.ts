// A person's browser, reduced to HTTP, for tests and benches against a production build (scripts/two-nodes.ts,
// scripts/bench-http.ts): a cookie jar, next-auth's credentials sign-in (CSRF token first), sessions minted as
// next-auth makes them, and the review screen's requests (POST /api/review/<op>, lib/review/api.ts) sent as
// components/review/review-api.ts sends them. `localAddress` picks the loopback address the requests come from
// (127.0.0.0/8), so one test can be several clients as far as per-address rate limits are concerned.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { encode } from 'next-auth/jwt';
import type pg from 'pg';
import { sqlTime } from '../../lib/review/sql-time';

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** What the review endpoint answers (lib/review/api.ts's ReviewActionResult, the parts a client reads). */
export interface ReviewResult {
  ok: boolean;
  error?: string;
  snapshot?: { card: { id: string; version: number } | null; counts: { new: number; learning: number; review: number } };
}
export type ReviewOp = 'grade' | 'undo' | 'refresh';

/** The review endpoint's answer in a response; throws when it is not one (an error page, a cut connection). */
export function reviewResult(res: { status: number; text: string }): ReviewResult {
  let value: unknown = null;
  try {
    value = JSON.parse(res.text);
  } catch {
    /* not JSON */
  }
  if (typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean') return value as ReviewResult;
  throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 200)}`);
}

/** One POST to the review endpoint, as the review screen sends it; resolves with the raw response. */
export function postReview(base: string, op: ReviewOp, body: unknown, opts: { cookie?: string; agent?: http.Agent | false; localAddress?: string } = {}): Promise<Response> {
  const payload = JSON.stringify(body ?? {});
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', origin: base, 'content-length': Buffer.byteLength(payload) };
    if (opts.cookie) headers.cookie = opts.cookie;
    const req = http.request(`${base}/api/review/${op}`, { method: 'POST', headers, agent: opts.agent ?? false, localAddress: opts.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('response aborted')));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Where a minted session's UserSession row goes: the app's SQLite file or its PostgreSQL pool. */
export type SessionStore = { sqliteFile: string } | { pool: pg.Pool };

/**
 * A signed-in session as next-auth makes one (lib/auth/options.ts): a UserSession row (lib/auth/user-sessions.ts)
 * and a JWT naming it, encrypted with the server's secret by next-auth's own `encode`. The Cookie header value.
 */
export async function mintSessionCookie(store: SessionStore, userId: string, secret: string, claims: { name?: string; email?: string; role?: string } = {}): Promise<string> {
  const sid = `minted-${randomUUID()}`;
  const [created, expires] = [new Date(), new Date(Date.now() + 30 * 86_400_000)];
  const insert = 'INSERT INTO "UserSession" ("id", "userId", "createdAt", "expiresAt") VALUES ';
  if ('pool' in store) {
    // PostgreSQL keeps Prisma's DateTime as UTC wall time in TIMESTAMP(3).
    const utc = (d: Date) => d.toISOString().replace('Z', '');
    await store.pool.query(`${insert}($1, $2, $3, $4)`, [sid, userId, utc(created), utc(expires)]);
  } else {
    const raw = new Database(store.sqliteFile);
    try {
      raw.pragma('busy_timeout = 5000');
      raw.prepare(`${insert}(?, ?, ?, ?)`).run(sid, userId, sqlTime(created), sqlTime(expires));
    } finally {
      raw.close();
    }
  }
  const token = await encode({ token: { sub: userId, sid, role: 'learner', ...claims }, secret });
  return `next-auth.session-token=${token}`;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(public base: string, readonly localAddress?: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  request(method: string, path: string, opts: { body?: string; headers?: Record<string, string>; base?: string } = {}): Promise<Response> {
    const base = opts.base ?? this.base;
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...opts.headers };
      const cookie = this.cookieHeader();
      if (cookie) headers.cookie = cookie;
      if (opts.body !== undefined) headers['content-length'] = Buffer.byteLength(opts.body);
      const req = http.request(`${base}${path}`, { method, headers, localAddress: this.localAddress, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair = ''] = line.split(';');
            const eq = pair.indexOf('=');
            if (eq < 0) continue;
            const name = pair.slice(0, eq).trim();
            const value = pair.slice(eq + 1).trim();
            if (value === '' || /max-age=0\b/i.test(line)) this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('response aborted')));
      });
      req.on('error', reject);
      req.end(opts.body);
    });
  }

  /** Fetches a CSRF token (and its cookie) from next-auth, as the sign-in page does before posting. */
  async csrfToken(): Promise<string> {
    const res = await this.request('GET', '/api/auth/csrf');
    if (res.status !== 200) throw new Error(`GET /api/auth/csrf: HTTP ${res.status}`);
    return (JSON.parse(res.text) as { csrfToken: string }).csrfToken;
  }

  /** Posts the credentials form (token from csrfToken()); returns null when signed in, else next-auth's error text. */
  async postCredentials(email: string, password: string, csrfToken: string): Promise<string | null> {
    const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: `${this.base}/home`, json: 'true' }).toString();
    const res = await this.request('POST', '/api/auth/callback/credentials', { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    // next-auth answers a refused sign-in with 401 and the same JSON.
    if (res.status !== 200 && res.status !== 401) throw new Error(`sign-in: HTTP ${res.status}: ${res.text.slice(0, 200)}`);
    const url = new URL((JSON.parse(res.text) as { url: string }).url);
    const error = url.searchParams.get('error');
    if (error) return error;
    if (!this.cookies.has('next-auth.session-token')) return 'no session cookie was set';
    return null;
  }

  async signIn(email: string, password: string): Promise<void> {
    const error = await this.postCredentials(email, password, await this.csrfToken());
    if (error) throw new Error(`sign-in of ${email} refused: ${error}`);
  }

  /** Sends one request of the review screen (POST /api/review/<op>); rejects when the answer is not the endpoint's. */
  async review(op: ReviewOp, body?: unknown, base = this.base): Promise<ReviewResult> {
    return reviewResult(await postReview(base, op, body, { cookie: this.cookieHeader(), localAddress: this.localAddress }));
  }
}
