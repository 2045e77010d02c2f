// The one shape of a database id arriving from a client (cuid, uuid or a key-like id): letters, digits, "_" and
// "-", at most 64. Anything else (a NUL byte, which PostgreSQL refuses outright, spaces, markup) is not an id.
import { z } from 'zod';

export const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const recordId = z.string().regex(RECORD_ID_PATTERN);

export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && RECORD_ID_PATTERN.test(value);
}
