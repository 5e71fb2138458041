import { defineConfig } from 'vitest/config';

// `npm run test:corpus`: the slow tests over ../shared/corpus (each skips with a reason when it is absent).
export default defineConfig({
  test: {
    include: ['test/corpus/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
