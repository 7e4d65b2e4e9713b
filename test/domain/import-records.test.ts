import { describe, expect, it } from 'vitest';
import { importTag, refuseField, showValue } from '../../src/domain/import-records.js';
import { UsageError } from '../../src/errors.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('showValue', () => {
  it.each<[unknown, string]>([
    ['notadate', '"notadate"'],
    [6, '6'],
    [null, 'null'],
    [{}, '{}'],
    [[1, 2], '[1,2]'],
    ['x'.repeat(50), `"${'x'.repeat(36)}…`],
  ])('%j → %s', (value, expected) => {
    expect(showValue(value)).toBe(expected);
  });
});

describe('refuseField', () => {
  it.each<[string, string, unknown, string, string]>([
    ['entries[1]', 'date', 'notadate', 'use YYYY-MM-DD', 'invalid date "notadate" in entries[1]: use YYYY-MM-DD; nothing was imported'],
    ['entries[0]', 'date', undefined, 'use YYYY-MM-DD', 'missing date in entries[0]: use YYYY-MM-DD; nothing was imported'],
    [
      'ratings[2] (id 3)',
      'rating',
      6,
      'use a whole number from 1 to 5',
      'invalid rating 6 in ratings[2] (id 3): use a whole number from 1 to 5; nothing was imported',
    ],
  ])('%s %s', (record, field, value, fix, expected) => {
    expect(messageOf(() => refuseField(record, field, value, fix))).toBe(expected);
  });
});

describe('importTag', () => {
  it('takes a tag as perf log does, after the source strips its sign', () => {
    expect(importTag('Q4', 'notes[0]')).toBe('q4');
    expect(importTag('@work', 'entries[0]', (t) => t.replace(/^@/, ''))).toBe('work');
  });

  it.each<[unknown, string]>([
    ['two words', 'invalid tag "two words" in notes[0]: use letters, digits, "_", "-" or "/"; nothing was imported'],
    [7, 'invalid tag 7 in notes[0]: use letters, digits, "_", "-" or "/"; nothing was imported'],
  ])('refuses %j', (tag, expected) => {
    expect(messageOf(() => importTag(tag, 'notes[0]'))).toBe(expected);
  });
});
