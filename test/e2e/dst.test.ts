import { describe, expect, it } from 'vitest';
import { spawnPerf, tempDbPath } from '../helpers.js';

describe('perf log -d "1 day ago" right after a DST change', () => {
  // 00:30 on Monday 9 March in Los Angeles, the night after clocks went forward.
  it.each([
    ['America/Los_Angeles', '2026-03-09T07:30:00Z', '2026-03-08'],
    ['Europe/Paris', '2026-03-29T22:30:00Z', '2026-03-29'],
    ['America/Los_Angeles', '2026-11-02T08:30:00Z', '2026-11-01'],
  ])('in %s at %s it is %s', (zone, now, yesterday) => {
    const db = tempDbPath();
    const result = spawnPerf(['log', 'x', '-d', '1 day ago', '--json'], { db, env: { TZ: zone, PERF_NOW: now } });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).date).toBe(yesterday);
  });
});
