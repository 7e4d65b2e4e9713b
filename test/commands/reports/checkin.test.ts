import fs from 'node:fs';
import path from 'node:path';
import { lexer, type Tokens } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRealisticYear } from '../../fixtures/realistic-year.js';
import { dumpDb, expectRefused, run, tempDbPath, tempDir } from '../../helpers.js';

let db: string;

beforeAll(() => {
  db = buildRealisticYear(tempDbPath());
});

async function agenda(args: string[], database = db) {
  const result = await run(['checkin', '--json', ...args], { db: database });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

describe('perf checkin: the agenda since the last one-to-one', () => {
  let a: any;
  beforeAll(async () => {
    a = await agenda([]);
  });

  it('starts on the day of the last recorded one-to-one', () => {
    expect(a).toMatchObject({ from: '2026-11-12', to: '2026-11-26', basis: 'last-checkin', notes: 12 });
    expect(a.lastCheckin).toEqual({ date: '2026-11-12', note: 'Discussed the NPS survey' });
  });

  it('shows the progress per open goal since then', () => {
    expect(a.goals.map((g: any) => [g.slug, g.valueAtStart, g.current, g.change, g.checkins, g.percent, g.pace])).toEqual([
      ['new-arr', 320000, 400000, 80000, 1, 80, 'behind'],
      ['account-nps', 44, 44, 0, 0, 70, 'overdue'],
    ]);
  });

  it('lists the goals at risk, overdue first', () => {
    expect(a.atRisk.map((g: any) => [g.slug, g.pace])).toEqual([
      ['account-nps', 'overdue'],
      ['new-arr', 'behind'],
    ]);
  });

  it('brings up challenges and losses, wins, and feedback received in the range only', () => {
    expect(a.challenges.map((n: any) => [n.date, n.type, n.text])).toEqual([
      ['2026-11-18', 'loss', 'Lost Hooli to a competitor on price'],
      ['2026-11-20', 'challenge', 'Legal review is stalling the Umbrella expansion'],
    ]);
    expect(a.wins.map((n: any) => n.text)).toEqual(['Acme expansion: 80k ARR']);
    expect(a.feedback.map((f: any) => [f.from, f.relationship, f.text])).toEqual([
      ['Priya (Initech)', 'customer', 'Thanks for the quick turnaround on the pricing.'],
    ]);
  });

  it('lists development overdue or due within 14 days', () => {
    expect(a.development.map((d: any) => [d.title, d.due, d.overdue])).toEqual([
      ["Read 'Never Split the Difference'", '2026-11-01', true],
      ['Shadow a senior AE on discovery calls', '2026-12-05', false],
    ]);
  });

  it('prints the same agenda for the terminal and as Markdown', async () => {
    const text = await run(['checkin'], { db });
    expect(text.code).toBe(0);
    for (const heading of [
      'PROGRESS PER GOAL',
      'GOALS AT RISK',
      'CHALLENGES AND LOSSES',
      'WINS TO MENTION',
      'FEEDBACK RECEIVED',
      'DEVELOPMENT FOLLOW-UPS',
    ]) {
      expect(text.stdout.split('\n')).toContain(heading);
    }
    expect(text.stdout).toContain('Since the last one-to-one on 12 Nov 2026.');
    expect(Math.max(...text.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);

    const md = await run(['checkin', '--format', 'md'], { db });
    const tokens = lexer(md.stdout);
    expect(tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((t) => t.text)).toEqual([
      'Agenda for the one-to-one',
      'Agreed last time (12 Nov 2026)',
      'Progress per goal',
      'Goals at risk',
      'Challenges and losses',
      'Wins to mention',
      'Feedback received',
      'Development follow-ups',
    ]);
    expect(md.stdout).not.toMatch(/\x1b\[/);
  });

  it('shows a goal closed in the range by its status, done or dropped, where the pace would be', async () => {
    const text = await run(['checkin', '--since', '2025-11-01'], { db });
    const lines = text.stdout.split('\n');
    expect(lines).toContain('  Make 600 prospecting calls       610 calls  +610 calls  101.7%  done');
    expect(lines).toContain('  Launch the partner channel               —           —       —  dropped');
    const md = await run(['checkin', '--since', '2025-11-01', '--format', 'md'], { db });
    const progress = lexer(md.stdout).find((t): t is Tokens.Table => t.type === 'table');
    expect(progress?.rows.map((r) => [r[0]?.text, r.at(-1)?.text])).toEqual([
      ['Close $500,000 new ARR', 'behind'],
      ['Make 600 prospecting calls', 'done'],
      ['Raise account NPS from 30 to 50', 'overdue'],
      ['Launch the partner channel', 'dropped'],
      ['Earn 3 product certifications', 'done'],
    ]);
  });
});

describe('perf checkin starts with what was agreed at the last one-to-one', () => {
  const headingsOf = (md: string) =>
    lexer(md)
      .filter((t): t is Tokens.Heading => t.type === 'heading')
      .map((t) => t.text);

  it('shows its note first, in text and in Markdown', async () => {
    const text = (await run(['checkin'], { db })).stdout.split('\n');
    expect(text.slice(3, 7)).toEqual(['', 'AGREED LAST TIME (12 Nov 2026)', '  Discussed the NPS survey', '']);
    expect(text[7]).toBe('PROGRESS PER GOAL');
    const md = (await run(['checkin', '--format', 'md'], { db })).stdout;
    expect(headingsOf(md).slice(0, 3)).toEqual(['Agenda for the one-to-one', 'Agreed last time (12 Nov 2026)', 'Progress per goal']);
    expect(md).toContain('## Agreed last time (12 Nov 2026)\n\n> Discussed the NPS survey\n\n## Progress per goal');
  });

  it('also with --since, and keeps a note of several lines on its lines, inert in Markdown', async () => {
    const copy = tempDbPath();
    fs.copyFileSync(db, copy);
    expect((await run(['checkin', '--done', '--note', '# Focus\n- Acme *first*\n- Globex'], { db: copy })).code).toBe(0);
    const text = (await run(['checkin', '--since', '2026-11-01'], { db: copy })).stdout;
    expect(text).toContain('\nAGREED LAST TIME (26 Nov 2026)\n  # Focus\n  - Acme *first*\n  - Globex\n\nPROGRESS PER GOAL\n');
    const md = (await run(['checkin', '--format', 'md'], { db: copy })).stdout;
    expect(md).toContain('## Agreed last time (26 Nov 2026)\n\n> \\# Focus\n> \\- Acme \\*first\\*\n> \\- Globex\n\n## Progress per goal');
    expect(headingsOf(md)).not.toContain('Focus');
  });

  it('says nothing was noted when the last one-to-one has no note', async () => {
    const copy = tempDbPath();
    fs.copyFileSync(db, copy);
    expect((await run(['checkin', '--done'], { db: copy })).code).toBe(0);
    expect((await run(['checkin'], { db: copy })).stdout).toContain(
      '\nAGREED LAST TIME (26 Nov 2026)\n  Nothing noted.\n\nPROGRESS PER GOAL\n',
    );
    expect((await run(['checkin', '--format', 'md'], { db: copy })).stdout).toContain(
      '## Agreed last time (26 Nov 2026)\n\nNothing noted.\n\n## Progress per goal',
    );
  });

  it('has no such section before the first one-to-one', async () => {
    const fresh = tempDbPath();
    await run(['log', 'Called Acme'], { db: fresh });
    expect((await run(['checkin'], { db: fresh })).stdout).not.toMatch(/AGREED/);
    expect(headingsOf((await run(['checkin', '--format', 'md'], { db: fresh })).stdout)[1]).toBe('Progress per goal');
  });
});

describe('perf checkin --since', () => {
  it('covers the days since the given date', async () => {
    const a = await agenda(['--since', '2026-11-01']);
    expect(a).toMatchObject({ from: '2026-11-01', basis: 'since' });
    expect(a.challenges.map((n: any) => n.date)).toEqual(['2026-11-06', '2026-11-18', '2026-11-20']);
    expect(a.goals[0]).toMatchObject({ slug: 'new-arr', valueAtStart: 320000, change: 80000 });
  });

  it('takes natural dates', async () => {
    const a = await agenda(['--since', 'last monday']);
    expect(a.from).toBe('2026-11-23');
    expect(a.challenges).toEqual([]);
  });
});

describe('perf checkin without a recorded one-to-one', () => {
  it('covers the last 14 days, and logged notes show up', async () => {
    const fresh = tempDbPath();
    await run(['log', 'Customer went dark after the demo', '--type', 'challenge', '-d', '3 days ago'], { db: fresh });
    await run(['log', 'Old problem', '--type', 'challenge', '-d', '20 days ago'], { db: fresh });
    await run(['log', 'Lost Initech', '--type', 'loss', '-d', 'today'], { db: fresh });
    const a = await agenda([], fresh);
    expect(a).toMatchObject({ from: '2026-11-12', basis: 'default', lastCheckin: null, notes: 2 });
    expect(a.challenges.map((n: any) => n.text)).toEqual(['Customer went dark after the demo', 'Lost Initech']);
    expect((await run(['checkin'], { db: fresh })).stdout).toContain('no one-to-one recorded yet');
  });

  it('on a missing journal prints an empty agenda and creates nothing', async () => {
    const missing = tempDbPath();
    const result = await run(['checkin'], { db: missing });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No open goals.');
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('perf checkin --done', () => {
  it('records the one-to-one, and the next agenda starts from it', async () => {
    const copy = tempDbPath();
    fs.copyFileSync(db, copy);
    const done = await run(['checkin', '--done', '--note', 'Agreed: focus on Acme and Globex'], { db: copy });
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toMatch(/^Recorded the one-to-one on Thu 26 Nov 2026 \(#3\)/);
    expect(Math.max(...done.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const a = await agenda([], copy);
    expect(a).toMatchObject({
      from: '2026-11-26',
      basis: 'last-checkin',
      lastCheckin: { date: '2026-11-26', note: 'Agreed: focus on Acme and Globex' },
    });
    expect(a.notes).toBe(1);
  });

  it('prints the record with --json and creates the journal if needed', async () => {
    const fresh = tempDbPath();
    const result = await run(['checkin', '--done', '--json'], { db: fresh });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      id: 1,
      date: '2026-11-26',
      note: null,
      createdAt: new Date('2026-11-26T15:00:00').toISOString(),
    });
  });
});

describe('perf checkin -o', () => {
  it('writes the agenda to a file (HTML, Markdown, text without colour) and says so; --force overwrites', async () => {
    const dir = tempDir();
    const html = path.join(dir, 'one-to-one.html');
    const result = await run(['checkin', '--format', 'html', '-o', html], { db });
    expect(result).toEqual({ code: 0, stderr: '', stdout: `Wrote the agenda to ${html}.\n` });
    expect(fs.readFileSync(html, 'utf8')).toBe((await run(['checkin', '--format', 'html'], { db })).stdout);
    expect(fs.statSync(html).mode & 0o777).toBe(0o600);
    const text = path.join(dir, 'agenda.txt');
    await run(['checkin', '-o', text], { db, tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(fs.readFileSync(text, 'utf8')).not.toMatch(/\x1b\[/);
    expect(fs.readFileSync(text, 'utf8')).toBe((await run(['checkin'], { db })).stdout);
    await expectRefused(['checkin', '--format', 'md', '-o', html], db, /one-to-one\.html" already exists: add --force to overwrite it/);
    expect((await run(['checkin', '--format', 'md', '-o', html, '--force'], { db })).code).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toMatch(/^# /);
  });

  it('refuses --out with --done or --next (it is for the agenda), writing nothing', async () => {
    const file = path.join(tempDir(), 'agenda.md');
    await expectRefused(
      ['checkin', '--done', '-o', file],
      db,
      /^perf: --out is for the agenda, not --done: perf checkin --format html -o one-to-one\.html\n$/,
    );
    await expectRefused(['checkin', '--next', 'next tuesday', '-o', file], db, /^perf: --out is for the agenda, not --next/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('perf checkin refuses bad input (exit 2, one line, nothing written)', () => {
  it('--since in the future', async () => {
    await expectRefused(['checkin', '--since', 'tomorrow'], db, /--since date "tomorrow" is in the future/);
    await expectRefused(['checkin', '--since', '2026-12-01'], db, /--since date "2026-12-01" is in the future/);
  });

  it('--since that is not a date', async () => {
    await expectRefused(['checkin', '--since', 'whenever'], db, /invalid --since date "whenever"/);
  });

  it('--note without --done, --done with --since, and an unknown --format', async () => {
    await expectRefused(['checkin', '--note', 'hello'], db, /--note goes with --done/);
    await expectRefused(['checkin', '--done', '--since', '2026-11-01'], db, /--since is for the agenda/);
    await expectRefused(
      ['checkin', '--format', 'pdf'],
      db,
      /^perf: option '--format <format>' argument 'pdf' is invalid\. Allowed choices are text, md, json, html\.$/m,
    );
  });

  it('a second --done on the same day', async () => {
    const copy = tempDbPath();
    fs.copyFileSync(db, copy);
    expect((await run(['checkin', '--done'], { db: copy })).code).toBe(0);
    await expectRefused(
      ['checkin', '--done', '--note', 'again'],
      copy,
      /^perf: a one-to-one on 2026-11-26 is already recorded \(#3\): perf checkin --done records one a day\n$/,
    );
    await expectRefused(['checkin', '--done', '--json'], copy, /already recorded \(#3\)/);
    expect((await run(['checkin', '--done'], { db: copy, now: '2026-11-27T09:00:00' })).code).toBe(0);
  });

  it('reading the agenda writes nothing', async () => {
    const before = dumpDb(db);
    await run(['checkin'], { db });
    expect(dumpDb(db)).toEqual(before);
  });
});
