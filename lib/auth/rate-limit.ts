// Fixed-window rate limiting of attempts (sign-ins, class join codes), stored in the database so it holds across
// restarts and across several app processes on one database. A key's prefix names its policy.
// An attempt is RESERVED before the expensive check (password compare, code lookup) with single conditional
// statements (Prisma updateMany with a count condition, or an insert guarded by the primary key), which are atomic
// on SQLite and PostgreSQL: N parallel attempts never get more than `limit` reservations.
// Sign-in keys (OWASP authentication cheat sheet): the tight limits are per (account, IP) pair, in growing windows
// (5 a minute, 10 in 15 minutes, 20 a day), so a stranger's failures delay only the stranger; the per-account
// ceiling is far higher, and the per-IP limit stops one address trying many accounts.
import type { Db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

export const PAIR_LIMIT = 5;
export const SIGN_IN_WINDOW_MS = 60_000;
export const ACCOUNT_LIMIT = 100;
export const IP_LIMIT = 20;
/** Wrong class join codes allowed per user, and per IP, in 15 minutes: enough for typos, far too few to guess. */
export const JOIN_USER_LIMIT = 10;
export const JOIN_IP_LIMIT = 50;
export const JOIN_WINDOW_MS = 15 * 60_000;

interface Policy {
  limit: number;
  windowMs: number;
}

const POLICIES: Record<string, Policy> = {
  pair: { limit: PAIR_LIMIT, windowMs: SIGN_IN_WINDOW_MS },
  pair15: { limit: 10, windowMs: 15 * 60_000 },
  pairday: { limit: 20, windowMs: 24 * 60 * 60_000 },
  account: { limit: ACCOUNT_LIMIT, windowMs: 60 * 60_000 },
  ip: { limit: IP_LIMIT, windowMs: SIGN_IN_WINDOW_MS },
  signup: { limit: 5, windowMs: 60 * 60_000 },
  'join-user': { limit: JOIN_USER_LIMIT, windowMs: JOIN_WINDOW_MS },
  'join-ip': { limit: JOIN_IP_LIMIT, windowMs: JOIN_WINDOW_MS },
};

/** Limits a deployment may change, by key prefix (SIGN_UP_LIMIT in lib/env.ts; e2e raises it). */
export type LimitOverrides = Partial<Record<string, number>>;

function policyFor(key: string, overrides: LimitOverrides = {}): Policy {
  const prefix = key.slice(0, key.indexOf(':'));
  const policy = POLICIES[prefix];
  if (!policy) throw new Error(`No rate-limit policy for key ${key}`);
  const limit = overrides[prefix];
  return limit === undefined ? policy : { ...policy, limit };
}

export interface ThrottleResult {
  allowed: boolean;
  /** Seconds until a reservation can succeed again, when not allowed. */
  retryAfterSeconds: number;
}

/** Takes one attempt from a key's window, atomically; false when the window is used up. */
async function reserveOne(db: Db, key: string, now: Date, overrides: LimitOverrides): Promise<boolean> {
  const { limit, windowMs } = policyFor(key, overrides);
  const cutoff = new Date(now.getTime() - windowMs);
  for (let round = 0; round < 5; round++) {
    const inWindow = await db.authThrottle.updateMany({
      where: { key, windowStart: { gt: cutoff }, count: { lt: limit } },
      data: { count: { increment: 1 } },
    });
    if (inWindow.count === 1) return true;
    const restarted = await db.authThrottle.updateMany({ where: { key, windowStart: { lte: cutoff } }, data: { count: 1, windowStart: now } });
    if (restarted.count === 1) return true;
    const row = await db.authThrottle.findUnique({ where: { key }, select: { count: true, windowStart: true } });
    // The row may have been created by another process after our updates ran: only a full window refuses.
    if (row && row.count >= limit && row.windowStart > cutoff) return false;
    if (row) continue;
    try {
      await db.authThrottle.create({ data: { key, count: 1, windowStart: now } });
      return true;
    } catch (e) {
      // Another process created it first: go round again and compete for the remaining attempts.
      if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002')) throw e;
    }
  }
  return false;
}

async function retryAfter(db: Db, keys: string[], now: Date): Promise<number> {
  const rows = await db.authThrottle.findMany({ where: { key: { in: keys } } });
  let retry = 1;
  for (const row of rows) {
    const { limit, windowMs } = policyFor(row.key);
    const resetAt = row.windowStart.getTime() + windowMs;
    if (row.count >= limit && resetAt > now.getTime()) retry = Math.max(retry, Math.ceil((resetAt - now.getTime()) / 1000));
  }
  return retry;
}

/**
 * Reserves one attempt on every key, in order; stops (not allowed) at the first full key, handing back what it
 * had reserved on earlier keys, so a refused attempt costs nothing.
 */
export async function reserveAttempt(db: Db, keys: string[], now: Date, overrides: LimitOverrides = {}): Promise<ThrottleResult> {
  const taken: string[] = [];
  for (const key of keys) {
    if (await reserveOne(db, key, now, overrides)) {
      taken.push(key);
      continue;
    }
    await releaseAttempt(db, taken);
    return { allowed: false, retryAfterSeconds: await retryAfter(db, keys, now) };
  }
  return { allowed: true, retryAfterSeconds: 0 };
}

/** Gives a reserved attempt back (after a success that should not count against a shared key). */
export async function releaseAttempt(db: Db, keys: string[]): Promise<void> {
  for (const key of keys) {
    await db.authThrottle.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  }
}

/** A successful sign-in clears the pair's counters (not the account's or the IP's). */
export async function clearThrottle(db: Db, keys: string[]): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key: { in: keys } } });
}

export interface SignInKeys {
  all: string[];
  pair: string[];
  shared: string[];
}

export function throttleKeys(email: string, ip: string | null): SignInKeys {
  const account = email.toLowerCase();
  const from = ip ?? 'unknown';
  const pair = [`pair:${account}|${from}`, `pair15:${account}|${from}`, `pairday:${account}|${from}`];
  const shared = [`account:${account}`, ...(ip ? [`ip:${ip}`] : [])];
  return { all: [...pair, ...shared], pair, shared };
}

export function joinThrottleKeys(userId: string, ip: string | null): string[] {
  const keys = [`join-user:${userId}`];
  if (ip) keys.push(`join-ip:${ip}`);
  return keys;
}

export function signUpThrottleKeys(ip: string | null): string[] {
  return [`signup:${ip ?? 'unknown'}`];
}
