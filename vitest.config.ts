import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Server modules import 'server-only' to keep them out of client bundles; tests run them directly.
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Limits catch hangs, not slowness: the suite must pass on a machine busy with other work (CI, a build beside it).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
