// Join codes learners type (or open as an invite link) to enter a class: 8 characters from an alphabet
// without look-alikes (0/O, 1/I/L), so 31^8 ≈ 8.5 × 10^11 codes; wrong guesses are rate-limited too.
import { randomInt } from 'node:crypto';

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What a person typed or pasted ("abcd-efgh", " ABCD EFGH ") as a stored code ("ABCDEFGH"): separators are ignored. */
export function normaliseJoinCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}

/** The invite link's path; the page asks the signed-in learner to confirm before joining. */
export function invitePath(code: string): string {
  return `/join/${encodeURIComponent(code)}`;
}
