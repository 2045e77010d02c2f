import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { contentSecurityPolicy, createNonce } from './csp';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { config, proxy } from '@/proxy';

function directive(policy: string, name: string): string[] {
  const found = policy.split(';').map((d) => d.trim().split(/\s+/)).find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only by nonce, never inline, and cannot be framed', () => {
    const nonce = createNonce();
    const policy = contentSecurityPolicy(nonce);
    expect(directive(policy, 'script-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'self'"]);
    // KaTeX: inline style attributes and its fonts.
    expect(directive(policy, 'style-src')).toContain("'unsafe-inline'");
    expect(directive(policy, 'font-src')).toEqual(["'self'", 'data:']);
  });
  it('adds eval only for next dev', () => {
    expect(directive(contentSecurityPolicy(createNonce(), { dev: true }), 'script-src')).toContain("'unsafe-eval'");
  });
  it('makes a fresh 128-bit nonce each time and refuses a malformed one', () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(atob(n)).toHaveLength(16);
    expect(() => contentSecurityPolicy("x'; script-src *")).toThrow();
  });
});

describe('proxy', () => {
  it('sends the policy to the browser and the same nonce to Next.js in the request', () => {
    const res = proxy(new NextRequest('http://localhost/home'));
    const policy = res.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // NextResponse.next({ request: { headers } }) passes overridden request headers on as x-middleware-request-*.
    expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(res.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const again = proxy(new NextRequest('http://localhost/home')).headers.get('content-security-policy');
    expect(again).not.toBe(policy);
  });
});

describe('which requests the proxy runs for', () => {
  const runs = (url: string, headers: Record<string, string> = {}) => unstable_doesMiddlewareMatch({ config, url, headers });
  it('every page, route and form post that can answer with a document', () => {
    expect(runs('/')).toBe(true);
    expect(runs('/review')).toBe(true);
    expect(runs('/api/auth/signin')).toBe(true);
    expect(runs('/content-assets/course/figure.svg')).toBe(true);
    // A form posted without JavaScript (no Next-Action header) is answered with an HTML page.
    expect(runs('/review', { 'content-type': 'multipart/form-data; boundary=x' })).toBe(true);
  });
  it('not static files, router prefetches or a server action called from JavaScript (RSC data, no document)', () => {
    expect(runs('/_next/static/chunks/app.js')).toBe(false);
    expect(runs('/favicon.ico')).toBe(false);
    // Card media keeps the sandboxing policy its route sets.
    expect(runs('/media/abc123')).toBe(false);
    expect(runs('/mediation')).toBe(true);
    // So does the review loop's JSON endpoint (lib/review/api.ts sets every header itself).
    expect(runs('/api/review/grade')).toBe(false);
    expect(runs('/api/reviews')).toBe(true);
    expect(runs('/review', { 'next-router-prefetch': '1' })).toBe(false);
    expect(runs('/review', { 'next-action': '7f00aa', accept: 'text/x-component' })).toBe(false);
  });
});
