import { describe, expect, it } from 'vitest';
import { renderBar, sparkline } from '../../src/terminal/charts.js';
import {
  currencyOf,
  formatAmount,
  formatChange,
  formatEstimate,
  formatPercent,
  formatter,
  intlFormatter,
} from '../../src/terminal/numbers.js';

describe('formatAmount', () => {
  it.each<[number, string | null, string]>([
    [125000, 'USD', '$125,000'],
    [125000, 'usd', '$125,000'],
    [125000, '$', '$125,000'],
    [12.5, 'USD', '$12.50'],
    [-5000, 'USD', '-$5,000'],
    [0, 'USD', '$0'],
    [1234567, 'EUR', '€1,234,567'],
    [1234567, '€', '€1,234,567'],
    [99, 'GBP', '£99'],
    [99, '£', '£99'],
    [1200, 'calls', '1,200 calls'],
    [3, 'deals', '3 deals'],
    [2.5, '%', '2.5%'],
    [1.3333, '%', '1.33%'],
    [1234567.891, null, '1,234,567.89'],
    [-0, null, '0'],
    [40, 'all', '40 all'],
    [270000, 'USD', '$270,000'],
    [4.1, '%', '4.1%'],
    [1066, 'calls', '1,066 calls'],
    [270000.001, 'USD', '$270,000'],
    [12.345, 'USD', '$12.35'],
    [-0.004, 'USD', '$0'],
    [-0.001, null, '0'],
    [-0.004, '%', '0%'],
    [1000000.75, 'USD', '$1,000,000.75'],
    [600, 'qualified opportunities', '600 qualified opportunities'],
  ])('%d %j → %j', (value, unit, text) => {
    expect(formatAmount(value, unit)).toBe(text);
  });

  it.each([
    ['USD', 'USD'],
    ['$', 'USD'],
    ['eur', 'EUR'],
    ['calls', null],
    ['%', null],
    ['ALL', null],
    [null, null],
  ])('currencyOf(%j) = %j', (unit, code) => {
    expect(currencyOf(unit)).toBe(code);
  });

  it.each<[number, string | null, string]>([
    [25000, 'USD', '+$25,000'],
    [-5, 'calls', '-5 calls'],
    [0, null, '+0'],
    [-0.3, '%', '-0.3%'],
  ])('formatChange(%d, %j) = %j', (amount, unit, text) => {
    expect(formatChange(amount, unit)).toBe(text);
  });

  it.each<[number, string | null, string]>([
    [304255.32, 'USD', '$304,255'],
    [99.5, 'USD', '$99.50'],
    [1.31, '%', '1.31%'],
    [24.6, 'demos', '24.6 demos'],
  ])('formatEstimate(%d, %j) = %j', (value, unit, text) => {
    expect(formatEstimate(value, unit)).toBe(text);
  });

  it.each([
    [25, '25%'],
    [54.94, '54.9%'],
    [120, '120%'],
    [0, '0%'],
  ])('formatPercent(%d) = %j', (percent, text) => {
    expect(formatPercent(percent)).toBe(text);
  });
});

describe('renderBar', () => {
  it.each<[number, number, number | null, string]>([
    [0, 10, null, '░░░░░░░░░░'],
    [1, 10, null, '██████████'],
    [1.5, 10, null, '██████████'],
    [-0.5, 10, null, '░░░░░░░░░░'],
    [0.5, 10, null, '█████░░░░░'],
    [0.55, 10, null, '█████▌░░░░'],
    [0.3, 10, 0.5, '███░░│░░░░'],
    [0.3, 10, 0.2, '███░░░░░░░'],
    [0, 10, 1, '░░░░░░░░░│'],
    [Number.NaN, 4, null, '░░░░'],
  ])('renderBar(%d, %d, %j) = %j', (fraction, width, expected, bar) => {
    expect(renderBar(fraction, width, expected)).toBe(bar);
    expect([...bar]).toHaveLength(width);
  });
});

describe('sparkline', () => {
  it.each<[number[], string]>([
    [[], ''],
    [[5], '▄'],
    [[1, 1, 1], '▄▄▄'],
    [[0, 7], '▁█'],
    [[0, 1, 2, 3, 4, 5, 6, 7], '▁▂▃▄▅▆▇█'],
    [[3, 1, 2], '█▁▅'],
  ])('%j → %j', (values, line) => {
    expect(sparkline(values)).toBe(line);
  });
});

describe('the formatters written without Intl (its first use costs 15-20 ms at start-up)', () => {
  // Values where rounding is hard: halves in decimal that are not halves in binary (1.005),
  // carries through nines, negatives that round to zero, and long and tiny numbers.
  const tricky = [
    0,
    -0,
    1,
    -1,
    0.5,
    1.005,
    2.675,
    1.045,
    0.125,
    0.375,
    9.995,
    99.995,
    999.5,
    999999.995,
    -0.001,
    -0.005,
    0.004999,
    1234567.891,
    -1234567.891,
    1e6,
    123456789012.345,
    5e-7,
    1e-7,
    1e21,
    9.999e20,
    0.1 + 0.2,
    54.94,
    54.95,
    54.85,
    120,
    4.1,
    1066,
    270000,
  ];
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const generated = Array.from({ length: 3000 }, (_, i) => {
    const scale = 10 ** Math.floor(random() * 10 - 3);
    const value = (random() - 0.3) * scale;
    // Some values at exact cents and thousandths, as the journal stores them.
    return i % 3 === 0 ? Math.round(value * 100) / 100 : i % 3 === 1 ? Math.round(value * 1000) / 1000 : value;
  });

  it.each([
    [null, 0],
    [null, 1],
    [null, 2],
    ['USD', 0],
    ['USD', 2],
    ['EUR', 0],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['CHF', 2],
  ] as const)('%s with %i decimals writes what Intl.NumberFormat en-US writes', (currency, decimals) => {
    const ours = formatter(currency, decimals);
    const intl = intlFormatter(currency, decimals);
    const differ = [...tricky, ...generated].filter((value) => ours.format(value) !== intl.format(value));
    expect(differ.map((value) => [value, ours.format(value), intl.format(value)])).toEqual([]);
  });
});
