import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // server-only throws outside React Server Components; tests run server code directly.
      'server-only': fileURLToPath(new URL('./test/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', 'data/**'],
    environment: 'node',
    testTimeout: 20_000,
    // Each integration test file migrates a fresh SQLite file in its hooks; on a loaded 2-core machine that can pass 10 s.
    hookTimeout: 30_000,
  },
});
