import { describe, expect, it } from 'vitest';
import { wrapParts } from '../../src/terminal/wrap.js';

describe('wrapParts', () => {
  it.each<[string[], number, Parameters<typeof wrapParts>[2], string[]]>([
    [['a', 'b', 'c'], 80, {}, ['a · b · c']],
    [['aaaa', 'bbbb', 'cccc'], 11, {}, ['aaaa · bbbb', 'cccc']],
    [['aaaa', 'bbbb', 'cccc'], 11, { indent: '  ' }, ['aaaa · bbbb', '  cccc']],
    [['aaaa', '', 'bbbb'], 80, {}, ['aaaa · bbbb']],
    [['title', 'late'], 80, { first: '#1  ', separator: ' ' }, ['#1  title late']],
    // A part too long for a line is word-wrapped, continuing under the indent.
    [['one two three four five six', 'x'], 14, { first: '> ', indent: '    ' }, ['> one two', '    three four', '    five six', '    x']],
    // A word longer than the line stays whole.
    [['https://example.com/a/very/long/path'], 10, {}, ['https://example.com/a/very/long/path']],
    [[], 80, { first: '  ' }, ['']],
  ])('%j in %i columns', (parts, width, options, expected) => {
    expect(wrapParts(parts, width, options)).toEqual(expected);
  });

  it('does not count colour codes as columns', () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    expect(wrapParts([red('aaaa'), red('bbbb')], 11)).toEqual([`${red('aaaa')} · ${red('bbbb')}`]);
  });
});
