import { lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { csvField, renderJournalCsv } from '../../src/exporters/journal-csv.js';
import { renderJournalMarkdown } from '../../src/exporters/journal-md.js';
import { mdLines, mdQuote, mdText } from '../../src/exporters/markdown.js';
import { run, tempDbPath } from '../helpers.js';

describe('CSV cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
  it.each<[string, string]>([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['=1+1', `"'=1+1"`],
    ['+1+1', `"'+1+1"`],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['-', `"'-"`],
  ])('%j is written as text', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each<[string | number, string]>([
    ['a = b', 'a = b'],
    ['2 + 2', '2 + 2'],
    ['mail me@example.com', 'mail me@example.com'],
    [-5, '-5'],
    [48000, '48000'],
  ])('%j is left as it is (text that starts otherwise, and numbers of a number column)', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('a lone CR inside a cell is inside quotes, and other control characters are inert', () => {
    expect(csvField('one\rtwo')).toBe('"one\rtwo"');
    expect(csvField('esc\u001b[2J')).toBe('esc^[[2J');
  });

  it('perf export --format csv neutralises note text, account and tags, and keeps a negative progress a number', async () => {
    const db = tempDbPath();
    await run(['goals', 'add', 'Pipeline', '--slug', 'pipe', '--target', '10'], { db });
    expect((await run(['log', '=HYPERLINK("http://x","y")', '-a', '@acme', '--goal', 'pipe', '--progress', '-5'], { db })).code).toBe(0);
    const csv = (await run(['export', '--format', 'csv'], { db })).stdout;
    const row = csv.split('\r\n')[1] ?? '';
    expect(row).toContain(`"'@acme"`);
    expect(row).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(row).toContain(',pipe,-5,');
  });
});

describe('Markdown: stored text never starts a block', () => {
  it.each(['a\r# injected heading', 'a\r\n# injected heading', 'a\n# injected heading'])(
    '%j in one-line text stays one paragraph',
    (text) => {
      const tokens = lexer(`### 2026-11-26 ${mdText(text)}`);
      expect(tokens.map((t) => t.type)).toEqual(['heading']);
      expect(tokens.filter((t) => t.type === 'heading')).toHaveLength(1);
    },
  );

  it.each(['a\r# heading', 'a\r- list', 'a\r> quote', 'a\r| t | t |\r|---|---|', 'a\r1. list', 'a\r```'])(
    '%j inside text keeps its lines but starts no block',
    (text) => {
      const tokens = lexer(mdLines(text, ''));
      expect(tokens.map((t) => t.type)).toEqual(['paragraph']);
      const quoted = lexer(mdQuote(text));
      expect(quoted.map((t) => t.type)).toEqual(['blockquote']);
    },
  );

  it('perf export --format md: a lone CR in a note adds no heading', async () => {
    const db = tempDbPath();
    const dump = {
      notes: [
        {
          id: 1,
          date: '2026-11-26',
          text: 'Title\r# Fake heading\r\u001b[2J',
          type: 'note',
          account: 'Acme\r# Also',
          starred: false,
          tags: [],
          goalIds: [],
          competencyIds: [],
        },
      ],
      goals: [],
      goalCheckins: [],
      competencies: [],
    };
    const md = renderJournalMarkdown(dump as never);
    const headings = lexer(md)
      .filter((t) => t.type === 'heading')
      .map((t) => (t as { text: string }).text);
    expect(headings).toEqual(['2026', 'November', '2026-11-26 Title']);
    expect(md).toContain('^\\[\\[2J');
    expect(md).not.toContain('\r');
    expect(md).not.toContain('\u001b');
    // The JSON export keeps the exact text.
    await run(['log', 'x \u001b]0;pwned\u0007'], { db });
    const json = JSON.parse((await run(['export', '--format', 'json'], { db })).stdout) as { notes: { text: string }[] };
    expect(json.notes[0]?.text).toBe('x \u001b]0;pwned\u0007');
    expect(renderJournalCsv(dump as never)).toContain('"Title\r# Fake heading\r^[[2J"');
  });
});
