// Runs before every page and route: gives the request a fresh CSP nonce and the browser-feature headers. Next.js reads the nonce from the
// request's Content-Security-Policy header and puts it on the scripts it renders; the browser gets the same policy.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, createNonce, PERMISSIONS_POLICY } from '@/lib/security/csp';

export function proxy(request: NextRequest) {
  const nonce = createNonce();
  // NODE_ENV is fixed at build time by Next.js; `next dev` needs eval and a websocket for reloading.
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  response.headers.set('Permissions-Policy', PERMISSIONS_POLICY);
  // Pages we open (or that open us) get no handle on this window.
  response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  return response;
}

export const config = {
  matcher: [
    {
      // Static files and images carry no scripts of ours; router prefetches are not documents, and neither is a
      // server action's answer (a JS call sends `Next-Action` and gets RSC data back); running the proxy for one cost
      // ~0.5 ms of CPU (docs/decisions/005). A form posted without JavaScript sends no such header and gets an HTML
      // page, so it still passes through here. Card media (/media/…) and the review loop's JSON endpoint
      // (/api/review/…, lib/review/api.ts) send their own stricter policy (`default-src 'none'`…), which this one
      // would replace; the endpoint's headers are then the same from its route handler and from scripts/serve.ts.
      source: '/((?!_next/static|_next/image|favicon.ico|media/|api/review/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
        { type: 'header', key: 'next-action' },
      ],
    },
  ],
};
