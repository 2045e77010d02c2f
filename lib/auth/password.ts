// Password hashing with bcrypt (pure JS bcryptjs: no native build step).
import bcrypt from 'bcryptjs';

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummy: Promise<string> | undefined;

/** Compares against a throwaway hash when the user does not exist, so timing does not reveal which emails exist. */
export async function burnPasswordCheck(password: string): Promise<false> {
  dummy ??= bcrypt.hash('not-a-real-password', COST);
  await bcrypt.compare(password, await dummy);
  return false;
}
