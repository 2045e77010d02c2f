// Service worker: keeps the review screen and the app's static files so that /review opens without a network.
// Hand-written, no build step. Navigations to /review: network first, the last good copy when offline.
// /_next/static files (content-hashed, never change): cache first. POSTs (server actions) and all else pass through.
// The review data itself lives in IndexedDB (components/review/offline-storage.ts), not here.
const VERSION = 'v1';
const PAGES = `review-pages-${VERSION}`;
const STATIC = `review-static-${VERSION}`;
const REVIEW = '/review';

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k !== PAGES && k !== STATIC).map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

function sameOrigin(url) {
  return url.origin === self.location.origin;
}

function isStatic(url) {
  return sameOrigin(url) && (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/'));
}

/** Keeps a page response only when it is the signed-in review screen itself (not a redirect to sign-in). */
async function keepPage(response) {
  if (response.ok && !response.redirected && response.type === 'basic') {
    const cache = await caches.open(PAGES);
    await cache.put(REVIEW, response);
  }
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    await keepPage(response.clone());
    return response;
  } catch {
    const cached = await caches.match(REVIEW, { cacheName: PAGES });
    return cached ?? Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!sameOrigin(url)) return;
  if (isStatic(url)) event.respondWith(cacheFirst(request));
  else if (request.mode === 'navigate' && url.pathname === REVIEW) event.respondWith(networkFirst(request));
});

// The page that registered us lists the files it loaded before we controlled it; keep them and the page.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep-review' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    (async () => {
      try {
        await keepPage(await fetch(REVIEW, { credentials: 'same-origin', cache: 'no-store' }));
        const cache = await caches.open(STATIC);
        const urls = data.urls.map((u) => new URL(String(u), self.location.origin)).filter(isStatic);
        await Promise.all(
          urls.map(async (url) => {
            if (await cache.match(url.href)) return;
            const response = await fetch(url.href);
            if (response.ok) await cache.put(url.href, response);
          }),
        );
        event.source?.postMessage({ type: 'review-kept' });
      } catch {
        event.source?.postMessage({ type: 'review-not-kept' });
      }
    })(),
  );
});

// Pages signed out on this device: forget the kept review screen (the waiting grades stay in IndexedDB).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'forget-pages') event.waitUntil(caches.delete(PAGES));
});
