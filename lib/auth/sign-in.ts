// The email + password check behind next-auth's credentials provider, with the rate limits reserved first.
import type { Db } from '@/lib/db';
import { verifyPassword, burnPasswordCheck, hashPassword, needsRehash } from './password';
import { reserveAttempt, releaseAttempt, clearThrottle, throttleKeys } from './rate-limit';

/** Messages the sign-in form shows; next-auth passes a thrown error's message back as `error`. */
export const SIGN_IN_ERRORS = {
  invalid: 'Incorrect email or password.',
  throttledPrefix: 'Too many sign-in attempts.',
} as const;

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; error: string };

export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  ip: string | null,
  now: Date,
  verify: (password: string, hash: string) => Promise<boolean> = verifyPassword,
): Promise<SignInOutcome> {
  const keys = throttleKeys(email, ip);
  const reserved = await reserveAttempt(db, keys.all, now);
  if (!reserved.allowed) {
    return { ok: false, error: `${SIGN_IN_ERRORS.throttledPrefix} Try again in ${reserved.retryAfterSeconds} seconds.` };
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const ok = user?.passwordHash ? await verify(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!user || !ok) return { ok: false, error: SIGN_IN_ERRORS.invalid };
  await clearThrottle(db, keys.pair);
  await releaseAttempt(db, keys.shared);
  if (user.passwordHash && needsRehash(user.passwordHash)) {
    // Upgrade an old bcrypt hash now that the password is known; only if nobody changed it meanwhile.
    await db.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(password) } });
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
