import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/domain/numbers.js';
import { UsageError } from '../../src/errors.js';

// Each input read with the decimal mark `.` and with `,`: a number, or null for refused.
const TABLE: readonly [string, number | null, number | null][] = [
  ['25000', 25000, 25000],
  ['-5', -5, -5],
  ['+15', 15, 15],
  ['2.5', 2.5, null],
  ['2,5', null, 2.5],
  ['.5', 0.5, null],
  ['34,000', 34000, 34],
  ['34.000', 34, 34000],
  ['34.5', 34.5, null],
  ['34,5', null, 34.5],
  ['34.000,50', null, 34000.5],
  ['34,000.50', 34000.5, null],
  ['1,234,567.89', 1234567.89, null],
  ['1.234.567', null, 1234567],
  ['1.234.567,8', null, 1234567.8],
  ['3,40,0', null, null],
  ['3.40.0', null, null],
  ['1,00,000', null, null],
  ['1,2345', null, 1.2345],
  ['12345,678', null, 12345.678],
  ['1,234.5,6', null, null],
  ['34 000', 34000, 34000],
  ["34'000", 34000, 34000],
  ['34 000,5', null, 34000.5],
  ['34,000 000', null, null],
  ['34k', 34000, 34000],
  ['34K', 34000, 34000],
  ['34 k', 34000, 34000],
  ['1.2m', 1200000, null],
  ['1,2M', null, 1200000],
  ['1.1k', 1100, null],
  ['0.0015k', 1.5, null],
  ['-2.5k', -2500, null],
  ['€34.000', 34, 34000],
  ['€34,000', 34000, 34],
  ['$1,200', 1200, 1.2],
  ['€1.2m', 1200000, null],
  ['34000 EUR', 34000, 34000],
  ['34000EUR', 34000, 34000],
  ['usd 5', 5, 5],
  ['EUR 34k', 34000, 34000],
  ['34k€', 34000, 34000],
  ['-€5', -5, -5],
  ['€-5', -5, -5],
  ['34.000 €', 34, 34000],
  ['€€5', null, null],
  ['€5 EUR', null, null],
  ['5kk', null, null],
  ['5km', null, null],
  ['5b', null, null],
  ['k', null, null],
  ['€', null, null],
  ['', null, null],
  ['.', null, null],
  [',', null, null],
  ['1e5', null, null],
  ['0x10', null, null],
  ['abc', null, null],
  ['Infinity', null, null],
  ['--5', null, null],
  ['5-', null, null],
  ['1 2', null, null],
];

describe('parseNumber', () => {
  for (const [input, point, comma] of TABLE) {
    it.each([
      ['.', point],
      [',', comma],
    ] as const)(`reads ${JSON.stringify(input)} with the decimal mark %s`, (decimal, expected) => {
      const read = () => parseNumber(input, '--progress', { decimal });
      if (expected === null) {
        expect(read).toThrow(UsageError);
        expect(read).toThrow(/^invalid --progress ".*": use a number such as 25000, 2[.,]5 or -5 \(/);
      } else {
        expect(read()).toBe(expected);
      }
    });
  }

  it('reads with a decimal point when no mark is given, as before locales counted', () => {
    expect(parseNumber('1,250.50', 'x')).toBe(1250.5);
  });

  it('names the decimal mark in force and the setting that changes it, on one line', () => {
    expect(() => parseNumber('34.000,50', '--progress')).toThrow(
      'invalid --progress "34.000,50": use a number such as 25000, 2.5 or -5 (also 34k, 1.2m, 34,000.50, €34,000; decimals take a point: perf config set numbers.decimal)',
    );
    expect(() => parseNumber('34,000.50', '--progress', { decimal: ',' })).toThrow(/34\.000,50, €34\.000; decimals take a comma/);
  });

  it('gives examples that the decimal mark in force accepts (2,5 under a comma, where 2.5 is refused)', () => {
    expect(() => parseNumber('1.2m', '--target', { decimal: ',' })).toThrow(
      'invalid --target "1.2m": use a number such as 25000, 2,5 or -5 (also 34k, 1,2m, 34.000,50, €34.000; decimals take a comma: perf config set numbers.decimal)',
    );
  });

  it('keeps the ±1e15 limit after a suffix', () => {
    expect(parseNumber('1000000000m', 'x')).toBe(1e15);
    expect(() => parseNumber('1000000001m', '--target')).toThrow(/^--target "1000000001m" is too large/);
    expect(() => parseNumber('9'.repeat(400), 'x')).toThrow(/too large/);
  });
});
