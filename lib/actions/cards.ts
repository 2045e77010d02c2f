'use server';
// Instructors edit, suspend and restore generated cards (their edits survive re-syncs); learners flag bad cards.
// Only the card's course's owner and co-instructors may change a card; anyone else is told it does not exist.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { actionUser } from '@/lib/auth/session';
import { actionCardInstructor } from '@/lib/courses/access';
import { cardEditSchema, cardFlagSchema, cardId } from '@/lib/validations/cards';
import { fieldErrors, type FieldErrors } from '@/lib/validations/auth';

export type CardActionResult = { ok: true; message: string } | { ok: false; error: string; errors?: FieldErrors };

const NOT_INSTRUCTOR = { ok: false as const, error: 'Only instructors can change cards.' };
// One answer for "no such card" and "not your course's card": ids of other courses' cards reveal nothing.
const NOT_YOURS = { ok: false as const, error: 'That card does not exist or is not in a course you teach.' };

function revalidateCards() {
  revalidatePath('/teach', 'layout');
}

export async function editCard(raw: unknown): Promise<CardActionResult> {
  if (!(await actionUser('instructor'))) return NOT_INSTRUCTOR;
  const parsed = cardEditSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Please fix the highlighted fields.', errors: fieldErrors(parsed.error) };
  const { cardId: id, front, back } = parsed.data;
  const access = await actionCardInstructor(id);
  if (!access) return NOT_YOURS;
  const user = access.user;
  const card = await db.card.findUnique({ where: { id }, select: { front: true, back: true } });
  if (!card) return { ok: false, error: 'That card no longer exists.' };
  await db.card.update({
    where: { id },
    data: {
      // Storing the generated text again as an "edit" would pin it forever; only real changes are kept.
      editedFront: front === card.front ? null : front,
      editedBack: back === card.back ? null : back,
      editedById: user.id,
      editedAt: new Date(),
    },
  });
  revalidateCards();
  return { ok: true, message: 'Card saved.' };
}

export async function revertCard(raw: unknown): Promise<CardActionResult> {
  if (!(await actionUser('instructor'))) return NOT_INSTRUCTOR;
  const id = cardId.safeParse(raw);
  if (!id.success) return { ok: false, error: 'Invalid card.' };
  if (!(await actionCardInstructor(id.data))) return NOT_YOURS;
  const res = await db.card.updateMany({ where: { id: id.data }, data: { editedFront: null, editedBack: null, editedById: null, editedAt: null } });
  if (res.count === 0) return { ok: false, error: 'That card no longer exists.' };
  revalidateCards();
  return { ok: true, message: 'Back to the generated text.' };
}

export async function setCardSuspended(raw: unknown): Promise<CardActionResult> {
  if (!(await actionUser('instructor'))) return NOT_INSTRUCTOR;
  const parsed = z.object({ cardId, suspended: z.boolean() }).safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Invalid request.' };
  if (!(await actionCardInstructor(parsed.data.cardId))) return NOT_YOURS;
  const res = await db.card.updateMany({ where: { id: parsed.data.cardId }, data: { suspended: parsed.data.suspended } });
  if (res.count === 0) return { ok: false, error: 'That card no longer exists.' };
  if (!parsed.data.suspended) {
    await db.cardFlag.updateMany({ where: { cardId: parsed.data.cardId, resolvedAt: null }, data: { resolvedAt: new Date() } });
  }
  revalidateCards();
  return { ok: true, message: parsed.data.suspended ? 'Card suspended for everyone.' : 'Card back in reviews.' };
}

export async function resolveFlags(raw: unknown): Promise<CardActionResult> {
  if (!(await actionUser('instructor'))) return NOT_INSTRUCTOR;
  const id = cardId.safeParse(raw);
  if (!id.success) return { ok: false, error: 'Invalid card.' };
  if (!(await actionCardInstructor(id.data))) return NOT_YOURS;
  await db.cardFlag.updateMany({ where: { cardId: id.data, resolvedAt: null }, data: { resolvedAt: new Date() } });
  revalidateCards();
  return { ok: true, message: 'Flags resolved.' };
}

/** A learner may flag only a card that is in their own reviews. */
export async function flagCard(raw: unknown): Promise<CardActionResult> {
  const user = await actionUser();
  if (!user) return { ok: false, error: 'Your session has ended. Sign in again.' };
  const parsed = cardFlagSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { ok: false, error: errors.note ?? errors.reason ?? 'Invalid card.', errors };
  }
  const { cardId: id, reason, note } = parsed.data;
  const owns = await db.cardState.findUnique({ where: { userId_cardId: { userId: user.id, cardId: id } }, select: { cardId: true } });
  if (!owns) return { ok: false, error: 'This card is not in your reviews.' };
  const text = note ? `${reason}: ${note}` : reason;
  await db.cardFlag.upsert({
    where: { cardId_userId: { cardId: id, userId: user.id } },
    create: { cardId: id, userId: user.id, reason: text },
    update: { reason: text, resolvedAt: null, createdAt: new Date() },
  });
  revalidateCards();
  return { ok: true, message: 'Thanks, your instructor will look at this card.' };
}
