import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildJournal } from '../../fixtures/journal-builder.js';
import { buildRealisticYear } from '../../fixtures/realistic-year.js';
import { run, tempDbPath } from '../../helpers.js';

let db: string;

beforeAll(() => {
  db = buildRealisticYear(tempDbPath());
});

describe('perf status', () => {
  it('shows the habit at a glance as JSON', async () => {
    const result = await run(['status', '--json'], { db });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const s = JSON.parse(result.stdout);
    expect(s).toMatchObject({
      today: '2026-11-26',
      daysSinceLastNote: 0,
      notes: 257,
      // Wed 25 and Thu 26; nothing on Tue 24.
      currentStreak: 2,
      // Mon 29 Dec 2025 – Fri 3 Apr 2026: a streak may cross the year.
      longestStreak: 70,
      nextReview: '2027-01-01',
      daysUntilNextReview: 36,
    });
    expect(s.lastNote).toMatchObject({ date: '2026-11-26' });
    expect(s.staleGoals).toEqual([
      { id: 4, slug: 'account-nps', title: 'Raise account NPS from 30 to 50', lastUpdate: '2026-09-30', daysSinceUpdate: 57 },
    ]);
    expect(s.overdueDevelopment.map((d: any) => [d.title, d.due])).toEqual([["Read 'Never Split the Difference'", '2026-11-01']]);
  });

  it('prints it for people', async () => {
    const { stdout } = await run(['status'], { db });
    expect(stdout).toContain('Last note    today · 257 notes in all');
    expect(stdout).toContain('Streak       2 working days (longest 70)');
    expect(stdout).toContain('Next review  1 Jan 2027, in 36 days');
    expect(stdout).toContain('Raise account NPS from 30 to 50 (account-nps) — last update 57 days ago');
    expect(stdout).toContain("#2 Read 'Never Split the Difference' — due 1 Nov 2026");
  });

  it('is what `perf` alone shows', async () => {
    const alone = await run([], { db });
    expect(alone.code).toBe(0);
    expect(alone.stdout).toBe((await run(['status'], { db })).stdout);
    expect((await run(['--db', db])).stdout).toBe(alone.stdout);
  });

  it('on a missing journal shows the empty state, exits 0 and creates nothing', async () => {
    const missing = tempDbPath();
    const result = await run([], { db: missing });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('Last note    none yet');
    expect(result.stdout).toContain('Start the habit: perf log');
    expect(JSON.parse((await run(['status', '--json'], { db: missing })).stdout)).toMatchObject({
      lastNote: null,
      daysSinceLastNote: null,
      notes: 0,
      currentStreak: 0,
      longestStreak: 0,
      staleGoals: [],
    });
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('counts down to the next review from cycle.start', async () => {
    const other = tempDbPath();
    await run(['config', 'set', 'cycle.start', '04-01'], { db: other });
    const s = JSON.parse((await run(['status', '--json'], { db: other })).stdout);
    expect(s).toMatchObject({ nextReview: '2027-04-01', daysUntilNextReview: 126 });
  });

  it('nudges after a few quiet days', async () => {
    const quiet = tempDbPath();
    await run(['log', 'Called Acme', '-d', '2026-11-20'], { db: quiet });
    const { stdout } = await run(['status'], { db: quiet });
    expect(stdout).toContain('6 days ago');
    expect(stdout).toContain('Nothing logged for 6 days');
  });

  it('flags a goal after 30 days without a check-in, not before', async () => {
    const file = buildJournal(tempDbPath(), (b) => {
      const thirty = b.goal({ slug: 'thirty', title: 'Thirty days', target: 10, start: '2026-09-01' });
      b.goalUpdate(thirty, '2026-10-27', 'add', 1);
      const twentyNine = b.goal({ slug: 'twenty-nine', title: 'Twenty-nine days', target: 10, start: '2026-10-28' });
      b.goal({ slug: 'done', title: 'Done long ago', target: 1, start: '2026-01-01', status: 'done', closedOn: '2026-02-01' });
      b.goal({ slug: 'org', title: 'An objective', org: true, start: '2026-01-01' });
      void twentyNine;
    });
    const s = JSON.parse((await run(['status', '--json'], { db: file })).stdout);
    expect(s.staleGoals.map((g: any) => [g.slug, g.daysSinceUpdate])).toEqual([['thirty', 30]]);
  });

  it('flags the goals perf goals flags: active, with a numeric target, and a check-in dated later is no update', async () => {
    const file = buildJournal(tempDbPath(), (b) => {
      const arr = b.goal({ slug: 'arr', title: 'New ARR', target: 500000, unit: 'USD', start: '2026-01-01' });
      b.goalUpdate(arr, '2026-09-01', 'add', 100000);
      // Checked in "for" next week: as of today it has had no update since it started.
      const calls = b.goal({ slug: 'calls', title: 'Calls', target: 600, start: '2026-06-01' });
      b.goalUpdate(calls, '2026-12-03', 'add', 50);
      b.goal({ slug: 'cert', title: 'Get certified', start: '2026-01-01' });
      const fresh = b.goal({ slug: 'fresh', title: 'Fresh', target: 10, start: '2026-01-01' });
      b.goalUpdate(fresh, '2026-11-20', 'add', 1);
    });
    const s = JSON.parse((await run(['status', '--json'], { db: file })).stdout);
    expect(s.staleGoals).toEqual([
      { id: 2, slug: 'calls', title: 'Calls', lastUpdate: '2026-06-01', daysSinceUpdate: 178 },
      { id: 1, slug: 'arr', title: 'New ARR', lastUpdate: '2026-09-01', daysSinceUpdate: 86 },
    ]);
    const { stdout } = await run(['status'], { db: file });
    expect(stdout).toContain('Goals with no update in 30 days');
    expect(stdout).not.toContain('Get certified');
  });
});
