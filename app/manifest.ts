// The web app manifest: installable, opening on the review screen. Colours follow globals.css (the light theme;
// the page's theme-color meta tags in app/layout.tsx switch to the dark one when the system is dark).
import type { MetadataRoute } from 'next';

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/review',
    name: 'Course & Review',
    short_name: 'Review',
    description: 'Review your flashcards every day, even without a connection.',
    start_url: '/review',
    scope: '/',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: '#4f46e5',
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
