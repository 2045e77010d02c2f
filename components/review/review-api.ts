// The review screen's calls to its JSON endpoint (lib/review/api.ts): POST /api/review/<op>. A refusal the server
// explains (stale tab, signed out, nothing to undo) comes back as a result with `ok: false`; anything else (the
// connection dropped, a proxy's error page) throws, and the screen treats it as being offline.
import type { ReviewActionResult, ReviewApiOp } from '@/lib/review/api';

export type { ReviewActionResult };

export interface GradeRequest {
  cardId: string;
  rating: 1 | 2 | 3 | 4;
  clientId: string;
  version: number;
  durationMs: number;
}

function isResult(value: unknown): value is ReviewActionResult {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function call(op: ReviewApiOp, body: unknown = {}): Promise<ReviewActionResult> {
  const res = await fetch(`/api/review/${op}`, {
    method: 'POST',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  let value: unknown = null;
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) value = await res.json().catch(() => null);
  if (isResult(value)) return value;
  throw new Error(`review ${op}: HTTP ${res.status}`);
}

export const gradeReview = (input: GradeRequest) => call('grade', input);
export const undoReview = () => call('undo');
export const refreshReview = () => call('refresh');
