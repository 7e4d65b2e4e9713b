import { afterEach, describe, expect, it, vi } from 'vitest';
import { thrown } from '../thrown.js';
import {
  DEFAULT_CYCLE_START,
  currentCycle,
  formatCycleStart,
  nextCycleStart,
  parseCycleStart,
  previousCycle,
  type CycleStart,
} from '../../src/domain/cycle.js';
import { PERIOD_FORMS, fiscalQuarter, resolvePeriod, resolveRange, type PeriodContext } from '../../src/domain/periods.js';
import { UsageError } from '../../src/errors.js';

// Thursday 26 November 2026, mid-afternoon local time.
const now = new Date(2026, 10, 26, 15, 0);
const jan: CycleStart = { month: 1, day: 1 };
const apr: CycleStart = { month: 4, day: 1 };
const oct15: CycleStart = { month: 10, day: 15 };
const dec: CycleStart = { month: 12, day: 1 };

function at(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 12, 0);
}

function ctx(cycleStart: CycleStart = jan, when: Date = now): PeriodContext {
  return { now: when, cycleStart };
}

describe('cycle start', () => {
  it.each([
    ['01-01', { month: 1, day: 1 }],
    ['04-01', { month: 4, day: 1 }],
    ['10-15', { month: 10, day: 15 }],
    ['12-31', { month: 12, day: 31 }],
    ['02-28', { month: 2, day: 28 }],
    [' 04-01 ', { month: 4, day: 1 }],
  ])('parses %j', (text, expected) => {
    expect(parseCycleStart(text)).toEqual(expected);
  });

  it.each([['02-29'], ['13-40'], ['13-01'], ['00-10'], ['04-31'], ['04-00'], ['4-1'], ['2026-04-01'], [''], ['april']])(
    'rejects %j',
    (text) => {
      expect(parseCycleStart(text)).toBeNull();
    },
  );

  it.each([
    [{ month: 4, day: 1 }, '04-01'],
    [{ month: 10, day: 15 }, '10-15'],
    [DEFAULT_CYCLE_START, '01-01'],
  ])('formats %j as %s', (c, expected) => {
    expect(formatCycleStart(c)).toBe(expected);
    expect(parseCycleStart(expected)).toEqual(c);
  });
});

describe('resolvePeriod, calendar forms', () => {
  it.each([
    ['2026', '2026-01-01', '2026-12-31', '2026'],
    ['2024', '2024-01-01', '2024-12-31', '2024'],
    ['2026-07', '2026-07-01', '2026-07-31', 'July 2026'],
    ['2026-02', '2026-02-01', '2026-02-28', 'February 2026'],
    ['2024-02', '2024-02-01', '2024-02-29', 'February 2024'],
    ['2026-12', '2026-12-01', '2026-12-31', 'December 2026'],
    ['this-year', '2026-01-01', '2026-12-31', '2026'],
    ['last-year', '2025-01-01', '2025-12-31', '2025'],
    ['this-month', '2026-11-01', '2026-11-30', 'November 2026'],
    ['last-month', '2026-10-01', '2026-10-31', 'October 2026'],
    ['  This-Month ', '2026-11-01', '2026-11-30', 'November 2026'],
    ['LAST-YEAR', '2025-01-01', '2025-12-31', '2025'],
  ])('%j is %s..%s (%s)', (spec, from, to, label) => {
    // Calendar forms ignore cycle.start.
    for (const c of [jan, apr, oct15]) expect(resolvePeriod(spec, ctx(c))).toEqual({ from, to, label });
  });

  it.each([
    ['2027-01-10', 'last-month', '2026-12-01', '2026-12-31'],
    ['2027-01-10', 'last-year', '2026-01-01', '2026-12-31'],
    ['2027-01-10', 'this-month', '2027-01-01', '2027-01-31'],
    ['2028-03-31', 'last-month', '2028-02-01', '2028-02-29'],
    ['2026-12-31', 'this-month', '2026-12-01', '2026-12-31'],
  ])('on %s %j is %s..%s', (today, spec, from, to) => {
    expect(resolvePeriod(spec, ctx(jan, at(today)))).toMatchObject({ from, to });
  });
});

describe('resolvePeriod, fiscal quarters', () => {
  it.each([
    [jan, '2026-Q1', '2026-01-01', '2026-03-31'],
    [jan, '2026-Q2', '2026-04-01', '2026-06-30'],
    [jan, '2026-Q3', '2026-07-01', '2026-09-30'],
    [jan, '2026-q4', '2026-10-01', '2026-12-31'],
    [apr, '2026-Q1', '2026-04-01', '2026-06-30'],
    [apr, '2026-Q2', '2026-07-01', '2026-09-30'],
    [apr, '2026-Q3', '2026-10-01', '2026-12-31'],
    [apr, '2026-Q4', '2027-01-01', '2027-03-31'],
    [oct15, '2026-Q1', '2026-10-01', '2026-12-31'],
    [oct15, '2026-Q2', '2027-01-01', '2027-03-31'],
    [oct15, '2026-Q3', '2027-04-01', '2027-06-30'],
    [oct15, '2026-Q4', '2027-07-01', '2027-09-30'],
    [dec, '2027-Q1', '2027-12-01', '2028-02-29'],
    [dec, '2026-Q1', '2026-12-01', '2027-02-28'],
    [dec, '2026-Q4', '2027-09-01', '2027-11-30'],
  ])('with cycle.start %j, %s is %s..%s', (c, spec, from, to) => {
    expect(resolvePeriod(spec, ctx(c))).toEqual({ from, to, label: spec.toUpperCase() });
  });

  it.each([
    // cycle.start 04-01: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar of the next year.
    [apr, '2026-04-01', '2026-Q1', '2026-04-01', '2026-06-30', '2025-Q4', '2026-01-01', '2026-03-31'],
    [apr, '2026-06-30', '2026-Q1', '2026-04-01', '2026-06-30', '2025-Q4', '2026-01-01', '2026-03-31'],
    [apr, '2026-08-15', '2026-Q2', '2026-07-01', '2026-09-30', '2026-Q1', '2026-04-01', '2026-06-30'],
    [apr, '2026-11-26', '2026-Q3', '2026-10-01', '2026-12-31', '2026-Q2', '2026-07-01', '2026-09-30'],
    [apr, '2027-01-01', '2026-Q4', '2027-01-01', '2027-03-31', '2026-Q3', '2026-10-01', '2026-12-31'],
    [apr, '2027-03-31', '2026-Q4', '2027-01-01', '2027-03-31', '2026-Q3', '2026-10-01', '2026-12-31'],
    // cycle.start 10-15: quarters still start on day 1 of October.
    [oct15, '2026-10-01', '2026-Q1', '2026-10-01', '2026-12-31', '2025-Q4', '2026-07-01', '2026-09-30'],
    [oct15, '2026-11-26', '2026-Q1', '2026-10-01', '2026-12-31', '2025-Q4', '2026-07-01', '2026-09-30'],
    [oct15, '2027-02-14', '2026-Q2', '2027-01-01', '2027-03-31', '2026-Q1', '2026-10-01', '2026-12-31'],
    [oct15, '2027-05-05', '2026-Q3', '2027-04-01', '2027-06-30', '2026-Q2', '2027-01-01', '2027-03-31'],
    [oct15, '2027-09-30', '2026-Q4', '2027-07-01', '2027-09-30', '2026-Q3', '2027-04-01', '2027-06-30'],
    // Default 01-01: calendar quarters.
    [jan, '2026-02-01', '2026-Q1', '2026-01-01', '2026-03-31', '2025-Q4', '2025-10-01', '2025-12-31'],
    [jan, '2026-05-31', '2026-Q2', '2026-04-01', '2026-06-30', '2026-Q1', '2026-01-01', '2026-03-31'],
    [jan, '2026-09-30', '2026-Q3', '2026-07-01', '2026-09-30', '2026-Q2', '2026-04-01', '2026-06-30'],
    [jan, '2026-11-26', '2026-Q4', '2026-10-01', '2026-12-31', '2026-Q3', '2026-07-01', '2026-09-30'],
  ])(
    'with cycle.start %j on %s this-quarter is %s (%s..%s), last-quarter %s (%s..%s)',
    (c, today, thisLabel, thisFrom, thisTo, lastLabel, lastFrom, lastTo) => {
      const context = ctx(c, at(today));
      expect(resolvePeriod('this-quarter', context)).toEqual({ from: thisFrom, to: thisTo, label: thisLabel });
      expect(resolvePeriod('last-quarter', context)).toEqual({ from: lastFrom, to: lastTo, label: lastLabel });
    },
  );

  it.each([
    [apr, '2026-04-01', 2026, 1, '2026-04-01', '2026-06-30'],
    [apr, '2026-07-01', 2026, 2, '2026-07-01', '2026-09-30'],
    [apr, '2026-12-31', 2026, 3, '2026-10-01', '2026-12-31'],
    [apr, '2027-02-10', 2026, 4, '2027-01-01', '2027-03-31'],
    [apr, '2027-04-01', 2027, 1, '2027-04-01', '2027-06-30'],
    [oct15, '2026-10-14', 2026, 1, '2026-10-01', '2026-12-31'],
    [oct15, '2026-09-30', 2025, 4, '2026-07-01', '2026-09-30'],
    [jan, '2024-02-29', 2024, 1, '2024-01-01', '2024-03-31'],
    [jan, '2026-12-31', 2026, 4, '2026-10-01', '2026-12-31'],
    [dec, '2028-02-29', 2027, 1, '2027-12-01', '2028-02-29'],
  ])('fiscalQuarter with %j of %s is %i-Q%i (%s..%s)', (c, day, year, quarter, from, to) => {
    expect(fiscalQuarter(day, c)).toEqual({ year, quarter, from, to });
  });
});

describe('review cycles', () => {
  it.each([
    // [cycle.start, today, current from, current to, previous from, previous to, next start]
    [jan, '2026-11-26', '2026-01-01', '2026-12-31', '2025-01-01', '2025-12-31', '2027-01-01'],
    [jan, '2026-01-01', '2026-01-01', '2026-12-31', '2025-01-01', '2025-12-31', '2027-01-01'],
    [jan, '2026-12-31', '2026-01-01', '2026-12-31', '2025-01-01', '2025-12-31', '2027-01-01'],
    [apr, '2026-11-26', '2026-04-01', '2027-03-31', '2025-04-01', '2026-03-31', '2027-04-01'],
    [apr, '2026-04-01', '2026-04-01', '2027-03-31', '2025-04-01', '2026-03-31', '2027-04-01'],
    [apr, '2026-03-31', '2025-04-01', '2026-03-31', '2024-04-01', '2025-03-31', '2026-04-01'],
    [oct15, '2026-11-26', '2026-10-15', '2027-10-14', '2025-10-15', '2026-10-14', '2027-10-15'],
    [oct15, '2026-10-15', '2026-10-15', '2027-10-14', '2025-10-15', '2026-10-14', '2027-10-15'],
    [oct15, '2026-10-14', '2025-10-15', '2026-10-14', '2024-10-15', '2025-10-14', '2026-10-15'],
    [{ month: 3, day: 1 }, '2028-02-29', '2027-03-01', '2028-02-29', '2026-03-01', '2027-02-28', '2028-03-01'],
    [{ month: 3, day: 1 }, '2024-03-01', '2024-03-01', '2025-02-28', '2023-03-01', '2024-02-29', '2025-03-01'],
  ])('with cycle.start %j on %s', (c, today, from, to, prevFrom, prevTo, next) => {
    expect(currentCycle(today, c)).toEqual({ from, to, label: `cycle ${from} – ${to}` });
    expect(previousCycle(today, c)).toEqual({ from: prevFrom, to: prevTo, label: `cycle ${prevFrom} – ${prevTo}` });
    expect(nextCycleStart(today, c)).toBe(next);
    expect(resolvePeriod('cycle', ctx(c, at(today)))).toEqual(currentCycle(today, c));
    expect(resolvePeriod(' Last-Cycle ', ctx(c, at(today)))).toEqual(previousCycle(today, c));
  });
});

describe('the cycle arithmetic without the date parser', () => {
  afterEach(() => {
    vi.doUnmock('chrono-node/en');
    vi.resetModules();
  });

  it('loads for perf status, and for a summary of the review cycle, without chrono', async () => {
    vi.resetModules();
    vi.doMock('chrono-node/en', () => {
      throw new Error('chrono was loaded');
    });
    const { buildStatus } = await import('../../src/domain/status.js');
    await import('../../src/commands/reports/summary.js');
    const { summaryPeriod } = await import('../../src/domain/summary.js');
    const cycle = await import('../../src/domain/cycle.js');
    expect(typeof buildStatus).toBe('function');
    expect(summaryPeriod(null, apr, '2026-11-26').from).toBe('2026-04-01');
    expect(cycle.nextCycleStart('2026-11-26', apr)).toBe('2027-04-01');
  });
});

describe('resolvePeriod errors', () => {
  it('names the value and every accepted form on one line', () => {
    const error = thrown(() => resolvePeriod('2026-Q5', ctx()));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'unknown period "2026-Q5": use 2026, 2026-Q3, 2026-07, this-year, last-year, this-quarter, ' +
        'last-quarter, this-month, last-month, cycle or last-cycle',
    );
  });

  it.each([
    ['2026-Q5'],
    ['2026-Q0'],
    ['2026-13'],
    ['2026-00'],
    ['2026-7'],
    ['26'],
    ['last-decade'],
    ['next-month'],
    ['quarter'],
    ['this month'],
    ['2026-07-01'],
    [''],
  ])('rejects %j', (spec) => {
    const error = thrown(() => resolvePeriod(spec, ctx(apr)));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      new RegExp(`^unknown period ${JSON.stringify(spec)}: use 2026, 2026-Q3, 2026-07, this-year, `),
    );
  });

  it('lists the forms for help text', () => {
    expect(PERIOD_FORMS).toBe(
      'YYYY, YYYY-Qn, YYYY-MM, this-year, last-year, this-quarter, last-quarter, this-month, last-month, cycle, last-cycle',
    );
  });
});

describe('resolveRange', () => {
  it('is null without any option', () => {
    expect(resolveRange({}, ctx())).toBeNull();
    expect(resolveRange({ period: undefined, from: undefined, to: undefined }, ctx())).toBeNull();
  });

  it.each([
    [{ period: '2026-07' }, '2026-07-01', '2026-07-31', 'July 2026'],
    [{ period: 'cycle' }, '2026-04-01', '2027-03-31', 'cycle 2026-04-01 – 2027-03-31'],
    [{ period: '2026-Q1' }, '2026-04-01', '2026-06-30', '2026-Q1'],
    [{ from: '2026-06-01', to: '2026-06-30' }, '2026-06-01', '2026-06-30', '2026-06-01 – 2026-06-30'],
    [{ from: '2026-06', to: '2026-06' }, '2026-06-01', '2026-06-30', '2026-06-01 – 2026-06-30'],
    [{ from: '2026', to: '2026' }, '2026-01-01', '2026-12-31', '2026-01-01 – 2026-12-31'],
    [{ from: '2024-02', to: '2024-02' }, '2024-02-01', '2024-02-29', '2024-02-01 – 2024-02-29'],
    [{ from: '2026-06-15', to: '2026-06-15' }, '2026-06-15', '2026-06-15', '2026-06-15 – 2026-06-15'],
    [{ to: '2026-06' }, null, '2026-06-30', 'until 2026-06-30'],
    [{ to: '2026' }, null, '2026-12-31', 'until 2026-12-31'],
    [{ from: '2026' }, '2026-01-01', null, 'since 2026-01-01'],
    [{ from: '2026-06' }, '2026-06-01', null, 'since 2026-06-01'],
    [{ from: ' 3 days ago ', to: 'today' }, '2026-11-23', '2026-11-26', '2026-11-23 – 2026-11-26'],
    [{ from: 'last friday', to: 'tomorrow' }, '2026-11-20', '2026-11-27', '2026-11-20 – 2026-11-27'],
    [{ from: 'Mar 3 2025' }, '2025-03-03', null, 'since 2025-03-03'],
    [{ to: 'in 2 weeks' }, null, '2026-12-10', 'until 2026-12-10'],
  ])('%j is %s..%s', (opts, from, to, label) => {
    expect(resolveRange(opts, ctx(apr))).toEqual({ from, to, label });
  });

  it.each([[{ period: '2026', from: '2026-01-01' }], [{ period: 'cycle', to: '2026-06' }], [{ period: 'nonsense', from: 'x', to: 'y' }]])(
    'refuses --period with --from/--to: %j',
    (opts) => {
      const error = thrown(() => resolveRange(opts, ctx()));
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toBe('use --period or --from/--to, not both');
    },
  );

  it.each([
    [{ from: '2026-07-01', to: '2026-06-30' }, '--from 2026-07-01 is after --to 2026-06-30'],
    [{ from: '2026-07', to: '2026-06' }, '--from 2026-07-01 is after --to 2026-06-30'],
    [{ from: '2027', to: '2026' }, '--from 2027-01-01 is after --to 2026-12-31'],
    [{ from: 'today', to: 'yesterday' }, '--from 2026-11-26 is after --to 2026-11-25'],
  ])('refuses %j', (opts, message) => {
    const error = thrown(() => resolveRange(opts, ctx()));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(message);
  });

  const forms = 'use YYYY-MM-DD, YYYY-MM, YYYY, today, yesterday, "3 days ago", "last friday" or "march 3"';
  it.each([
    [{ from: 'blah' }, `invalid --from date "blah": ${forms}`],
    [{ to: 'blah' }, `invalid --to date "blah": ${forms}`],
    [{ from: '2026-01-01', to: '2026-13' }, `invalid --to date "2026-13": ${forms}`],
    [{ to: '2026-02-30' }, `invalid --to date "2026-02-30": ${forms}`],
    [{ from: '' }, `invalid --from date "": ${forms}`],
    [{ from: 'yesterday-ish' }, `invalid --from date "yesterday-ish": ${forms}`],
  ])('names the option for a bad date: %j', (opts, message) => {
    const error = thrown(() => resolveRange(opts, ctx()));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(message);
  });

  it('reports a bad --period as an unknown period', () => {
    expect(() => resolveRange({ period: '' }, ctx())).toThrow(/^unknown period "": use /);
    expect(() => resolveRange({ period: '2026-Q5' }, ctx())).toThrow(UsageError);
  });
});
