// Fixed-window rate limiting of failed sign-ins, stored in the database so it holds across restarts
// and (later) across several app servers.
import type { Db } from '@/lib/db';

/** Failed sign-ins allowed per window: strict per email, looser per IP (many people can share one address). */
export const EMAIL_LIMIT = 5;
export const IP_LIMIT = 20;
export const SIGN_IN_WINDOW_MS = 60_000;

function limitFor(key: string): number {
  return key.startsWith('ip:') ? IP_LIMIT : EMAIL_LIMIT;
}

export interface ThrottleResult {
  allowed: boolean;
  /** Seconds until the window resets, when not allowed. */
  retryAfterSeconds: number;
}

/** Whether any of the keys has used up its failures in the current window. */
export async function checkThrottle(db: Db, keys: string[], now: Date): Promise<ThrottleResult> {
  const rows = await db.authThrottle.findMany({ where: { key: { in: keys } } });
  let retry = 0;
  for (const row of rows) {
    const resetAt = row.windowStart.getTime() + SIGN_IN_WINDOW_MS;
    if (resetAt > now.getTime() && row.count >= limitFor(row.key)) {
      retry = Math.max(retry, Math.ceil((resetAt - now.getTime()) / 1000));
    }
  }
  return { allowed: retry === 0, retryAfterSeconds: retry };
}

/** Counts one failure against each key. */
export async function recordFailure(db: Db, keys: string[], now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const key of keys) {
      const row = await tx.authThrottle.findUnique({ where: { key } });
      if (!row || row.windowStart.getTime() + SIGN_IN_WINDOW_MS <= now.getTime()) {
        await tx.authThrottle.upsert({
          where: { key },
          create: { key, count: 1, windowStart: now },
          update: { count: 1, windowStart: now },
        });
      } else {
        await tx.authThrottle.update({ where: { key }, data: { count: { increment: 1 } } });
      }
    }
  });
}

/** A successful sign-in clears the email's counter (not the IP's). */
export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key } });
}

export function throttleKeys(email: string, ip: string | null): string[] {
  const keys = [`email:${email.toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}
