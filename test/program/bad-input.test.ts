import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, run, tempDir } from '../helpers.js';
import { seededJournal } from '../fixtures/seeded-notes.js';

type Case = [args: string[], message: RegExp, options?: { input?: string }];

const FORMS = 'use YYYY-MM-DD, today, yesterday, "3 days ago", "last friday" or "march 3"';
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PERIODS = 'use 2026, 2026-Q3, 2026-07, this-year, last-year, this-quarter, last-quarter, this-month, last-month, cycle or last-cycle';

// Every bad input in the issue, and a few more of the same kind: exit 2, one line naming the
// bad value and what is accepted, nothing written.
const CASES: Case[] = [
  // log: dates
  [['log', 'Called Acme', '-d', 'blah'], new RegExp(`^perf: invalid date "blah": ${esc(FORMS)}$`)],
  [['log', 'Called Acme', '-d', 'sometime soon'], /^perf: invalid date "sometime soon": use YYYY-MM-DD/],
  [['log', 'Called Acme', '-d', '2026-02-30'], /^perf: invalid date "2026-02-30": use YYYY-MM-DD/],
  [['log', 'Called Acme', '-d', ''], /^perf: invalid date "": use YYYY-MM-DD/],
  [['log', 'Called Acme', '-d', 'next friday'], /^perf: date "next friday" is in the future: use today \(2026-11-26\) or an earlier day$/],
  [['log', 'Called Acme', '-d', 'tomorrow'], /^perf: date "tomorrow" is in the future: use today \(2026-11-26\)/],
  [['log', 'Called Acme', '--date', '2026-11-27'], /^perf: date "2026-11-27" is in the future/],
  [['log', 'Called Acme', '-d', '2027-01-01'], /^perf: date "2027-01-01" is in the future/],
  // log: empty text
  [['log', ''], /^perf: the note is empty: give its text as arguments, on stdin, or at the prompt$/],
  [['log', '   ', '  '], /^perf: the note is empty/],
  [['log'], /^perf: the note is empty/, { input: '' }],
  [['log', '--type', 'win'], /^perf: the note is empty/, { input: '  \n\n\t\n' }],
  // log: type and tags
  [
    ['log', 'Called Acme', '--type', 'foo'],
    /^perf: unknown note type "foo": use one of call, email, meeting, demo, proposal, win, loss, learning, challenge, note \(your own types: perf config set note\.types\)$/,
  ],
  [['log', 'Called Acme', '--type', ''], /^perf: unknown note type "": use one of call, email/],
  [['log', 'Called Acme', '-t', 'two words'], /^perf: invalid tag "two words": a tag is one word of letters, digits/],
  [['log', 'Called Acme', '-t', '#'], /^perf: invalid tag "#"/],
  // notes: limit
  [['notes', '-n', '0'], /^perf: invalid --limit "0": use a whole number from 1, or all$/],
  [['notes', '-n', '-3'], /^perf: invalid --limit "-3": use a whole number from 1, or all$/],
  [['notes', '--limit', 'abc'], /^perf: invalid --limit "abc": use a whole number from 1, or all$/],
  [['notes', '--json', '-n', 'abc'], /^perf: invalid --limit "abc": use a whole number from 1, or all$/],
  [['notes', '-n', '2.5'], /^perf: invalid --limit "2.5"/],
  // notes: ids
  [['notes', 'show', '99'], /^perf: no note with id 99: see the ids with perf notes$/],
  [['notes', 'show', 'abc'], /^perf: invalid note id "abc": use the number shown in the list \(e\.g\. 12\) or last$/],
  [['notes', 'show', '0'], /^perf: invalid note id "0"/],
  [['notes', 'show', '1.5'], /^perf: invalid note id "1\.5"/],
  [['notes', 'edit', '99', 'New text'], /^perf: no note with id 99: see the ids with perf notes$/],
  [['notes', 'edit', 'abc', 'New text'], /^perf: invalid note id "abc"/],
  [['notes', 'edit', '99', '--star'], /^perf: no note with id 99/],
  [['notes', 'rm', '99', '--yes'], /^perf: no note with id 99: see the ids with perf notes$/],
  [['notes', 'rm', 'abc', '--yes'], /^perf: invalid note id "abc"/],
  [['notes', 'rm', '-1', '--yes'], /^perf: (invalid note id "-1"|unknown option '-1')/],
  // notes: periods and ranges
  [['notes', '--period', '2026-Q5'], new RegExp(`^perf: unknown period "2026-Q5": ${esc(PERIODS)}$`)],
  [['notes', '--period', 'last-decade'], new RegExp(`^perf: unknown period "last-decade": ${esc(PERIODS)}$`)],
  [['notes', '--period', '2026-13'], /^perf: unknown period "2026-13"/],
  [['notes', '--from', '2026-11-01', '--to', '2026-10-01'], /^perf: --from 2026-11-01 is after --to 2026-10-01$/],
  [['notes', '--from', '2026-07', '--to', '2026-06'], /^perf: --from 2026-07-01 is after --to 2026-06-30$/],
  [['notes', '--from', 'blah'], /^perf: invalid --from date "blah": use YYYY-MM-DD, YYYY-MM, YYYY, today/],
  [['notes', '--to', 'whenever'], /^perf: invalid --to date "whenever"/],
  [['notes', '--period', '2026', '--from', '2026-01-01'], /^perf: use --period or --from\/--to, not both$/],
  // notes: other filters
  [['notes', '-q', '"unbalanced'], /^perf: invalid search "\\"unbalanced": a phrase needs both its quotes/],
  [['notes', '-q', 'acme OR'], /^perf: invalid search "acme OR": OR must stand between two words/],
  [['notes', '-q', '  '], /^perf: the search is empty/],
  [['notes', '-t', 'two words'], /^perf: invalid tag "two words"/],
  [['notes', '--type', 'lunch'], /^perf: unknown note type "lunch": use one of call, email/],
  // notes edit: bad changes
  [['notes', 'edit', '1', '-d', 'tomorrow'], /^perf: date "tomorrow" is in the future/],
  [['notes', 'edit', '1', '-d', 'blah'], /^perf: invalid date "blah"/],
  [['notes', 'edit', '1', '--type', 'foo'], /^perf: unknown note type "foo": use one of call, email/],
  [['notes', 'edit', '1', ''], /^perf: the note is empty/],
  [['notes', 'edit', '1', '--star', '--unstar'], /^perf: use --star or --unstar, not both$/],
  [
    ['notes', 'edit', '1'],
    /^perf: nothing to change: give new text or an option such as --date, --type, --account, --star, --tag, --goal, --deal or --competency$/,
  ],
  [['notes', 'edit', '1', '-t', 'a b'], /^perf: invalid tag "a b"/],
  [['notes', 'rm', '1'], /^perf: perf notes rm needs --yes when not run in a terminal$/],
  [
    ['notes', 'edit', '1', '--progress', 'abc'],
    /^perf: invalid --progress "abc": use a number such as 25000, 2\.5 or -5 \(also 34k, 1\.2m, [^)]*\)$/,
  ],
  [['notes', 'edit', '1', '--competency', 'zzz'], /^perf: unknown competency "zzz": see the list with perf competencies$/],
  [['competencies', 'rm', 'nosuch'], /^perf: unknown competency "nosuch": see the list with perf competencies$/],
  // config
  [
    ['config', 'set', 'foo', '1'],
    /^perf: unknown setting "foo": use one of name, role, manager, cycle\.start, scale\.max, currency, backup\.auto, backup\.keep-daily, backup\.keep-weekly, numbers\.decimal, dates\.order, checkin\.next, note\.types$/,
  ],
  [
    ['config', 'get', 'foo'],
    /^perf: unknown setting "foo": use one of name, role, manager, cycle\.start, scale\.max, currency, backup\.auto, backup\.keep-daily, backup\.keep-weekly, numbers\.decimal, dates\.order, checkin\.next, note\.types$/,
  ],
  [['config', 'set', 'cycle.start', '13-40'], /^perf: invalid cycle\.start "13-40": use a month-day such as 01-01 or 04-01$/],
  [['config', 'set', 'cycle.start', '02-29'], /^perf: invalid cycle\.start "02-29"/],
  [['config', 'set', 'cycle.start', 'april'], /^perf: invalid cycle\.start "april"/],
  [['config', 'set', 'scale.max', '1'], /^perf: invalid scale\.max "1": use a whole number from 2 to 10$/],
  [['config', 'set', 'scale.max', '11'], /^perf: invalid scale\.max "11": use a whole number from 2 to 10$/],
  [['config', 'set', 'scale.max', 'five'], /^perf: invalid scale\.max "five"/],
  [['config', 'set', 'name', '   '], /^perf: invalid value for name: it cannot be empty/],
  [['config', 'set', 'name'], /^perf: missing required argument 'value'$/],
];

const title = (args: string[]) => args.map((a) => JSON.stringify(a)).join(' ');
// Messages end at the line's end, before the newline that ends stderr.
const line = (message: RegExp) => new RegExp(message.source, `${message.flags}m`);

describe('bad input on a journal with notes', () => {
  let db: string;
  beforeAll(async () => {
    db = await seededJournal();
    await run(['config', 'set', 'name', 'Jane Doe'], { db });
  });

  it.each(CASES.map(([args, message, options]) => [title(args), args, message, options] as const))(
    'perf %s exits 2 and changes nothing',
    async (_, args, message, options) => {
      await expectRefused(args, db, line(message), options ?? {});
    },
  );
});

describe('bad input on a missing journal', () => {
  it.each(CASES.map(([args, message, options]) => [title(args), args, message, options] as const))(
    'perf %s exits 2 and creates nothing',
    async (_, args, message, options) => {
      const db = path.join(tempDir(), 'not-yet', 'journal.db');
      const result = await run(args, { db, ...options });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      // On an empty journal, note 1 does not exist either: that may be the error reported first.
      const aboutANote = args[0] === 'notes' && ['show', 'edit', 'rm'].includes(args[1] ?? '');
      if (aboutANote && !line(message).test(result.stderr))
        expect(result.stderr).toMatch(/^perf: no note with id \d+: see the ids with perf notes\n$/);
      else expect(result.stderr).toMatch(line(message));
      expect(fs.existsSync(path.dirname(db))).toBe(false);
    },
  );
});
