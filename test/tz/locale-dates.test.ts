import { describe, expect, it } from 'vitest';
import { expectRefused, run, stderrAfterCreating, tempDbPath } from '../helpers.js';

/** Runs in every zone of the matrix: a typed day is the same calendar day wherever the rep is. */
async function logged(db: string, date: string, env: Record<string, string>): Promise<string> {
  const result = await run(['log', 'Called Acme', '-d', date, '--json'], { db, env });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { date: string }).date;
}

describe(`numeric and worded dates by the locale (TZ=${process.env.TZ})`, () => {
  it.each([
    [{}, '6.5.2026', '2026-06-05'],
    [{ LANG: 'en_US.UTF-8' }, '6.5.2026', '2026-06-05'],
    [{ LANG: 'de_DE.UTF-8' }, '6.5.2026', '2026-05-06'],
    [{ LANG: 'en_GB.UTF-8' }, '03/04/2026', '2026-04-03'],
    [{ LANG: 'ja_JP.UTF-8' }, '26/04/03', '2026-04-03'],
    [{ LANG: 'de_DE.UTF-8', LC_ALL: 'C' }, '6.5.2026', '2026-06-05'],
    [{ LANG: 'en_US.UTF-8', LC_TIME: 'fr_FR.UTF-8' }, '03/04/2026', '2026-04-03'],
    [{ LANG: 'de_DE.UTF-8' }, '4. März 2026', '2026-03-04'],
    [{ LANG: 'fr_FR.UTF-8' }, '4 mars 2026', '2026-03-04'],
    [{ LANG: 'fr_FR.UTF-8' }, 'yesterday', '2026-11-25'],
  ])('%j: %s is %s', async (env, date, day) => {
    expect(await logged(tempDbPath(), date, env)).toBe(day);
  });

  it('dates.order wins over the locale', async () => {
    const db = tempDbPath();
    expect((await run(['config', 'set', 'dates.order', 'mdy'], { db })).code).toBe(0);
    expect(await logged(db, '6.5.2026', { LANG: 'de_DE.UTF-8' })).toBe('2026-06-05');
  });

  it('refuses a numeric date that is no day in the order, naming it', async () => {
    const db = tempDbPath();
    await logged(db, 'today', {});
    await expectRefused(
      ['log', 'x', '-d', '13/13/2026'],
      db,
      /^perf: invalid date "13\/13\/2026": read as month\/day\/year \(dates\.order mdy\), that is no day; use YYYY-MM-DD, or another order: perf config set dates\.order dmy\|mdy\|ymd\n$/,
    );
    await expectRefused(['log', 'x', '-d', '31.4.2026'], db, /read as day\.month\.year \(dates\.order dmy\)/, {
      env: { LANG: 'de_DE.UTF-8' },
    });
  });
});
