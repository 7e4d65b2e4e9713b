import { describe, expect, it } from 'vitest';
import { inert, inertDeep, terminalSafe } from '../../src/terminal/inert.js';
import { createTheme, PLAIN_THEME } from '../../src/terminal/theme.js';

describe('inert', () => {
  it.each([
    ['plain text', 'plain text'],
    ['tab\tand\nnewline stay', 'tab\tand\nnewline stay'],
    ['\u001b]0;pwned\u0007', '^[]0;pwned^G'],
    ['\u001b[2J\u001b[31mred', '^[[2J^[[31mred'],
    ['nul\u0000 cr\r del\u007f', 'nul^@ cr^M del^?'],
    ['c1 \u0085 \u009b', 'c1 <U+0085> <U+009B>'],
    ['bidi \u202ereversed\u202c \u2066iso\u2069 \u200f', 'bidi <U+202E>reversed<U+202C> <U+2066>iso<U+2069> <U+200F>'],
    ['emoji 🎉 and ünïcödé', 'emoji 🎉 and ünïcödé'],
  ])('%j → %j', (text, expected) => {
    expect(inert(text)).toBe(expected);
    expect(inert(inert(text))).toBe(expected);
  });

  it('makes every string of a record inert, numbers and nesting kept', () => {
    const record = { id: 3, text: 'a\u001bb', tags: ['x\u0007'], goal: { title: '\u202e' }, none: null, map: new Map([[1, 'y\u0085']]) };
    expect(inertDeep(record)).toEqual({
      id: 3,
      text: 'a^[b',
      tags: ['x^G'],
      goal: { title: '<U+202E>' },
      none: null,
      map: new Map([[1, 'y<U+0085>']]),
    });
  });

  it('copies only what holds an unsafe character: the rest is shared, and the record given is left as it was', () => {
    const safe = { title: 'Renewal', notes: [{ text: 'ok' }] };
    const record = { safe, unsafe: [{ text: 'fine' }, { text: 'a\u001bb' }] };
    const result = inertDeep(record);
    expect(result.safe).toBe(safe);
    expect(result.unsafe[0]).toBe(record.unsafe[0]);
    expect(result.unsafe[1]).toEqual({ text: 'a^[b' });
    expect(record.unsafe[1]).toEqual({ text: 'a\u001bb' });
    expect(inertDeep(safe)).toBe(safe);
  });
});

describe('terminalSafe, the last guard before the terminal', () => {
  it('lets colour codes through only with colour on, and nothing else', () => {
    const text = '\u001b[1mbold\u001b[22m \u001b]0;t\u0007 \u001b[2J';
    expect(terminalSafe(text, true)).toBe('\u001b[1mbold\u001b[22m ^[]0;t^G ^[[2J');
    expect(terminalSafe(text, false)).toBe('^[[1mbold^[[22m ^[]0;t^G ^[[2J');
  });

  it('keeps CRLF line ends (a CSV document) but not a lone CR', () => {
    expect(terminalSafe('a,b\r\nc\rd\n', false)).toBe('a,b\r\nc^Md\n');
  });
});

describe('theme styles take exactly one string', () => {
  it('lines.map(theme.dim) styles each line alone, in colour and plain', async () => {
    const colour = await createTheme(true);
    const lines = ['first', 'second'];
    expect(lines.map(colour.dim)).toEqual(lines.map((line) => colour.dim(line)));
    // eslint-disable-next-line no-control-regex
    expect(lines.map(colour.dim).map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''))).toEqual(lines);
    expect(lines.map(PLAIN_THEME.dim)).toEqual(lines);
    expect(lines.map(colour.pace('behind'))).toEqual(lines.map((line) => colour.pace('behind')(line)));
  });

  it('shows stored control characters inertly inside a style', async () => {
    const colour = await createTheme(true);
    // eslint-disable-next-line no-control-regex
    expect(colour.bold('x\u001b[8my').replace(/\u001b\[[0-9;]*m/g, '')).toBe('x^[[8my');
    expect(PLAIN_THEME.bold('x\u001b[8my')).toBe('x^[[8my');
  });
});
