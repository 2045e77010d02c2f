// The client address of the current request, for rate limits (see client-address.ts for the rules).
// Next.js does not give route handlers, server actions or next-auth's authorize() the socket address, and its own
// X-Forwarded-For fallback keeps a client-written value. So scripts/serve.ts (our server in front of Next.js)
// overwrites `x-app-peer` on every request with "<APP_PEER_TOKEN> <socket address>": any copy a client sent is
// replaced, and without the per-process token (e.g. under a plain `next start`) the header is ignored.
import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { clientAddress } from './client-address';

export const PEER_HEADER = 'x-app-peer';

type HeaderBag = Headers | Record<string, unknown> | undefined;

function get(headers: HeaderBag, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const raw = headers[name];
  return Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' ? raw : null;
}

/** The socket address our server vouched for, or null when the header is missing or not ours. */
export function peerAddress(value: string | null, token: string | undefined): string | null {
  if (!value || !token) return null;
  const space = value.indexOf(' ');
  if (space < 0) return null;
  const given = Buffer.from(value.slice(0, space));
  const want = Buffer.from(token);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return null;
  return value.slice(space + 1).trim() || null;
}

export function requestAddress(headers: HeaderBag): string | null {
  const e = env();
  const socket = peerAddress(get(headers, PEER_HEADER), e.APP_PEER_TOKEN);
  return clientAddress(socket, get(headers, 'x-forwarded-for'), e.TRUST_PROXY);
}
