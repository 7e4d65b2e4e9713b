import { describe, expect, it } from 'vitest';
import { renderBar, sparkline } from '../../src/terminal/charts.js';
import { currencyOf, formatAmount, formatChange, formatEstimate, formatPercent } from '../../src/terminal/numbers.js';

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
