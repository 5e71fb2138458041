import { defineConfig } from 'vitest/config';

/** The slow corpus tests (`npm run test:corpus`), kept out of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/slow/**/*.test.ts'],
    testTimeout: 600_000,
  },
});
