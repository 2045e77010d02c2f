// Fixed-window rate limiting of failed attempts (sign-ins, class join codes), stored in the database so it
// holds across restarts and (later) across several app servers. A key's prefix names its policy.
import type { Db } from '@/lib/db';

/** Failed sign-ins allowed per window: strict per email, looser per IP (many people can share one address). */
export const EMAIL_LIMIT = 5;
export const IP_LIMIT = 20;
export const SIGN_IN_WINDOW_MS = 60_000;
/** Wrong class join codes allowed per user, and per IP, in 15 minutes: enough for typos, far too few to guess. */
export const JOIN_USER_LIMIT = 10;
export const JOIN_IP_LIMIT = 50;
export const JOIN_WINDOW_MS = 15 * 60_000;

interface Policy {
  limit: number;
  windowMs: number;
}

const POLICIES: Record<string, Policy> = {
  email: { limit: EMAIL_LIMIT, windowMs: SIGN_IN_WINDOW_MS },
  ip: { limit: IP_LIMIT, windowMs: SIGN_IN_WINDOW_MS },
  'join-user': { limit: JOIN_USER_LIMIT, windowMs: JOIN_WINDOW_MS },
  'join-ip': { limit: JOIN_IP_LIMIT, windowMs: JOIN_WINDOW_MS },
};

function policyFor(key: string): Policy {
  const policy = POLICIES[key.slice(0, key.indexOf(':'))];
  if (!policy) throw new Error(`No rate-limit policy for key ${key}`);
  return policy;
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
    const { limit, windowMs } = policyFor(row.key);
    const resetAt = row.windowStart.getTime() + windowMs;
    if (resetAt > now.getTime() && row.count >= limit) {
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
      if (!row || row.windowStart.getTime() + policyFor(key).windowMs <= now.getTime()) {
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

export function joinThrottleKeys(userId: string, ip: string | null): string[] {
  const keys = [`join-user:${userId}`];
  if (ip) keys.push(`join-ip:${ip}`);
  return keys;
}
