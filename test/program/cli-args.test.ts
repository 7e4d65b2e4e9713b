import { describe, expect, it } from 'vitest';
import { hoistGlobalOptions } from '../../src/cli.js';

describe('hoistGlobalOptions', () => {
  it.each<[string[], string[]]>([
    [
      ['notes', 'show', '12', '--json'],
      ['notes', 'show', '12', '--json'],
    ],
    [
      ['notes', 'show', '12', '--db', 'j.db'],
      ['--db', 'j.db', 'notes', 'show', '12'],
    ],
    [
      ['log', 'hi', '--no-color', '--db=j.db'],
      ['--no-color', '--db=j.db', 'log', 'hi'],
    ],
    [
      ['--db', 'j.db', 'goals'],
      ['--db', 'j.db', 'goals'],
    ],
    [
      ['log', '--', '--db', 'is text'],
      ['log', '--', '--db', 'is text'],
    ],
  ])('%j → %j', (argv, hoisted) => {
    expect(hoistGlobalOptions(argv)).toEqual(hoisted);
  });

  it('refuses --db without a path', () => {
    expect(() => hoistGlobalOptions(['log', 'hi', '--db'])).toThrow(/'--db <path>' argument missing/);
  });
});
