import { describe, expect, it } from 'vitest';
import { usageError } from '../thrown.js';
import { parseId, parseLimit, parsePositiveInt } from '../../src/domain/ids.js';
import { parseNumber } from '../../src/domain/numbers.js';

describe('parseId', () => {
  it.each([
    ['1', 1],
    ['12', 12],
    ['#12', 12],
    [' 7 ', 7],
    ['007', 7],
    ['9007199254740991', 9007199254740991],
  ])('%j is id %d', (raw, id) => {
    expect(parseId(raw, 'note')).toBe(id);
  });

  it.each(['0', '#0', '-1', 'abc', '1.5', '', ' ', '12a', '1e3', '+3', '0x10', '# 12', '9007199254740993'])('%j is refused', (raw) => {
    expect(usageError(() => parseId(raw, 'note')).message).toBe(
      `invalid note id ${JSON.stringify(raw)}: use the number shown in the list (e.g. 12)`,
    );
  });

  it('names the kind of record', () => {
    expect(usageError(() => parseId('x', 'goal')).message).toMatch(/^invalid goal id "x"/);
  });
});

describe('parsePositiveInt', () => {
  it.each([
    ['1', 1],
    ['20', 20],
    [' 5 ', 5],
    ['0100', 100],
  ])('%j is %d', (raw, n) => {
    expect(parsePositiveInt(raw, '--limit')).toBe(n);
  });

  it.each(['0', '-3', 'abc', '2.5', '', '+3', '1e2', '9007199254740993'])('%j is refused', (raw) => {
    expect(usageError(() => parsePositiveInt(raw, '--limit')).message).toBe(
      `invalid --limit ${JSON.stringify(raw)}: use a whole number of 1 or more`,
    );
  });
});

describe('parseLimit', () => {
  it.each([
    ['1', 1],
    ['20', 20],
    ['all', 'all'],
    [' ALL ', 'all'],
  ])('%j is %j', (raw, n) => {
    expect(parseLimit(raw, '--limit')).toBe(n);
  });

  it.each(['0', '-3', 'abc', '2.5', '', 'none'])('%j is refused, naming what is accepted', (raw) => {
    expect(usageError(() => parseLimit(raw, '--limit')).message).toBe(
      `invalid --limit ${JSON.stringify(raw)}: use a whole number from 1, or all`,
    );
  });
});

describe('parseNumber', () => {
  it.each([
    ['25000', 25000],
    ['1,250.50', 1250.5],
    ['1,000,000', 1000000],
    ['-5', -5],
    ['+15', 15],
    ['2.5', 2.5],
    ['.5', 0.5],
    [' 3 ', 3],
    ['0', 0],
  ])('%j is %d', (raw, n) => {
    expect(parseNumber(raw, 'value')).toBe(n);
  });

  it.each(['abc', '', '1,25', '12,3456', '1.2.3', '5%', '$$5', '1e3', '--5', '.', '5.', 'Infinity', 'NaN'])('%j is refused', (raw) => {
    expect(usageError(() => parseNumber(raw, 'value')).message).toBe(
      `invalid value ${JSON.stringify(raw)}: use a number such as 25000, 2.5 or -5 (also 34k, 1.2m, 34,000.50, €34,000; decimals take a point: perf config set numbers.decimal)`,
    );
  });
});
