// The review endpoint (lib/review/api.ts) on a plain Node HTTP request: what scripts/serve.ts answers itself, ahead
// of Next.js, for POST /api/review/*. Reads at most REVIEW_API_MAX_BODY bytes of the body and writes the answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { db } from '@/lib/db';
import { authSecret, secureSessionCookie } from '@/lib/env';
import { handleReviewApi, REVIEW_API_MAX_BODY, REVIEW_API_PREFIX } from './api';

/** The op this request is for, or null when it is not the review endpoint's (Next.js answers it). */
export function reviewApiOp(url: string | undefined): string | null {
  if (!url?.startsWith(REVIEW_API_PREFIX)) return null;
  const rest = url.slice(REVIEW_API_PREFIX.length).split('?')[0]!;
  return rest && !rest.includes('/') ? rest : null;
}

function readLimited(req: IncomingMessage, limit: number): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) over = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Answers one request for `op`; a failure answers 500 (and is logged), as Next.js would. */
export async function serveReviewApi(req: IncomingMessage, res: ServerResponse, op: string): Promise<void> {
  try {
    const body = await readLimited(req, REVIEW_API_MAX_BODY);
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const out = await handleReviewApi(
      { method: req.method ?? 'GET', op, header, body },
      { db, secret: authSecret(), secureCookie: secureSessionCookie() },
    );
    res.writeHead(out.status, { ...out.headers, 'content-length': Buffer.byteLength(out.body) });
    res.end(out.body);
  } catch (e) {
    console.error('review api:', e);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ok: false, error: 'Something went wrong on the server.' }));
  }
}
