import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Dates in tests are local; pin the zone so that day boundaries are the same everywhere.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
