import { lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/exporters/journal-csv.js';
import { mdLines, mdTable, mdText } from '../../src/exporters/markdown.js';
import { amountOrNone, changeOrNone, estimateOrNone, formatRatingSpan, percentOrNone } from '../../src/exporters/report-format.js';

describe('csvField (RFC 4180)', () => {
  it.each<[string | number | boolean | null, string]>([
    ['plain', 'plain'],
    ['', ''],
    [null, ''],
    [42, '42'],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['emoji 🎉 stays', 'emoji 🎉 stays'],
    ["'); DROP TABLE notes; --", "'); DROP TABLE notes; --"],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});

/** The visible text of one line of Markdown, as a renderer would show it. */
function rendered(markdown: string): { types: string[]; text: string } {
  const [block] = lexer(markdown);
  const tokens = (block as Tokens.Paragraph | undefined)?.tokens ?? [];
  return {
    types: [block?.type ?? 'none', ...new Set(tokens.map((t) => t.type))],
    text: tokens.map((t) => ('text' in t ? t.text : '')).join(''),
  };
}

describe('mdText', () => {
  it.each([
    'plain words',
    '*not emphasis* and _not either_',
    '# not a heading',
    '- not a list',
    '+ not a list',
    '3. not a list',
    '42) not a list',
    '> not a quote',
    '---',
    '===',
    '<b>not html</b>',
    '`not code`',
    '[not](a link)',
    '~~not struck~~',
    'a | b',
    'back\\slash',
    '3.5% growth',
  ])('%j stays one paragraph that reads as written', (text) => {
    const { types, text: shown } = rendered(mdText(text));
    expect(types.filter((t) => !['paragraph', 'text', 'escape'].includes(t))).toEqual([]);
    expect(types[0]).toBe('paragraph');
    expect(shown).toBe(text);
  });

  it('joins lines with spaces', () => {
    expect(mdText('one\n  two\nthree')).toBe('one two three');
  });
});

describe('mdLines and mdTable', () => {
  it('keeps a multi-line note inside its list item', () => {
    const tokens = lexer(`- ${mdLines('First line\n- not a nested list\n# nor a heading', '  ')}\n- second item`);
    const list = tokens[0] as Tokens.List;
    expect(list.items).toHaveLength(2);
    expect(list.items[0]?.tokens.map((t) => t.type)).toEqual(['text']);
  });

  it('keeps a pipe inside its cell', () => {
    const table = lexer(mdTable(['A', 'B'], [[mdText('x | y'), '1']]))[0] as Tokens.Table;
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([['x | y', '1']]);
    expect(table.rows[0]).toHaveLength(2);
  });
});

describe('report formatting', () => {
  it.each<[string, string]>([
    [amountOrNone(500000, 'USD'), '$500,000'],
    [amountOrNone(1066, 'calls'), '1,066 calls'],
    [amountOrNone(2.5, null), '2.5'],
    [amountOrNone(null, 'USD'), '—'],
    [estimateOrNone(412345.67, 'USD'), '$412,346'],
    [estimateOrNone(null, 'USD'), '—'],
    [changeOrNone(15, null), '+15'],
    [changeOrNone(25000, 'USD'), '+$25,000'],
    [changeOrNone(-5, 'calls'), '-5 calls'],
    [changeOrNone(0, null), '+0'],
    [changeOrNone(null, null), '—'],
    [percentOrNone(4.1), '4.1%'],
    [percentOrNone(101.7), '101.7%'],
    [percentOrNone(-12.5), '0%'],
    [percentOrNone(null), '—'],
    [formatRatingSpan(2, 3), '2 → 3'],
    [formatRatingSpan(4, 4), '4'],
    [formatRatingSpan(null, null), '—'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
