import { describe, expect, it } from 'vitest';
import { usageError } from '../thrown.js';
import { CONFIG_KEYS, configValueToJson, findConfigKey, settingsFrom } from '../../src/domain/config.js';

const normalize = (key: string, value: string) => findConfigKey(key).normalize(value);

describe('the config keys', () => {
  it('are the ones in CLI.md, with their defaults', () => {
    expect(CONFIG_KEYS.map((k) => [k.key, k.default])).toEqual([
      ['name', null],
      ['role', null],
      ['manager', null],
      ['cycle.start', '01-01'],
      ['scale.max', '5'],
      ['currency', 'USD'],
      ['backup.auto', 'true'],
      ['backup.keep-daily', '7'],
      ['backup.keep-weekly', '4'],
      ['numbers.decimal', null],
      ['dates.order', null],
      ['checkin.next', null],
      ['note.types', 'call, email, meeting, demo, proposal, win, loss, learning, challenge, note'],
    ]);
  });

  it.each([
    ['name', 'name'],
    ['NAME', 'name'],
    [' scale.max ', 'scale.max'],
    ['Cycle.Start', 'cycle.start'],
  ])('%j is the key %s', (raw, key) => {
    expect(findConfigKey(raw).key).toBe(key);
  });

  it.each(['foo', '', 'cycle', 'scale', 'cycle_start', 'names'])('%j is an unknown setting', (raw) => {
    expect(usageError(() => findConfigKey(raw)).message).toBe(
      `unknown setting ${JSON.stringify(raw)}: use one of name, role, manager, cycle.start, scale.max, currency, backup.auto, backup.keep-daily, backup.keep-weekly, numbers.decimal, dates.order, checkin.next, note.types`,
    );
  });
});

describe.each(['name', 'role', 'manager'])('%s (free text)', (key) => {
  it.each([
    ['Jane Doe', 'Jane Doe'],
    ['  Jane   Doe  ', 'Jane Doe'],
    ['Account Executive,\tEMEA', 'Account Executive, EMEA'],
    ['María López', 'María López'],
  ])('%j is stored as %j', (value, stored) => {
    expect(normalize(key, value)).toBe(stored);
  });

  it.each(['', '   ', '\n\t'])('%j is refused', (value) => {
    expect(usageError(() => normalize(key, value)).message).toBe(
      `invalid value for ${key}: it cannot be empty (use any text, e.g. "Jane Doe"; to remove it: perf config unset ${key})`,
    );
  });
});

describe('cycle.start', () => {
  it.each([
    ['01-01', '01-01'],
    ['04-01', '04-01'],
    ['10-15', '10-15'],
    ['12-31', '12-31'],
    ['02-28', '02-28'],
    [' 07-01 ', '07-01'],
  ])('%j is stored as %j', (value, stored) => {
    expect(normalize('cycle.start', value)).toBe(stored);
  });

  it.each(['13-40', '13-01', '00-10', '04-00', '04-31', '02-29', '02-30', '4-1', '04/01', '0401', '2026-04-01', 'april 1', ''])(
    '%j is refused',
    (value) => {
      expect(usageError(() => normalize('cycle.start', value)).message).toBe(
        `invalid cycle.start ${JSON.stringify(value)}: use a month-day such as 01-01 or 04-01`,
      );
    },
  );
});

describe('scale.max', () => {
  it.each([
    ['2', '2'],
    ['4', '4'],
    ['5', '5'],
    ['10', '10'],
    [' 7 ', '7'],
    ['05', '5'],
  ])('%j is stored as %j', (value, stored) => {
    expect(normalize('scale.max', value)).toBe(stored);
  });

  it.each(['1', '0', '11', '100', '-5', '2.5', 'abc', '', '1e1', '+5', 'five'])('%j is refused', (value) => {
    expect(usageError(() => normalize('scale.max', value)).message).toBe(
      `invalid scale.max ${JSON.stringify(value)}: use a whole number from 2 to 10`,
    );
  });
});

describe('settingsFrom', () => {
  const backup = { auto: true, keepDaily: 7, keepWeekly: 4 };
  it.each([
    [{}, { name: null, role: null, manager: null, cycleStart: { month: 1, day: 1 }, scaleMax: 5, currency: 'USD', backup }],
    [
      { name: 'Jane Doe', role: 'AE', manager: 'Maria', 'cycle.start': '04-01', 'scale.max': '4', currency: 'EUR' },
      { name: 'Jane Doe', role: 'AE', manager: 'Maria', cycleStart: { month: 4, day: 1 }, scaleMax: 4, currency: 'EUR', backup },
    ],
    [
      { 'backup.auto': 'false', 'backup.keep-daily': '3', 'backup.keep-weekly': '0' },
      {
        name: null,
        role: null,
        manager: null,
        cycleStart: { month: 1, day: 1 },
        scaleMax: 5,
        currency: 'USD',
        backup: { auto: false, keepDaily: 3, keepWeekly: 0 },
      },
    ],
    // A value damaged outside the program falls back to the default rather than crashing.
    [
      { 'cycle.start': 'soon', 'scale.max': 'many', 'backup.auto': 'perhaps', 'backup.keep-daily': 'x', 'backup.keep-weekly': 'y' },
      { name: null, role: null, manager: null, cycleStart: { month: 1, day: 1 }, scaleMax: 5, currency: 'USD', backup },
    ],
  ])('%j gives %j', (stored, settings) => {
    // checkin.next is read only when it is a day.
    expect(settingsFrom(new Map(Object.entries(stored)))).toEqual({ ...settings, nextOneToOne: null });
  });
});

describe('configValueToJson', () => {
  it.each<[string, string | null, string | number | boolean | null]>([
    ['scale.max', '5', 5],
    ['scale.max', '10', 10],
    ['scale.max', null, null],
    ['cycle.start', '04-01', '04-01'],
    ['name', 'Jane Doe', 'Jane Doe'],
    ['manager', null, null],
    ['backup.auto', 'false', false],
    ['backup.keep-daily', '7', 7],
  ])('%s %j → %j', (key, value, expected) => {
    expect(configValueToJson(key, value)).toBe(expected);
  });
});

describe('currency', () => {
  const normalize = (value: string) => findConfigKey('currency').normalize(value);
  it.each([
    ['EUR', 'EUR'],
    [' gbp ', 'GBP'],
    ['jpy', 'JPY'],
  ])('%j is stored as %j', (value, stored) => {
    expect(normalize(value)).toBe(stored);
  });

  it.each(['XYZ', 'euro', '€', '', 'US'])('%j is refused, naming what is accepted', (value) => {
    expect(() => normalize(value)).toThrow(`invalid currency ${JSON.stringify(value)}: use an ISO 4217 code such as USD, EUR`);
  });
});

describe('numbers.decimal and dates.order', () => {
  it.each([
    ['numbers.decimal', ' , ', ','],
    ['numbers.decimal', '.', '.'],
    ['dates.order', 'DMY', 'dmy'],
    ['dates.order', 'ymd', 'ymd'],
  ])('%s %j is stored as %j', (key, raw, stored) => {
    expect(normalize(key, raw)).toBe(stored);
  });

  it.each([
    ['numbers.decimal', ';', 'invalid numbers.decimal ";": use . (34,000.50) or , (34.000,50)'],
    ['dates.order', 'dm', 'invalid dates.order "dm": use dmy (6.5.2026 is 6 May), mdy (5 June) or ymd (2026-05-06)'],
  ])('%s %j is refused', (key, raw, message) => {
    expect(usageError(() => normalize(key, raw)).message).toBe(message);
  });
});
