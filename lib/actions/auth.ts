'use server';
// Sign-up: validates, creates a learner, and leaves signing in to the client (next-auth's credentials flow).
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { headers } from 'next/headers';
import { hashPassword } from '@/lib/auth/password';
import { reserveAttempt, signUpThrottleKeys } from '@/lib/auth/rate-limit';
import { requestAddress } from '@/lib/auth/request-address';
import { signUpSchema, fieldErrors, type FieldErrors, SIGN_UP_NEUTRAL, SIGN_UP_THROTTLED } from '@/lib/validations/auth';
import { Prisma } from '@/lib/generated/prisma/client';

export type SignUpResult = { ok: true } | { ok: false; errors: FieldErrors };


export async function signUp(input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { name, email, password, timeZone } = parsed.data;
  const taken = { ok: false as const, errors: { email: SIGN_UP_NEUTRAL } };
  // Per address: 5 sign-ups an hour (lib/auth/rate-limit.ts), counted whether or not the email was free.
  const throttle = await reserveAttempt(db, signUpThrottleKeys(requestAddress(await headers())), new Date(), {
    signup: env().SIGN_UP_LIMIT,
  });
  if (!throttle.allowed) return { ok: false, errors: { email: SIGN_UP_THROTTLED } };
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return taken;
  try {
    await db.user.create({
      data: { name, email, passwordHash: await hashPassword(password), role: 'learner', timeZone: timeZone ?? 'UTC' },
    });
  } catch (e) {
    // Two sign-ups racing for one email: the unique index decides.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return taken;
    throw e;
  }
  return { ok: true };
}
