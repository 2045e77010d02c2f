// Which address a request comes from, for rate limits. Pure: no Next.js, no env.
// Without a trusted proxy the address is the TCP peer's (the socket), never a header the client wrote.
// With TRUST_PROXY the client is the hop just before our trusted proxies in X-Forwarded-For: "1" (or any N)
// skips N proxies counted from the socket; a comma list of IPs/CIDRs skips every hop inside those ranges.
import { isIP } from 'node:net';

export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; ranges: Cidr[] };

interface Cidr {
  bits: number[]; // 32 (IPv4) or 128 (IPv6) bits
  prefix: number;
}

/** Parses TRUST_PROXY: "", "0", "false" = none; "true" = 1 hop; "N" = N hops; else a list of IPs/CIDRs. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === '0' || v === 'false') return { kind: 'none' };
  if (v === 'true') return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(v)) return { kind: 'hops', hops: Number(v) };
  const ranges = v.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const [addr = '', len] = entry.split('/');
    const bits = toBits(addr);
    if (!bits || (len !== undefined && !/^\d+$/.test(len))) throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range`);
    const prefix = len === undefined ? bits.length : Number(len);
    if (prefix > bits.length) throw new Error(`TRUST_PROXY: "${entry}" has a prefix longer than the address`);
    return { bits, prefix };
  });
  return { kind: 'list', ranges };
}

function stripIpv4Mapped(addr: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  return m ? m[1]! : addr;
}

/** Removes brackets, an IPv4 port, an IPv6 zone; null when what is left is not an IP address. */
function clean(raw: string): string | null {
  let s = raw.trim();
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracket) s = bracket[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  s = s.replace(/%.*$/, '');
  s = stripIpv4Mapped(s);
  return isIP(s) ? s : null;
}

function toBits(raw: string): number[] | null {
  const s = clean(raw);
  if (!s) return null;
  if (isIP(s) === 4) return s.split('.').flatMap((o) => byteBits(Number(o), 8));
  return expandIpv6(s).flatMap((g) => byteBits(g, 16));
}

function byteBits(n: number, width: number): number[] {
  return Array.from({ length: width }, (_, i) => (n >> (width - 1 - i)) & 1);
}

function expandIpv6(s: string): number[] {
  let text = s;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const o = v4[1]!.split('.').map(Number);
    text = text.slice(0, -v4[1]!.length) + `${((o[0]! << 8) | o[1]!).toString(16)}:${((o[2]! << 8) | o[3]!).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array.from({ length: 8 - h.length - t.length }, () => '0');
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

/** The rate-limit key for an address: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 as its /64 network. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = clean(raw);
  if (!s) return null;
  if (isIP(s) === 4) return s;
  const groups = expandIpv6(s).slice(0, 4).map((g) => g.toString(16));
  return `${groups.join(':')}::/64`;
}

function inRange(addr: string, ranges: Cidr[]): boolean {
  const bits = toBits(addr);
  if (!bits) return false;
  return ranges.some((r) => r.bits.length === bits.length && r.bits.slice(0, r.prefix).every((b, i) => b === bits[i]));
}

/**
 * The client's address, normalised. `socket` is the TCP peer; `forwardedFor` the X-Forwarded-For header as
 * received (only read when a proxy is trusted). Hops are read right to left: the socket first, then each
 * proxy's addition; the first one not accounted for by trusted proxies is the client.
 */
export function clientAddress(socket: string | null | undefined, forwardedFor: string | null | undefined, trust: TrustProxy): string | null {
  if (trust.kind === 'none' || !socket) return normaliseAddress(socket);
  const chain = [...(forwardedFor ?? '').split(',').map((s) => s.trim()).filter(Boolean), socket];
  if (trust.kind === 'hops') {
    const index = chain.length - 1 - trust.hops;
    return normaliseAddress(chain[Math.max(0, index)]);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!inRange(chain[i]!, trust.ranges)) return normaliseAddress(chain[i]);
  }
  return normaliseAddress(chain[0]);
}
