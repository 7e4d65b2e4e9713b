import { describe, expect, it } from 'vitest';
import type { UpdateEntry } from '../../src/domain/goal-progress.js';
import { findSurprises } from '../../src/domain/goal-surprises.js';

const set = (date: string, amount: number, id?: number): UpdateEntry => ({ date, kind: 'set', amount, id });
const add = (date: string, amount: number, id?: number): UpdateEntry => ({ date, kind: 'add', amount, id });
const rising = { baseline: 0, target: 300_000 };

describe('findSurprises', () => {
  it.each([
    ['5x the target exactly is fine', rising, [set('2026-10-01', 1_500_000)], []],
    ['over 5x the target asks', rising, [set('2026-10-01', 1_810_000)], [{ kind: 'target', value: 1_810_000 }]],
    ['a first update has no earlier change to compare with', rising, [add('2026-10-01', 1_000_000)], []],
    ['10x the largest earlier change is fine', rising, [set('2026-10-01', 10_000), add('2026-10-02', 100_000)], []],
    [
      'over 10x the largest earlier change asks',
      rising,
      [set('2026-10-01', 10_000), add('2026-10-02', 100_001)],
      [{ kind: 'jump', change: 100_001, largest: 10_000 }],
    ],
    [
      'a set counts as the move it makes',
      rising,
      [set('2026-10-01', 10_000), set('2026-10-02', 120_000)],
      [{ kind: 'jump', change: 110_000 }],
    ],
    ['a fall counts by its size', rising, [set('2026-10-01', 10_000), add('2026-10-02', -150_000)], [{ kind: 'jump', change: -150_000 }]],
    ['both at once', rising, [set('2026-10-01', 100_000), set('2026-10-02', 1_810_000)], [{ kind: 'target' }, { kind: 'jump' }]],
    // Measured from the baseline: 100 → 300 is a move of 200, so past 100 + 5 × 200 = 1,100.
    ['a baseline: 5x the distance to the target', { baseline: 100, target: 300 }, [set('2026-10-01', 1_101)], [{ kind: 'target' }]],
    ['a baseline: below 5x the distance', { baseline: 100, target: 300 }, [set('2026-10-01', 1_100)], []],
    // Churn 5 → 2: falling more than five times as far as planned (below -10) is a slip.
    ['a falling goal far past its target', { baseline: 5, target: 2 }, [set('2026-10-01', -11)], [{ kind: 'target' }]],
    ['a falling goal past its target within 5x', { baseline: 5, target: 2 }, [set('2026-10-01', 0)], []],
    [
      'a falling goal moving the wrong way is only a jump',
      { baseline: 5, target: 2 },
      [set('2026-10-01', 4.5), set('2026-10-02', 50)],
      [{ kind: 'jump', largest: -0.5 }],
    ],
    [
      'the largest earlier change keeps its sign: a falling goal moved down',
      { baseline: 5, target: 2 },
      [set('2026-10-01', 4.5), add('2026-10-02', -6)],
      [{ kind: 'jump', change: -6, largest: -0.5 }],
    ],
    [
      'without a target only jumps count',
      { baseline: 0, target: null },
      [set('2026-10-01', 2), set('2026-10-02', 3), set('2026-10-03', 50)],
      [{ kind: 'jump', largest: 2 }],
    ],
    ['without a target a first value is fine', { baseline: 0, target: null }, [set('2026-10-01', 1_000_000)], []],
  ])('%s', (_name, goal, updates, expected) => {
    expect(findSurprises(goal, updates, updates.length - 1)).toMatchObject(expected);
  });

  it('compares with the changes before it in the replay, not after it', () => {
    // A big set on 1 Oct, then a small back-dated update before it: the small one is not a jump.
    const updates = [set('2026-10-05', 200_000, 1), add('2026-10-02', 1_000, 2)];
    expect(findSurprises(rising, updates, 1)).toEqual([]);
    expect(findSurprises(rising, updates, 0)).toMatchObject([{ kind: 'jump', change: 199_000, largest: 1_000 }]);
  });

  it('says how many times', () => {
    expect(findSurprises(rising, [set('2026-10-01', 1_810_000)], 0)[0]?.ratio).toBeCloseTo(6.033, 3);
  });
});
