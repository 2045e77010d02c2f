import { describe, expect, it } from 'vitest';
import { clientAddress, normaliseAddress, parseTrustProxy } from './client-address';

const none = parseTrustProxy(undefined);

describe('client address', () => {
  it('without TRUST_PROXY uses the socket and ignores whatever X-Forwarded-For says', () => {
    for (let i = 0; i < 25; i++) expect(clientAddress('203.0.113.9', `10.0.0.${i}`, none)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '::ffff:127.0.0.1', none)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:198.51.100.7', undefined, none)).toBe('198.51.100.7');
  });

  it('with one trusted hop takes the address the proxy appended, not the client-written prefix', () => {
    const one = parseTrustProxy('1');
    expect(clientAddress('10.0.0.2', 'spoofed, 203.0.113.5', one)).toBe('203.0.113.5');
    expect(clientAddress('10.0.0.2', '203.0.113.5', one)).toBe('203.0.113.5');
    expect(parseTrustProxy('true')).toEqual({ kind: 'hops', hops: 1 });
    expect(clientAddress('10.0.0.2', undefined, one)).toBe('10.0.0.2');
  });

  it('with a list of proxies skips every trusted hop from the right', () => {
    const list = parseTrustProxy('10.0.0.0/8, 2001:db8::1');
    expect(clientAddress('10.1.2.3', '1.1.1.1, 198.51.100.20, 2001:db8::1, 10.9.9.9', list)).toBe('198.51.100.20');
    // A request that did not come from a trusted proxy: its header is ignored.
    expect(clientAddress('198.51.100.30', '10.0.0.1', list)).toBe('198.51.100.30');
    expect(() => parseTrustProxy('not-an-ip')).toThrow(/TRUST_PROXY/);
  });

  it('normalises IPv6 to its /64 and unwraps IPv4-mapped addresses', () => {
    expect(normaliseAddress('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('[2001:db8:1:2:bbbb::9]:443')).toBe('2001:db8:1:2::/64');
    expect(normaliseAddress('::1')).toBe('0:0:0:0::/64');
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('1.2.3.4:5678')).toBe('1.2.3.4');
    expect(normaliseAddress('garbage')).toBeNull();
    expect(normaliseAddress(undefined)).toBeNull();
  });
});
