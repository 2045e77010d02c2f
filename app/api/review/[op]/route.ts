// The review loop's JSON endpoint (grade, undo, refresh) under Next.js: `next dev`, tests and a bare `next start`.
// A route handler rather than server actions (STYLE.md convention 2) because the production server answers the
// same URL itself with the same function before Next's request machinery, which cost more CPU than the grade
// (docs/decisions/005); every check lives in lib/review/api.ts, once, for both paths.
import { db } from '@/lib/db';
import { authSecret, secureSessionCookie } from '@/lib/env';
import { handleReviewApi, REVIEW_API_MAX_BODY } from '@/lib/review/api';

export const dynamic = 'force-dynamic';

/** The body as text, or null once it passes the limit (reading stops there). */
async function limitedText(request: Request, limit: number): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function POST(request: Request, { params }: { params: Promise<{ op: string }> }): Promise<Response> {
  const { op } = await params;
  const res = await handleReviewApi(
    { method: request.method, op, header: (name) => request.headers.get(name) ?? undefined, body: await limitedText(request, REVIEW_API_MAX_BODY) },
    { db, secret: authSecret(), secureCookie: secureSessionCookie() },
  );
  return new Response(res.body, { status: res.status, headers: res.headers });
}
