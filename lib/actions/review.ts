'use server';
// Grading and undo from the review screen. The card id comes from the client and is re-checked against the
// signed-in learner's own cards; time is the server's. A grade returns only what the screen needs (today's
// counts and the next card) and re-renders no page: nothing else on screen changes when a card is graded.
import { z } from 'zod';
import { db } from '@/lib/db';
import { currentReviewer } from '@/lib/review/reviewer';
import { gradeForUser, reviewSnapshot, undoLastForUser, type ReviewSnapshot } from '@/lib/review/service';
import { recordId } from '@/lib/validations/id';

const gradeInput = z.object({
  cardId: recordId,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  clientId: z.string().min(8).max(64),
  version: z.number().int().min(0),
  durationMs: z.number().min(0).max(86_400_000),
});

export type ReviewActionResult =
  | { ok: true; snapshot: ReviewSnapshot; notice?: string }
  | { ok: false; error: string; snapshot?: ReviewSnapshot };

const SIGNED_OUT = { ok: false as const, error: 'Your session has ended. Sign in again to continue reviewing.' };

export async function gradeReview(raw: unknown): Promise<ReviewActionResult> {
  const reviewer = await currentReviewer();
  if (!reviewer) return SIGNED_OUT;
  const parsed = gradeInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Invalid grade.' };
  const now = new Date();
  const result = await gradeForUser(db, reviewer.id, parsed.data, now, reviewer.settings);
  const snapshot = await reviewSnapshot(db, reviewer.id, now, undefined, reviewer.settings);
  if (!result.ok) return { ok: false, error: result.error, snapshot };
  return { ok: true, snapshot, notice: result.becameLeech ? 'That card is a leech (8 lapses) and has been suspended.' : undefined };
}

export async function undoReview(): Promise<ReviewActionResult> {
  const reviewer = await currentReviewer();
  if (!reviewer) return SIGNED_OUT;
  const result = await undoLastForUser(db, reviewer.id);
  const snapshot = await reviewSnapshot(db, reviewer.id, new Date(), result.cardId, reviewer.settings);
  if (!result.ok) return { ok: false, error: result.error, snapshot };
  return { ok: true, snapshot, notice: 'Last grade undone.' };
}

export async function refreshReview(): Promise<ReviewActionResult> {
  const reviewer = await currentReviewer();
  if (!reviewer) return SIGNED_OUT;
  return { ok: true, snapshot: await reviewSnapshot(db, reviewer.id, new Date(), undefined, reviewer.settings) };
}
