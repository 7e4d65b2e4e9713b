import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dumpDb, expectRefused, run, tempDbPath } from '../../helpers.js';
import { colourRun, plainRun, stripSgr } from '../../harness/colour.js';
import { newJournal } from '../../harness/journals.js';

describe('perf config', () => {
  it('lists the defaults on a new journal, without creating it', async () => {
    const db = tempDbPath();
    const result = await run(['config'], { db });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'name                (not set)        your name, for the summary heading',
        'role                (not set)        your role, e.g. "Account Executive, EMEA"',
        "manager             (not set)        your manager's name",
        'cycle.start         01-01 (default)  month-day your review year starts; fiscal',
        '                                     quarters start at its month',
        'scale.max           5 (default)      top of the competency rating scale',
        'currency            USD (default)    the currency of deal values, an ISO 4217',
        '                                     code such as USD, EUR or GBP',
        "backup.auto         true (default)   back up the journal before each day's first",
        '                                     change',
        'backup.keep-daily   7 (default)      days of automatic backups kept',
        'backup.keep-weekly  4 (default)      weeks before those with one kept',
        'numbers.decimal     . (locale)       decimal mark of typed amounts, . or , (not',
        "                                     set: the locale's)",
        'dates.order         mdy (locale)     how 6.5.2026 reads: dmy, mdy or ymd (not',
        "                                     set: the locale's)",
        'checkin.next        (not set)        the next one-to-one (perf checkin --next)',
        'note.types          call, email, meeting, demo, proposal, win, loss, learning,',
        '                    challenge, note (default)',
        '                    the note types --type accepts, comma-separated (note, the',
        '                    default, always)',
        '',
      ].join('\n'),
    });
    const defaults = {
      name: null,
      role: null,
      manager: null,
      'cycle.start': '01-01',
      'scale.max': 5,
      currency: 'USD',
      'backup.auto': true,
      'backup.keep-daily': 7,
      'backup.keep-weekly': 4,
      'numbers.decimal': null,
      'dates.order': null,
      'checkin.next': null,
      'note.types': 'call, email, meeting, demo, proposal, win, loss, learning, challenge, note',
    };
    for (const args of [
      ['config', '--json'],
      ['config', 'list', '--json'],
    ]) {
      const listed = await run(args, { db });
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual(defaults);
    }
    expect((await run(['config', 'list'], { db })).stdout).toBe(result.stdout);
    expect(fs.existsSync(db)).toBe(false);
  });

  it.each<[string, string, string, string | number]>([
    ['name', '  Jane   Doe ', 'Jane Doe', 'Jane Doe'],
    ['role', 'Account Executive, EMEA', 'Account Executive, EMEA', 'Account Executive, EMEA'],
    ['manager', 'María López', 'María López', 'María López'],
    ['cycle.start', '04-01', '04-01', '04-01'],
    ['scale.max', '4', '4', 4],
    ['scale.max', '10', '10', 10],
    ['NAME', 'Jane', 'Jane', 'Jane'],
  ])('set %s %j stores %j, and get reads it back', async (key, value, stored, json) => {
    const db = newJournal();
    const name = key.toLowerCase();
    expect(await run(['config', 'set', key, value], { db })).toEqual({ code: 0, stdout: `${name} = ${stored}\n`, stderr: '' });
    expect(await run(['config', 'get', key], { db })).toEqual({ code: 0, stdout: `${stored}\n`, stderr: '' });
    expect(await run(['config', 'get', key, '--json'], { db })).toEqual({ code: 0, stdout: `${JSON.stringify(json)}\n`, stderr: '' });
    const listed = JSON.parse((await run(['config', 'list', '--json'], { db })).stdout) as Record<string, string | number | null>;
    expect(listed[name]).toBe(json);
    expect(JSON.parse((await run(['config', 'set', key, value, '--json'], { db })).stdout)).toEqual({ [name]: json });
  });

  it('shows what the locale decides for the decimal mark and date order while they are not set', async () => {
    const db = tempDbPath();
    const lines = async (env: Record<string, string>) =>
      (await run(['config'], { db, env })).stdout.split('\n').filter((line) => /^(numbers\.decimal|dates\.order) /.test(line));
    expect(await lines({ LANG: 'de_DE.UTF-8' })).toEqual([
      'numbers.decimal     , (locale)       decimal mark of typed amounts, . or , (not',
      'dates.order         dmy (locale)     how 6.5.2026 reads: dmy, mdy or ymd (not',
    ]);
    expect(await lines({ LC_ALL: 'ja_JP.UTF-8' })).toEqual([
      'numbers.decimal     . (locale)       decimal mark of typed amounts, . or , (not',
      'dates.order         ymd (locale)     how 6.5.2026 reads: dmy, mdy or ymd (not',
    ]);
    // A setting wins over the locale, and is shown as set.
    await run(['config', 'set', 'dates.order', 'mdy'], { db });
    expect(await lines({ LANG: 'de_DE.UTF-8' })).toEqual([
      'numbers.decimal     , (locale)       decimal mark of typed amounts, . or , (not',
      'dates.order         mdy              how 6.5.2026 reads: dmy, mdy or ymd (not',
    ]);
    // With colour, "(locale)" is dimmed like "(default)", and the view reads the same without it.
    const colour = await colourRun(['config'], { db, env: { LANG: 'de_DE.UTF-8' } });
    expect(colour.stdout).toContain(`, ${'\u001b[2m'}(locale)${'\u001b[22m'}`);
    expect(stripSgr(colour.stdout)).toBe((await plainRun(['config'], { db, env: { LANG: 'de_DE.UTF-8' } })).stdout);
    // JSON keeps what is stored: null for a setting left to the locale.
    expect(JSON.parse((await run(['config', '--json'], { db, env: { LANG: 'de_DE.UTF-8' } })).stdout)).toMatchObject({
      'numbers.decimal': null,
      'dates.order': 'mdy',
    });
  });

  it('unset removes a setting: text ones are then not set, the others back to their default', async () => {
    const db = newJournal();
    await run(['config', 'set', 'role', 'Account Executive'], { db });
    await run(['config', 'set', 'cycle.start', '04-01'], { db });
    expect(await run(['config', 'unset', 'role'], { db })).toEqual({ code: 0, stdout: 'Unset role.\n', stderr: '' });
    expect(await run(['config', 'unset', 'cycle.start'], { db })).toEqual({
      code: 0,
      stdout: 'Unset cycle.start: back to its default, 01-01.\n',
      stderr: '',
    });
    expect(await run(['config', 'get', 'role', '--json'], { db })).toEqual({ code: 0, stdout: 'null\n', stderr: '' });
    expect(JSON.parse((await run(['config', '--json'], { db })).stdout)).toMatchObject({ role: null, 'cycle.start': '01-01' });
    expect(dumpDb(db)).not.toContain('"key":"role"');
    // Unsetting what is not set changes nothing.
    const before = dumpDb(db);
    expect((await run(['config', 'unset', 'role'], { db })).stdout).toBe('role is not set; nothing to unset.\n');
    expect(JSON.parse((await run(['config', 'unset', 'scale.max', '--json'], { db })).stdout)).toEqual({ 'scale.max': 5 });
    expect(dumpDb(db)).toEqual(before);
  });

  it('unset on a missing journal does not create it', async () => {
    const db = tempDbPath();
    expect((await run(['config', 'unset', 'manager'], { db })).stdout).toBe('manager is not set; nothing to unset.\n');
    expect(fs.existsSync(db)).toBe(false);
  });

  it.each([
    [
      ['config', 'set', 'name', ''],
      /^perf: invalid value for name: it cannot be empty \(use any text, e.g. "Jane Doe"; to remove it: perf config unset name\)\n$/,
    ],
    [['config', 'set', 'role', '   '], /invalid value for role: it cannot be empty/],
    [
      ['config', 'set', 'colour', 'red'],
      /unknown setting "colour": use one of name, role, manager, cycle.start, scale.max, currency, backup.auto, backup.keep-daily, backup.keep-weekly/,
    ],
    [
      ['config', 'unset', 'colour'],
      /unknown setting "colour": use one of name, role, manager, cycle.start, scale.max, currency, backup.auto, backup.keep-daily, backup.keep-weekly/,
    ],
    [['config', 'get', 'colour'], /unknown setting "colour"/],
    [['config', 'set', 'scale.max', '11'], /invalid scale.max "11": use a whole number from 2 to 10/],
    [['config', 'set', 'cycle.start', '13-01'], /invalid cycle.start "13-01"/],
    [['config', 'unset'], /missing required argument 'key'/],
  ])('refuses %j', async (args, message) => {
    const db = newJournal();
    await run(['config', 'set', 'name', 'Jane Doe'], { db });
    await expectRefused(args, db, message);
  });

  it('marks what is set and what is a default', async () => {
    const db = newJournal();
    await run(['config', 'set', 'name', 'Jane Doe'], { db });
    await run(['config', 'set', 'cycle.start', '04-01'], { db });
    const lines = (await run(['config', 'list'], { db })).stdout.split('\n');
    expect(lines[0]).toBe('name                Jane Doe        your name, for the summary heading');
    expect(lines[3]).toBe('cycle.start         04-01           month-day your review year starts; fiscal');
    expect(lines[5]).toBe('scale.max           5 (default)     top of the competency rating scale');
  });

  it('prints null as JSON for a setting that is not set', async () => {
    const db = newJournal();
    expect(await run(['config', 'get', 'manager', '--json'], { db })).toEqual({ code: 0, stdout: 'null\n', stderr: '' });
    expect(await run(['config', 'get', 'manager'], { db })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses a scale.max below a rating already given', async () => {
    const db = newJournal();
    await run(['config', 'set', 'scale.max', '7'], { db });
    const sqlite = new Database(db);
    sqlite
      .prepare("INSERT INTO ratings (competency_id, date, rating, created_at) VALUES (1, '2026-11-01', 6, '2026-11-01T10:00:00.000Z')")
      .run();
    sqlite.close();
    await expectRefused(
      ['config', 'set', 'scale.max', '5'],
      db,
      /^perf: invalid scale\.max "5": ratings up to 6 already exist; use 6 or more$/m,
    );
    expect(await run(['config', 'set', 'scale.max', '6'], { db })).toEqual({ code: 0, stdout: 'scale.max = 6\n', stderr: '' });
    expect(dumpDb(db)).toContain('"key":"scale.max","value":"6"');
    await expectRefused(
      ['config', 'unset', 'scale.max'],
      db,
      /^perf: cannot unset scale\.max: its default 5 is below ratings of up to 6 already given; keep it$/m,
    );
  });
});
