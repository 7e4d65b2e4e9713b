import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { colourRun, plainRun, stripSgr } from '../harness/colour.js';
import { journalFixture } from '../harness/journals.js';
import { run } from '../helpers.js';

const LONG =
  '株式会社アクメの山田部長と来期の予算について電話で話し、売上目標の見直しと新しい提案書の提出期限を確認した。次回は十二月に訪問予定。👍🏽 café';

const seed = journalFixture(async (db) => {
  const ok = async (args: string[]) => expect((await run(args, { db })).code).toBe(0);
  await ok(['goals', 'add', '売上目標を達成する', '--target', '100', '--slug', 'sales', '--start', '2026-10-01']);
  await ok(['log', LONG, '-a', '株式会社アクメ', '-t', '売上', '--goal', 'sales:5', '-d', '2026-11-20']);
  await ok(['log', 'Called Acme about the renewal', '-a', 'Acme', '--goal', 'sales:3', '-d', '2026-11-21']);
  await ok(['goals', 'update', 'sales', '+2', '--note', `${LONG} ${LONG}`, '-d', '2026-11-22']);
});

/** Each view with colour on and off: no line wider than 80 columns, and the same text once colours go. */
async function rendered(args: string[]): Promise<string[]> {
  // Separate journals, as `perf log` writes.
  const [plain, colour] = await Promise.all([plainRun(args, { db: await seed() }), colourRun(args, { db: await seed() })]);
  expect(plain.code).toBe(0);
  expect(stripSgr(colour.stdout)).toBe(plain.stdout);
  const lines = plain.stdout.split('\n');
  for (const line of [...lines, ...colour.stdout.split('\n')]) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  return lines;
}

describe('Japanese, emoji and combining marks on an 80-column screen', () => {
  it.each([[['notes']], [['notes', 'show', '1']], [['goals', 'show', 'sales']], [['log', LONG, '-a', '株式会社アクメ']]])(
    'perf %j wraps within 80 columns',
    async (args) => {
      const lines = await rendered(args);
      expect(lines.join('\n')).toMatch(/株式会社/);
    },
  );

  it('wraps a Japanese note into several lines rather than one long one', async () => {
    const lines = await rendered(['notes']);
    expect(lines.filter((line) => /[売上目標提案書]/.test(line)).length).toBeGreaterThan(1);
  });

  it('keeps the columns of the updates table aligned with Japanese notes', async () => {
    const lines = await rendered(['goals', 'updates', 'sales']);
    const header = lines.findIndex((line) => /\bnote\b/.test(line));
    const noteColumn = stringWidth(lines[header]?.slice(0, lines[header]?.indexOf('note')) ?? '');
    const rule = lines[header + 1] ?? '';
    // Every column of the rule starts where its header does; the note text starts under "note".
    expect(stringWidth(rule.slice(0, rule.lastIndexOf(' ') + 1))).toBe(noteColumn);
    const rows = lines.filter((line) => /^\s+#\d/.test(line));
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const noteStart = [...row].findIndex((_, i) => stringWidth([...row].slice(0, i).join('')) === noteColumn);
      expect(noteStart, row).toBeGreaterThan(0);
      expect([...row][noteStart - 1], row).toBe(' ');
    }
    // The continuation lines of the wrapped note start under it too.
    const continued = lines.slice(header + 2).filter((line) => /^\s{10,}\S/.test(line));
    expect(continued.length).toBeGreaterThan(0);
    for (const line of continued) expect(stringWidth(line.match(/^\s*/)?.[0] ?? ''), line).toBe(noteColumn);
  });
});
