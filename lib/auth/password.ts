// Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane). No 72-byte limit, unlike bcrypt.
// Hashes made by the earlier bcrypt version ("$2a$"/"$2b$") still verify, and `needsRehash` tells the sign-in
// to replace them with an argon2id hash once the password is known to be right.
import { hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, which isolated modules cannot import)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

function isBcrypt(stored: string): boolean {
  return /^\$2[aby]\$/.test(stored);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (isBcrypt(stored)) return bcrypt.compare(password, stored);
  if (!stored.startsWith('$argon2')) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** Whether a stored hash should be replaced (after a successful verify) by a fresh argon2id hash. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith('$argon2id$v=19$m=19456,t=2,p=1$');
}

let dummy: Promise<string> | undefined;

/** Compares against a throwaway hash when the user does not exist, so timing does not reveal which emails exist. */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-real-password');
  await verify(await dummy, password).catch(() => false);
  return false;
}
