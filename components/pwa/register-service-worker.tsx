'use client';
// Registers public/sw.js (a plain script, so no inline script or 'unsafe-inline' is needed) and asks it to keep
// the review screen and the files this page loaded before the worker was in control. Marks <html> with
// data-offline-ready once they are kept, which the e2e tests wait for.
import { useEffect } from 'react';

export function RegisterServiceWorker() {
  useEffect(() => {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    const onMessage = (event: MessageEvent) => {
      if (event.data?.type === 'review-kept') document.documentElement.dataset.offlineReady = 'true';
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    navigator.serviceWorker.startMessages();
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((u) => u.startsWith(`${location.origin}/_next/static/`));
        registration.active?.postMessage({ type: 'keep-review', urls });
      })
      .catch(() => undefined);
    return () => navigator.serviceWorker.removeEventListener('message', onMessage);
  }, []);
  return null;
}
