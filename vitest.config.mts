import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests run the same modules in Node.
      'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.stryker-tmp/**'],
    environment: 'node',
    pool: 'forks',
    // Database-heavy oracle tests take seconds on a busy 2-core machine; a hang still fails.
    testTimeout: 30_000,
  },
});
