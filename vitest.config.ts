import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Dates in tests are local; pin the zone so that day boundaries are the same everywhere.
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
