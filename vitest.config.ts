import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Day boundaries, DST changes and "today" depend on the time zone, so the tests about days run
 * in zones that make them differ: UTC, one with DST behind it (Los Angeles) and the furthest
 * ahead (Kiritimati, UTC+14, where "today" starts while most of the world is still in yesterday).
 * Everything else runs once, in UTC.
 */
const DATE_TESTS = [
  'test/domain/dates.test.ts',
  'test/domain/calendar.test.ts',
  'test/domain/periods.test.ts',
  'test/domain/streaks.test.ts',
  'test/domain/summary.test.ts',
  'test/tz/**/*.test.ts',
];
const OTHER_ZONES = ['America/Los_Angeles', 'Pacific/Kiritimati'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    // Vitest keeps one core for itself (availableParallelism() - 1 workers), which on the 2-core
    // machines we run on means one worker and a serial suite; the main process is mostly idle.
    maxWorkers: os.availableParallelism(),
    // Each test file makes its own journals and restores its own spies, so files need no fresh
    // module graph each: sharing one per worker saves loading src/ and its libraries 70 times.
    isolate: false,
    // Transformed modules are kept on disk between runs (keyed by content), which saves ~2 s of the
    // main process's time on every run after the first. Experimental in vitest 4.1: if it ever
    // serves a stale module, `npx vitest --clearCache` (or deleting .cache/vitest) resets it.
    experimental: { fsModuleCache: true, fsModuleCachePath: '.cache/vitest' },
    projects: [
      { extends: true, test: { name: 'UTC', include: ['test/**/*.test.ts'], env: { TZ: 'UTC' } } },
      ...OTHER_ZONES.map((zone) => ({ extends: true, test: { name: zone, include: DATE_TESTS, env: { TZ: zone } } })),
    ],
  },
});
