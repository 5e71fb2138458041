import { defineConfig } from 'vitest/config';

// `npm test`: the quick tests. The slow ones over ../shared/corpus live in test/corpus/ (`npm run test:corpus`).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/corpus/**', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
