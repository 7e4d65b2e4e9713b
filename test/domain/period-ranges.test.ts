import { afterEach, describe, expect, it, vi } from 'vitest';

const ctx = { now: new Date(2026, 10, 26, 10), cycleStart: { month: 1, day: 1 } } as const;

describe('resolveTypedRange without the date parser', () => {
  afterEach(() => {
    vi.doUnmock('chrono-node/en');
    vi.resetModules();
  });

  it('reads plain days, years, months and periods without loading chrono; words load it', async () => {
    vi.resetModules();
    vi.doMock('chrono-node/en', () => {
      throw new Error('chrono was loaded');
    });
    const { needsDateParser, resolveTypedRange } = await import('../../src/domain/period-ranges.js');
    expect(await resolveTypedRange({ from: '2025-12-01', to: ' 2026-11-26 ' }, ctx)).toEqual({
      from: '2025-12-01',
      to: '2026-11-26',
      label: '2025-12-01 – 2026-11-26',
    });
    expect(await resolveTypedRange({ from: '2025', to: '2026-02' }, ctx)).toMatchObject({ from: '2025-01-01', to: '2026-02-28' });
    expect(await resolveTypedRange({ period: '2026-Q1' }, ctx)).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(needsDateParser({ from: 'last friday' })).toBe(true);
    expect(needsDateParser({ to: '2026-02-30' })).toBe(true);
    expect(needsDateParser({ from: '6.5.2026' })).toBe(true);
    await expect(resolveTypedRange({ from: 'last friday' }, ctx)).rejects.toThrow(/mocking a module|chrono was loaded/);
  });
});
