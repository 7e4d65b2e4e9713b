/**
 * The scripted year of a rep (test/fixtures/scripted-year.ts: built through the CLI with a fixed
 * "now" for each step, deals with perf deals): every new field of the summary JSON is checked
 * with exact numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newJournal } from '../../harness/journals.js';
import { colourRun, plainRun, stripSgr } from '../../harness/colour.js';
import { buildScriptedYear } from '../../fixtures/scripted-year.js';
import { expectRefused, run } from '../../helpers.js';

let db: string;
let s: any;

beforeAll(async () => {
  db = newJournal();
  await buildScriptedYear(db);
  const result = await run(['summary', '--json'], { db });
  expect(result.stderr).toBe('');
  s = JSON.parse(result.stdout);
});

describe('a scripted year: every new field of perf summary --json', () => {
  it('opens with the reflection for exactly the period', () => {
    expect(s.reflection).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      text: 'Rebuilt my pipeline and closed the largest deal of the team.',
    });
  });

  it('counts the sales numbers from the deals closed in the period and the pipeline at its end', () => {
    expect(s.sales).toEqual({
      currency: 'EUR',
      wins: 2,
      losses: 1,
      winRate: 66.7,
      wonValue: 150000,
      averageDeal: 75000,
      largestDeal: { id: 1, name: 'Alpenrad renewal', account: 'Alpenrad AG', value: 120000, closedOn: '2026-03-15' },
      pipeline: {
        open: 3,
        value: 140000,
        byStage: { proposal: { count: 2, value: 120000 }, none: { count: 1, value: 20000 } },
      },
      activity: { call: 2, demo: 1, learning: 1, win: 1 },
    });
  });

  it('quotes each competency’s evidence in date order and leaves out those with neither rating nor evidence', () => {
    expect(s.competencies.map((c: any) => c.slug)).toEqual(['prospecting', 'discovery', 'negotiation', 'closing']);
    const bySlug = Object.fromEntries(s.competencies.map((c: any) => [c.slug, c]));
    expect(bySlug.negotiation.evidence).toEqual([
      { kind: 'note', id: 1, date: '2026-02-03', type: 'call', text: 'Held price with Alpenrad: a 3-month ramp instead of 15% discount' },
      { kind: 'note', id: 3, date: '2026-04-01', type: 'learning', text: 'Read Never Split the Difference: labels and mirrors' },
    ]);
    expect(bySlug.discovery.evidence).toEqual([
      {
        kind: 'feedback',
        id: 3,
        date: '2026-07-01',
        from: 'Maria',
        relationship: 'manager',
        text: 'Ask one more question before pitching',
        starred: false,
        constructive: true,
      },
      { kind: 'note', id: 4, date: '2026-09-02', type: 'call', text: 'Discovery call with Hooli' },
    ]);
    expect(bySlug.closing.evidence).toEqual([]);
    expect(s.learning.map((n: any) => n.id)).toEqual([3]);
  });

  it('presents growth areas, a plan or constructive feedback first, with what is done about each', () => {
    const areas = s.lookingAhead.growthAreas.map((a: any) => ({
      slug: a.slug,
      gap: a.gap,
      self: a.self,
      others: a.others,
      development: a.development.map((d: any) => d.title),
      progress: a.progress.map((n: any) => n.id),
      feedback: a.feedback.map((f: any) => f.id),
    }));
    expect(areas).toEqual([
      {
        slug: 'discovery',
        gap: 2,
        self: { start: null, end: null, change: null },
        others: { start: 3, end: 3, change: 0 },
        development: [],
        progress: [4],
        feedback: [3],
      },
      {
        slug: 'negotiation',
        gap: 2,
        self: { start: 2, end: 3, change: 1 },
        others: { start: null, end: null, change: null },
        development: ['Negotiation workshop'],
        progress: [1, 3],
        feedback: [],
      },
      {
        slug: 'prospecting',
        gap: 1,
        self: { start: 4, end: 4, change: 0 },
        others: { start: null, end: null, change: null },
        development: [],
        progress: [],
        feedback: [],
      },
    ]);
    // Constructive feedback about no growth area is kept to act on.
    expect(s.lookingAhead.feedback.map((f: any) => f.id)).toEqual([4]);
  });

  it('curates the feedback: the starred piece is quoted, every piece kept with its flags', () => {
    expect(s.feedback.quoted.map((f: any) => f.id)).toEqual([1]);
    expect(s.feedback.items.map((f: any) => [f.id, f.starred, f.constructive])).toEqual([
      [1, true, false],
      [2, false, false],
      [3, false, true],
      [4, false, true],
    ]);
  });

  it('splits goals into results and work in progress, and looks ahead to the goals after the period', () => {
    expect(s.goals.map((g: any) => [g.slug, g.running, g.status])).toEqual([
      ['arr', true, 'active'],
      ['q1', false, 'done'],
    ]);
    expect(s.inProgress.goals.map((g: any) => g.slug)).toEqual(['arr']);
    expect(s.lookingAhead.goals.map((g: any) => g.slug)).toEqual(['nordics']);
    expect(s.lookingAhead.development.map((d: any) => d.title)).toEqual(['Negotiation workshop']);
  });

  it('groups accounts whatever their case, in the spelling first used, and lists no month after today', () => {
    expect(s.inProgress.accounts).toEqual([
      { account: 'Alpenrad AG', notes: 3, lastDate: '2026-03-15' },
      { account: 'Hooli', notes: 1, lastDate: '2026-09-02' },
    ]);
    expect(Object.keys(s.stats.perMonth).at(-1)).toBe('2026-11');
  });
});

describe('the scripted year in Markdown and text', () => {
  it('reads as a case: own words, sales, quoted praise, evidence, growth areas', async () => {
    const md = (await run(['summary', '--format', 'md'], { db })).stdout;
    expect(md).toContain('## In my own words\n\n> Rebuilt my pipeline and closed the largest deal of the team.');
    expect(md).toContain('| Win rate | 66.7% |');
    expect(md).toContain('| Value won | €150,000 |');
    expect(md).toContain('| Largest deal | Alpenrad renewal (Alpenrad AG), €120,000, 15 Mar 2026 |');
    expect(md).toContain('**Pipeline at 31 Dec 2026:** 3 open deals worth €140,000: proposal 2 (€120,000), none 1 (€20,000)');
    // The starred praise is quoted; the unstarred praise and the criticism are not, among the results.
    const results = md.slice(md.indexOf('## Results'), md.indexOf('## Work in progress'));
    expect(results).toContain('> Best renewal call I have seen');
    expect(results).not.toContain('Thanks for the quick quote');
    const ahead = md.slice(md.indexOf('## Looking ahead'));
    expect(ahead).toMatch(/#### Discovery\n\nRated 3 of 5 by others; target 5\.[\s\S]*> Ask one more question before pitching/);
    expect(ahead).toContain('**Other feedback to act on:**\n\n> Send the recap the same day');
    expect(md).not.toContain('alpenrad ag');
    // The plan is shown under its growth area, not again under development planned.
    expect(ahead.match(/Negotiation workshop/g)).toHaveLength(1);
    // Months start at the first with a note: the journal's first weeks are not idle ones.
    expect(md).not.toContain('| January 2026 |');
    expect(md).toContain('| February 2026 | 1 |\n| March 2026 | 2 |');
    expect(md).not.toContain('December 2026');
  });

  it('reads the same in text with colour on and off, in 80 columns', async () => {
    const plain = await plainRun(['summary'], { db });
    const colour = await colourRun(['summary'], { db });
    expect(colour.stdout).not.toBe(plain.stdout);
    expect(stripSgr(colour.stdout)).toBe(plain.stdout);
    for (const heading of ['IN MY OWN WORDS', 'SALES', 'LEARNING', 'LOOKING AHEAD']) expect(plain.stdout.split('\n')).toContain(heading);
    expect(plain.stdout).toContain('  2 deals won, 1 lost · win rate 66.7%\n  won €150,000 · average €75,000');
    expect(plain.stdout).toContain('  Discovery  rated 3 of 5 by others; target 5');
    for (const line of plain.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('shows a training outcome in text as Markdown does', async () => {
    const text = (await run(['summary'], { db })).stdout;
    expect(text).toContain('Blocked two prospecting hours a day');
    const md = (await run(['summary', '--format', 'md'], { db })).stdout;
    expect(md).toContain('Time-management course: Blocked two prospecting hours a day');
  });

  it('a summary of another period has no reflection unless one was written for it', async () => {
    const q3 = JSON.parse((await run(['summary', '--period', '2026-Q3', '--json'], { db })).stdout);
    expect(q3.reflection).toEqual({ from: '2026-07-01', to: '2026-09-30', text: 'A quieter quarter.' });
    const h1 = JSON.parse((await run(['summary', '--from', '2026-01-01', '--to', '2026-06-30', '--json'], { db })).stdout);
    expect(h1.reflection).toBeNull();
    expect(h1.sales).toMatchObject({ wins: 2, losses: 0, winRate: 100, pipeline: { open: 1, value: 50000 } });
  });

  it('refuses --star on an unknown feedback id, writing nothing', async () => {
    await expectRefused(['feedback', 'edit', '99', '--star'], db, /no feedback with id 99/);
  });
});
