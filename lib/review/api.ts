// The review loop's JSON endpoint: POST /api/review/grade | undo | refresh, answered by one function over plain
// request data. The Next route handler (app/api/review/[op]/route.ts: `next dev`, tests, a bare `next start`) and the
// production server (scripts/serve.ts, before Next's request machinery, which cost more than the grade itself:
// docs/decisions/005) both call it, so the checks below are the only ones and hold on both paths: a same-origin
// request (CSRF), a JSON body of at most REVIEW_API_MAX_BODY bytes, the session cookie plus an active UserSession,
// zod on the body, and security headers on every answer.
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { activeSession } from '@/lib/auth/user-sessions';
import { PERMISSIONS_POLICY } from '@/lib/security/csp';
import { recordId } from '@/lib/validations/id';
import { gradeForUser, reviewerById, reviewSnapshot, undoLastForUser, type ReviewSnapshot } from './service';

export const REVIEW_API_PREFIX = '/api/review/';
/** A grade is ~150 bytes of JSON; anything near this is not the review screen. */
export const REVIEW_API_MAX_BODY = 4_096;
export const REVIEW_API_OPS = ['grade', 'undo', 'refresh'] as const;
export type ReviewApiOp = (typeof REVIEW_API_OPS)[number];

export type ReviewActionResult =
  | { ok: true; snapshot: ReviewSnapshot; notice?: string }
  | { ok: false; error: string; snapshot?: ReviewSnapshot };

export interface ReviewApiRequest {
  method: string;
  /** The path's last segment: grade, undo or refresh. */
  op: string;
  /** A request header by lower-case name. */
  header: (name: string) => string | undefined;
  /** The body as text; null when it was longer than REVIEW_API_MAX_BODY (the caller stops reading there). */
  body: string | null;
}

export interface ReviewApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ReviewApiContext {
  db: Db;
  secret: string;
  /** The session cookie has the __Secure- name (an https NEXTAUTH_URL), as lib/auth/session.ts reads it. */
  secureCookie: boolean;
  now?: () => Date;
}

/** Every answer's headers: JSON that is never cached, framed, sniffed as another type, or able to run anything. */
export const REVIEW_API_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'permissions-policy': PERMISSIONS_POLICY,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const gradeInput = z.object({
  cardId: recordId,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  clientId: z.string().min(8).max(64),
  version: z.number().int().min(0),
  durationMs: z.number().min(0).max(86_400_000),
});

const SIGNED_OUT = 'Your session has ended. Sign in again to continue reviewing.';
const LEECH_NOTICE = 'That card is a leech (8 lapses) and has been suspended.';

function answer(status: number, result: ReviewActionResult, extra?: Record<string, string>): ReviewApiResponse {
  return { status, headers: { ...REVIEW_API_HEADERS, ...extra }, body: JSON.stringify(result) };
}
const refuse = (status: number, error: string, extra?: Record<string, string>) => answer(status, { ok: false, error }, extra);

/**
 * Same-origin only, as Next.js checks a server action: the Origin's host must be the Host the request came to (or
 * the first X-Forwarded-Host, behind a proxy). A browser sends Origin on every POST; a request without one is
 * refused too, and so is one the browser itself marks as cross-site (Sec-Fetch-Site).
 */
export function isSameOrigin(header: (name: string) => string | undefined): boolean {
  const origin = header('origin');
  if (!origin) return false;
  const site = header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = header('x-forwarded-host')?.split(',')[0]?.trim() || header('host');
  return !!expected && host === expected.toLowerCase();
}

/** Cookies of a Cookie header by name (the first of a repeated name, as Next.js's cookie reader keeps). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || name in out) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      out[name] = raw;
    }
  }
  return out;
}

function isOp(op: string): op is ReviewApiOp {
  return (REVIEW_API_OPS as readonly string[]).includes(op);
}

/** Answers one request of the review screen; never throws for bad input (a database failure still throws). */
export async function handleReviewApi(req: ReviewApiRequest, ctx: ReviewApiContext): Promise<ReviewApiResponse> {
  if (!isOp(req.op)) return refuse(404, 'Not found.');
  if (req.method !== 'POST') return refuse(405, 'Use POST.', { allow: 'POST' });
  if (!isSameOrigin(req.header)) return refuse(403, 'Cross-site request refused.');
  const type = req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') return refuse(415, 'Send JSON.');
  if (req.body === null) return refuse(413, 'Request too large.');
  let body: unknown;
  try {
    body = req.body.trim() === '' ? {} : JSON.parse(req.body);
  } catch {
    return refuse(400, 'Invalid request.');
  }
  const now = ctx.now?.() ?? new Date();
  const session = await activeSession(ctx.db, parseCookies(req.header('cookie')), ctx.secret, ctx.secureCookie, now);
  const reviewer = session ? await reviewerById(ctx.db, session.userId) : null;
  if (!reviewer) return refuse(401, SIGNED_OUT);
  const { db } = ctx;
  switch (req.op) {
    case 'grade': {
      const parsed = gradeInput.safeParse(body);
      if (!parsed.success) return refuse(400, 'Invalid grade.');
      const result = await gradeForUser(db, reviewer.id, parsed.data, now, reviewer.settings);
      const snapshot = await reviewSnapshot(db, reviewer.id, now, undefined, reviewer.settings);
      if (!result.ok) return answer(200, { ok: false, error: result.error, snapshot });
      return answer(200, { ok: true, snapshot, notice: result.becameLeech ? LEECH_NOTICE : undefined });
    }
    case 'undo': {
      const result = await undoLastForUser(db, reviewer.id);
      const snapshot = await reviewSnapshot(db, reviewer.id, now, result.cardId, reviewer.settings);
      if (!result.ok) return answer(200, { ok: false, error: result.error, snapshot });
      return answer(200, { ok: true, snapshot, notice: 'Last grade undone.' });
    }
    case 'refresh':
      return answer(200, { ok: true, snapshot: await reviewSnapshot(db, reviewer.id, now, undefined, reviewer.settings) });
  }
}
