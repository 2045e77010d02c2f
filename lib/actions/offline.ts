'use server';
// Offline review: the copy of today's reviews the browser keeps, and sending the grades it queued. Both re-check
// the session; grades queued under another account are refused (lib/review/offline-sync.ts), never re-labelled.
import { z } from 'zod';
import { db } from '@/lib/db';
import type { OfflineDeck } from '@/lib/offline/deck';
import { SYNC_BATCH_SIZE } from '@/lib/offline/queue';
import { currentReviewer } from '@/lib/review/reviewer';
import { offlineDeck } from '@/lib/review/offline-deck';
import { applyOfflineGrades, type OfflineGradeOutcome } from '@/lib/review/offline-sync';
import { recordId } from '@/lib/validations/id';

const isoTime = z.iso.datetime({ offset: true });

const batchInput = z.object({
  userId: recordId,
  grades: z
    .array(
      z.object({
        clientId: z.string().min(8).max(64),
        cardId: recordId,
        version: z.number().int().min(0),
        lastReviewShown: isoTime.nullable(),
        rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        reviewedAt: isoTime,
        durationMs: z.number().min(0).max(86_400_000),
      }),
    )
    .min(1)
    .max(SYNC_BATCH_SIZE),
});

export type OfflineSyncActionResult =
  | { ok: true; outcomes: OfflineGradeOutcome[] }
  | { ok: false; code: 'signed_out' | 'wrong_user' | 'invalid'; error: string };

export async function syncOfflineGrades(raw: unknown): Promise<OfflineSyncActionResult> {
  const reviewer = await currentReviewer();
  if (!reviewer) return { ok: false, code: 'signed_out', error: 'Your session has ended. Sign in again to send the grades waiting on this device.' };
  const parsed = batchInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: 'invalid', error: 'These queued grades could not be read.' };
  return applyOfflineGrades(db, reviewer.id, parsed.data, new Date(), reviewer.settings);
}

export async function loadOfflineDeck(): Promise<{ ok: true; deck: OfflineDeck } | { ok: false; error: string }> {
  const reviewer = await currentReviewer();
  if (!reviewer) return { ok: false, error: 'Signed out.' };
  return { ok: true, deck: await offlineDeck(db, reviewer.id, reviewer.settings, new Date()) };
}
