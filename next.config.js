// Next.js configuration. Native and WASM packages stay outside the server bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pdfjs-dist loads its worker file from its own folder at run time, so it must not be bundled (uploads of PDFs).
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@open-spaced-repetition/binding', 'pdfjs-dist', 'mammoth', '@node-rs/argon2'],
  // Course uploads go through a server action: up to 100 MB per upload (lib/courses/upload.ts re-checks every limit);
  // Anki imports up to 50 MB (lib/interop/anki/read.ts MAX_IMPORT_BYTES).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '101mb' } },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          // Content-Security-Policy (with a per-request nonce), Permissions-Policy and COOP are set in proxy.ts.
        ],
      },
    ];
  },
};

export default nextConfig;
