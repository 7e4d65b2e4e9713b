import fs from 'node:fs';
import path from 'node:path';
import { lexer, type Tokens } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRealisticYear, YEAR_IDS } from '../../fixtures/realistic-year.js';
import { dumpDb, expectRefused, run, tempDbPath, tempDir } from '../../helpers.js';
import { colourRun, plainRun, stripSgr } from '../../harness/colour.js';

let db: string;

beforeAll(() => {
  db = buildRealisticYear(tempDbPath());
});

async function summaryJson(...args: string[]) {
  const result = await run(['summary', '--json', ...args], { db });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

const PER_MONTH_2026 = {
  '2026-01': 27,
  '2026-02': 25,
  '2026-03': 28,
  '2026-04': 21,
  '2026-05': 25,
  '2026-06': 27,
  '2026-07': 27,
  '2026-08': 18,
  '2026-09': 18,
  '2026-10': 18,
  '2026-11': 20,
};

describe('perf summary --json over a realistic year (the current review cycle)', () => {
  let s: any;
  beforeAll(async () => {
    s = await summaryJson();
  });

  it('covers the current review cycle by default', () => {
    expect(s.period).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(s.asOf).toBe('2026-11-26');
    expect(s.person).toEqual({ name: 'Jane Doe', role: 'Account Executive, EMEA', manager: 'Maria Lopez' });
  });

  it('counts notes, active days, the longest working-day streak and every month', () => {
    // 2 notes on 1–2 Jan, 144 weekdays to 31 Jul, 50 Mon/Wed/Fri to 25 Nov, today; 46 Mondays
    // with a second note; 10 notes of note in 2026. The streak runs Thu 1 Jan – Fri 3 Apr
    // (2 + 13 weeks); the Saturday note adds an active day but no streak. December has not
    // happened yet (today is 26 November): it is not listed.
    expect(s.stats).toEqual({ notes: 254, activeDays: 198, longestStreak: 67, perMonth: PER_MONTH_2026 });
  });

  it('highlights starred notes and wins, oldest first, and not last year’s', () => {
    expect(s.highlights.map((n: any) => [n.date, n.type, n.starred])).toEqual([
      ['2026-01-14', 'meeting', true],
      ['2026-02-10', 'win', true],
      ['2026-04-22', 'win', false],
      ['2026-06-30', 'win', true],
      ['2026-09-16', 'win', false],
      ['2026-11-16', 'win', true],
    ]);
    expect(s.highlights[1]).toMatchObject({
      text: 'Signed Acme: 60k ARR, 2-year deal',
      account: 'Acme',
      goal: 'new-arr',
      progress: 60000,
      tags: ['new-logo'],
    });
  });

  it('reports each goal active in the period, as of its end', () => {
    const pick = (g: any) => [g.slug, g.valueAtStart, g.valueAtEnd, g.change, g.percent, g.status, g.pace];
    expect(s.goals.map(pick)).toEqual([
      ['new-arr', 0, 400000, 400000, 80, 'active', 'behind'],
      ['prospecting-calls', 0, 610, 610, 101.7, 'done', 'achieved'],
      ['account-nps', 30, 44, 14, 70, 'active', 'overdue'],
      ['certifications', 1, 3, 2, 100, 'done', 'achieved'],
    ]);
    const [arr, , nps] = s.goals;
    expect(arr).toMatchObject({
      id: YEAR_IDS.arr,
      title: 'Close $500,000 new ARR',
      org: false,
      unit: 'USD',
      baseline: 0,
      target: 500000,
      current: 400000,
      start: '2026-01-01',
      due: '2026-12-31',
      // 400,000 over 329 of 364 days, extended to the due date.
      projected: 442553.19,
      alignsTo: { id: YEAR_IDS.org, slug: 'emea-growth', title: 'Grow EMEA revenue 30%' },
    });
    expect(nps.alignsTo).toBe('Customer success charter');
  });

  it('backs a goal with its notes, in date order', () => {
    expect(s.goals[0].notes.map((n: any) => [n.date, n.starred, n.progress])).toEqual([
      ['2026-02-10', true, 60000],
      ['2026-04-22', false, 90000],
      ['2026-06-30', true, 100000],
      ['2026-09-16', false, 70000],
      ['2026-10-05', false, null],
      ['2026-11-16', true, 80000],
    ]);
  });

  it('shows the open goals with pace and projection, and the accounts worked most', () => {
    expect(s.inProgress.goals.map((g: any) => [g.slug, g.current, g.percent, g.pace, g.projected, g.daysLeft])).toEqual([
      ['new-arr', 400000, 80, 'behind', 442553.19, 35],
      ['account-nps', 44, 70, 'overdue', 44, -57],
    ]);
    // Globex and Initech tie at 24 notes: the more recent comes first.
    expect(s.inProgress.accounts).toEqual([
      { account: 'Initech', notes: 24, lastDate: '2026-11-23' },
      { account: 'Globex', notes: 24, lastDate: '2026-11-16' },
      { account: 'Acme', notes: 3, lastDate: '2026-11-16' },
      { account: 'Umbrella', notes: 2, lastDate: '2026-11-20' },
      { account: 'Hooli', notes: 1, lastDate: '2026-11-18' },
    ]);
  });

  it('rates competencies at the start and end, by self and by others, with improvement targets', () => {
    const bySlug = Object.fromEntries(s.competencies.map((c: any) => [c.slug, c]));
    // The six with no rating and no evidence this year are left out.
    expect(s.competencies.map((c: any) => c.slug)).toEqual([
      'prospecting',
      'discovery',
      'negotiation',
      'closing',
      'account-management',
      'collaboration',
    ]);
    expect(bySlug.negotiation).toMatchObject({
      slug: 'negotiation',
      name: 'Negotiation',
      target: 5,
      self: { start: 2, end: 3, change: 1 },
      others: { start: 2, end: 3, change: 1 },
      gap: 2,
      improvementTarget: true,
    });
    expect(bySlug.closing).toMatchObject({
      self: { start: 4, end: 4, change: 0 },
      others: { start: 5, end: 5, change: 0 },
      gap: 0,
      improvementTarget: false,
    });
    // Its own target of 4 is met, but 4 is below the top of the scale.
    expect(bySlug.discovery).toMatchObject({
      target: 4,
      self: { start: 3, end: 4, change: 1 },
      others: { start: null, end: null, change: null },
      gap: 0,
      improvementTarget: true,
    });
    expect(bySlug.prospecting).toMatchObject({
      self: { start: null, end: null, change: null },
      others: { start: 4, end: 5, change: 1 },
      improvementTarget: false,
    });
    expect(bySlug.presentation).toBeUndefined();
    expect(s.competencies.filter((c: any) => c.improvementTarget).map((c: any) => c.slug)).toEqual(['discovery', 'negotiation']);
  });

  it('lists development done in the period and what is open, overdue first', () => {
    expect(s.development.completed.map((d: any) => [d.title, d.completedAt])).toEqual([['Negotiation workshop', '2026-05-20']]);
    expect(s.development.completed[0]).toMatchObject({ competency: 'negotiation', assignedBy: 'Maria Lopez', status: 'done' });
    expect(s.development.open.map((d: any) => [d.title, d.due, d.overdue])).toEqual([
      ["Read 'Never Split the Difference'", '2026-11-01', true],
      ['Shadow a senior AE on discovery calls', '2026-12-05', false],
      ['Sales methodology course', '2027-02-28', false],
    ]);
  });

  it('counts feedback by relationship and quotes it', () => {
    expect(s.feedback.byRelationship).toEqual({ manager: 1, peer: 1, 'other-manager': 0, admin: 0, customer: 3, 'direct-report': 0 });
    expect(s.feedback.items.map((f: any) => [f.date, f.from, f.relationship, f.competency])).toEqual([
      ['2026-03-03', 'Dana (Acme)', 'customer', 'account-management'],
      ['2026-06-02', 'Sam Ortiz', 'peer', 'collaboration'],
      ['2026-07-14', 'Lee (Globex)', 'customer', null],
      ['2026-10-01', 'Maria Lopez', 'manager', 'negotiation'],
      ['2026-11-19', 'Priya (Initech)', 'customer', null],
    ]);
    expect(s.feedback.items[0].text).toBe("Best onboarding we've had from a vendor.");
  });
});

describe('perf summary for other periods', () => {
  it('--period 2026-Q3 takes goals, ratings and feedback as of 30 September', async () => {
    const s = await summaryJson('--period', '2026-Q3');
    expect(s.period).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(s.asOf).toBe('2026-09-30');
    // July's 23 weekdays and Monday 3 August.
    expect(s.stats).toEqual({ notes: 63, activeDays: 49, longestStreak: 24, perMonth: { '2026-07': 27, '2026-08': 18, '2026-09': 18 } });
    // The calls goal closed on 30 June and the certifications in March: not active in Q3.
    expect(s.goals.map((g: any) => [g.slug, g.valueAtStart, g.valueAtEnd, g.change, g.percent, g.pace, g.projected])).toEqual([
      ['new-arr', 250000, 320000, 70000, 64, 'behind', 428235.29],
      // On its due day a goal is behind, not yet overdue.
      ['account-nps', 38, 44, 6, 70, 'behind', 44],
    ]);
    const negotiation = s.competencies.find((c: any) => c.slug === 'negotiation');
    expect(negotiation).toMatchObject({ self: { start: 3, end: 3, change: 0 }, others: { start: 2, end: 2, change: 0 } });
    expect(s.feedback.byRelationship).toMatchObject({ customer: 1, manager: 0, peer: 0 });
    expect(s.development.completed).toEqual([]);
    expect(s.development.open.map((d: any) => d.overdue)).toEqual([false, false, false]);
    expect(s.highlights.map((n: any) => n.date)).toEqual(['2026-09-16']);
  });

  it('--from and --to are inclusive, and --to YYYY-MM runs to the end of the month', async () => {
    const s = await summaryJson('--from', '2026-11-01', '--to', '2026-11');
    expect(s.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(s.stats.notes).toBe(20);
    expect(s.stats.perMonth).toEqual({ '2026-11': 20 });
  });

  it('--from alone runs to today', async () => {
    const s = await summaryJson('--from', '2026-11-20');
    expect(s.period).toMatchObject({ from: '2026-11-20', to: '2026-11-26' });
    // Fri 20 (2 notes), Mon 23 (2), Wed 25, Thu 26.
    expect(s.stats).toMatchObject({ notes: 6, activeDays: 4, longestStreak: 2 });
  });

  it('--period last-cycle holds only last December', async () => {
    const s = await summaryJson('--period', 'last-cycle');
    expect(s.period).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(s.stats).toMatchObject({ notes: 3, activeDays: 3, longestStreak: 3 });
    expect(s.highlights.map((n: any) => n.text)).toEqual(['Closed Wayne Enterprises before year end']);
    expect(s.goals.map((g: any) => g.slug)).toEqual(['old-goal', 'certifications']);
  });

  it('shows a goal dropped in the period as dropped, in text and Markdown, and an open one by its pace', async () => {
    const text = await run(['summary', '--period', 'last-cycle'], { db });
    const lines = text.stdout.split('\n');
    expect(lines).toContain('  Launch the partner channel       —         —       —  —  dropped');
    expect(lines).toContain('  Earn 3 product              1      +1  33.3%  behind       1.74  31 Mar 2026');
    const md = await run(['summary', '--period', 'last-cycle', '--format', 'md'], { db });
    const all = tables(lexer(md.stdout));
    const results = all.find((t) => t.header.at(-1)?.text === 'Result');
    const running = all.find((t) => t.header[1]?.text === 'Now');
    expect(results?.rows.map((r) => [r[0]?.text, r.at(-1)?.text])).toEqual([['Launch the partner channel', 'dropped']]);
    expect(running?.rows.map((r) => [r[0]?.text, r[5]?.text])).toEqual([['Earn 3 product certifications', 'behind']]);
  });

  it('follows cycle.start: with 04-01 the current cycle runs April to March', async () => {
    const other = tempDbPath();
    fs.copyFileSync(db, other);
    expect((await run(['config', 'set', 'cycle.start', '04-01'], { db: other })).code).toBe(0);
    const s = JSON.parse((await run(['summary', '--json'], { db: other })).stdout);
    expect(s.period).toMatchObject({ from: '2026-04-01', to: '2027-03-31' });
    // April to November: the months after today are not listed.
    expect(Object.keys(s.stats.perMonth)).toHaveLength(8);
    expect(s.stats.perMonth['2027-03']).toBeUndefined();
  });

  it('on an empty journal prints the empty summary and creates nothing', async () => {
    const missing = tempDbPath();
    const result = await run(['summary', '--json'], { db: missing });
    expect(result.code).toBe(0);
    const s = JSON.parse(result.stdout);
    expect(s.stats.notes).toBe(0);
    expect(s.goals).toEqual([]);
    expect(fs.existsSync(missing)).toBe(false);
    const text = await run(['summary'], { db: missing });
    expect(text.stdout).toContain('No starred notes or win notes in this period');
  });

  it('with deals won but nothing starred, the highlights do not say there were no wins', async () => {
    const db = tempDbPath();
    expect((await run(['deals', 'add', 'Acme renewal', '-a', 'Acme', '--value', '48000', '--won', '2026-10-02'], { db })).code).toBe(0);
    for (const format of ['text', 'md', 'html']) {
      const result = await run(['summary', '--format', format], { db });
      expect(result.stdout).not.toMatch(/or wins in this period/);
      expect(result.stdout).toMatch(/No starred notes or win notes in this period/);
    }
    // In a narrow terminal the hint wraps under itself, the same with colour on and off.
    const plain = await plainRun(['summary'], { db, tty: true, columns: 60 });
    expect(plain.stdout).toContain('  No starred notes or win notes in this period. Star one\n  with: perf notes edit <id> --star\n');
    expect(stripSgr((await colourRun(['summary'], { db, tty: true, columns: 60 })).stdout)).toBe(plain.stdout);
  });
});

function headings(tokens: ReturnType<typeof lexer>): [number, string][] {
  return tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((t) => [t.depth, t.text]);
}

function tables(tokens: ReturnType<typeof lexer>): Tokens.Table[] {
  return tokens.filter((t): t is Tokens.Table => t.type === 'table');
}

describe('perf summary --format md', () => {
  let markdown: string;
  let tokens: ReturnType<typeof lexer>;
  beforeAll(async () => {
    const result = await run(['summary', '--format', 'md'], { db, env: { NO_COLOR: undefined, FORCE_COLOR: '1' }, tty: true });
    expect(result.code).toBe(0);
    markdown = result.stdout;
    tokens = lexer(markdown);
  });

  it('never holds an ANSI code, even with colour forced on a terminal', () => {
    expect(markdown).not.toMatch(/\x1b\[/);
  });

  it('has the past / present / future sections as headings', () => {
    expect(headings(tokens)).toEqual([
      [1, 'Accomplishments summary: Jane Doe'],
      [2, 'Results'],
      [3, 'Highlights'],
      [3, 'Goals completed'],
      [3, 'Feedback'],
      [3, 'Competencies'],
      [4, 'Discovery'],
      [4, 'Negotiation'],
      [4, 'Closing'],
      [4, 'Account management'],
      [4, 'Collaboration'],
      [3, 'Learning'],
      [3, 'Development completed'],
      [2, 'Work in progress'],
      [4, 'Close $500,000 new ARR'],
      [4, 'Raise account NPS from 30 to 50'],
      [2, 'Looking ahead'],
      [3, 'Growth areas'],
      [4, 'Negotiation'],
      [4, 'Discovery'],
      [3, 'Development planned'],
      [2, 'Activity'],
    ]);
  });

  it('puts the goals closed in the period among the results, and the running ones in work in progress, once each', () => {
    const results = tables(tokens)[0];
    expect(results?.header.map((h) => h.text)).toEqual(['Goal', 'Target', 'Achieved', 'Change', '% of target', 'Result']);
    expect(results?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Make 600 prospecting calls', '600 calls', '610 calls', '+610 calls', '101.7%', 'done'],
      ['Earn 3 product certifications', '3', '3', '+2', '100%', 'done'],
    ]);
    expect(results?.align).toEqual([null, 'right', 'right', 'right', 'right', null]);
    const running = tables(tokens).find((t) => t.header[1]?.text === 'Now');
    expect(running?.rows.map((r) => r.slice(0, 3).map((c) => c.text))).toEqual([
      ['Close $500,000 new ARR', '$400,000', '+$400,000'],
      ['Raise account NPS from 30 to 50', '44', '+14'],
    ]);
  });

  it('lists the highlights and the notes behind a goal: its five most telling, starred first, then the most recent', () => {
    const lists = tokens.filter((t): t is Tokens.List => t.type === 'list');
    const highlights = lists[0];
    expect(highlights?.items).toHaveLength(6);
    expect(highlights?.items[0]?.text).toBe('**14 Jan 2026** · meeting · ★ — Presented our Q1 plan at the sales kickoff');
    const arr = lists.find((l) => l.items[0]?.text.startsWith('**10 Feb 2026** · win · Acme · ★') && l !== highlights);
    // Six notes back the ARR goal: the three starred and the two latest are shown, 22 Apr is left out.
    expect(arr?.items.map((i) => i.text.split(' — ')[0])).toEqual([
      '**10 Feb 2026** · win · Acme · ★',
      '**30 Jun 2026** · win · Initech · ★',
      '**16 Sep 2026** · win · Umbrella',
      '**5 Oct 2026** · meeting · Acme',
      '**16 Nov 2026** · win · Acme · ★',
    ]);
    // A note's second line stays in its list item.
    expect(arr?.items[1]?.text).toContain('Beat the incumbent on value, not price.');
    expect(markdown).toContain('_… and 1 more:_ `perf notes --goal new-arr --from 2026-01-01 --to 2026-12-31 -n all`');
  });

  it('lists all six notes behind the goal with --all, and no "more" line', async () => {
    const result = await run(['summary', '--format', 'md', '--all'], { db });
    const arr = lexer(result.stdout)
      .filter((t): t is Tokens.List => t.type === 'list')
      .find((l) => l.items.length === 6 && l.items[1]?.text.startsWith('**22 Apr 2026** · win · Globex'));
    expect(arr?.items.map((i) => i.text.split(' · ')[0])).toEqual([
      '**10 Feb 2026**',
      '**22 Apr 2026**',
      '**30 Jun 2026**',
      '**16 Sep 2026**',
      '**5 Oct 2026**',
      '**16 Nov 2026**',
    ]);
    expect(result.stdout).not.toContain('more:');
  });

  it('tabulates competencies with the changes, evidence under each, and growth areas instead of an improve column', () => {
    const competencies = tables(tokens).find((t) => t.header[0]?.text === 'Competency');
    expect(competencies?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['Prospecting', '—', '—', '4 → 5', '+1', '5'],
      ['Discovery', '3 → 4', '+1', '—', '—', '4'],
      ['Negotiation', '2 → 3', '+1', '2 → 3', '+1', '5'],
      ['Closing', '4', '+0', '5', '+0', '5'],
      ['Account management', '—', '—', '—', '—', '5'],
      ['Collaboration', '—', '—', '—', '—', '5'],
    ]);
    expect(markdown).not.toMatch(/Improvement target|\| yes \|/);
    expect(markdown).toContain(
      '#### Negotiation\n\n- **30 Jun 2026** · win — Initech closed: 100k ARR\n  Beat the incumbent on value, not price.\n- **1 Oct 2026** · Maria Lopez, manager — “Hold price longer before discounting.”',
    );
    expect(markdown).toContain('#### Negotiation\n\nRated 3 of 5 by others (+1 this period); target 5.\n\n**What I am doing:**');
  });

  it('quotes feedback and counts it by relationship', () => {
    const counts = tables(tokens).find((t) => t.header[0]?.text === 'From');
    expect(counts?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['manager', '1'],
      ['peer', '1'],
      ['customer', '3'],
    ]);
    const quotes = tokens.filter((t): t is Tokens.Blockquote => t.type === 'blockquote');
    expect(quotes).toHaveLength(5);
    expect(quotes[0]?.text).toContain("Best onboarding we've had from a vendor.");
    expect(quotes[0]?.text).toContain('— Dana (Acme), customer, 3 Mar 2026, on account-management');
  });

  it('tabulates every month up to this one, zeros included', () => {
    const months = tables(tokens).at(-1);
    expect(months?.header.map((h) => h.text)).toEqual(['Month', 'Notes']);
    expect(months?.rows.map((r) => [r[0]?.text, Number(r[1]?.text)])).toEqual(
      Object.entries(PER_MONTH_2026).map(([m, n]) => [
        new Date(`${m}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
        n,
      ]),
    );
  });

  it('keeps Markdown in the notes from breaking the document', async () => {
    const other = tempDbPath();
    fs.copyFileSync(db, other);
    const nasty =
      'Won | lost *nothing* <script>alert(1)</script>\n# not a heading\n- not a list\n1. not a list either\n---\n`code` [link](x) ~~strike~~ _em_';
    expect((await run(['log', nasty, '--type', 'win', '--star', '-a', 'A|B'], { db: other })).code).toBe(0);
    const md = (await run(['summary', '--format', 'md'], { db: other })).stdout;
    const t = lexer(md);
    expect(headings(t)).toEqual(headings(tokens));
    expect(tables(t).map((x) => x.rows.length)).toEqual(tables(tokens).map((x) => x.rows.length));
    const highlights = t.find((x): x is Tokens.List => x.type === 'list');
    expect(highlights?.items).toHaveLength(7);
    const item = highlights?.items.at(-1);
    // The item is one paragraph of text: no nested list, heading, rule, code or HTML inside it.
    const inner = item?.tokens.flatMap((x) => ('tokens' in x && x.tokens ? [x, ...x.tokens] : [x])).map((x) => x.type);
    expect(inner?.filter((type) => !['text', 'escape', 'strong', 'paragraph', 'br'].includes(type))).toEqual([]);
    expect(md).not.toContain('<script>');
  });
});

describe('perf summary text', () => {
  it('reads well in 80 columns with tables and a bar per month', async () => {
    const result = await run(['summary'], { db });
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
    expect(result.stdout).not.toMatch(/\x1b\[/);
    expect(lines.filter((l) => /^[A-Z][A-Z ]+$/.test(l))).toEqual([
      'HIGHLIGHTS',
      'GOALS COMPLETED',
      'FEEDBACK',
      'COMPETENCIES',
      'LEARNING',
      'DEVELOPMENT COMPLETED',
      'WORK IN PROGRESS',
      'LOOKING AHEAD',
      'ACTIVITY',
    ]);
    expect(result.stdout).toContain('254 notes on 198 days · longest streak 67 working days');
    const march = lines.find((l) => l.trim().startsWith('2026-03'));
    const april = lines.find((l) => l.trim().startsWith('2026-04'));
    const december = lines.find((l) => l.trim().startsWith('2026-12'));
    // March is the busiest month: the longest bar.
    expect((march?.match(/█/g) ?? []).length).toBe(50);
    expect((april?.match(/█/g) ?? []).length).toBe(Math.round((21 / 28) * 50));
    // December has not happened yet: no bar of zeros for it.
    expect(december).toBeUndefined();
  });

  it("writes a goal's numbers as perf goals does: money as money, the projection rounded", async () => {
    const [summary, goals] = await Promise.all([run(['summary'], { db }), run(['goals'], { db })]);
    for (const shown of ['$400,000 / $500,000  80%  behind', 'projected $442,553']) expect(goals.stdout).toContain(shown);
    expect(summary.stdout).toMatch(/^ {2}Close \$500,000 +\$400,000 +\+\$400,000 +80% +behind +\$442,553 +31 Dec 2026\n {2}new ARR$/m);
    expect(summary.stdout).not.toContain('USD');
  });

  it('is coloured on a terminal', async () => {
    const result = await run(['summary'], { db, tty: true, env: { NO_COLOR: undefined } });
    expect(result.stdout).toMatch(/\x1b\[/);
  });
});

describe('perf summary -o', () => {
  it('writes the file and says so', async () => {
    const file = path.join(tempDir(), 'review-2026.md');
    const result = await run(['summary', '--format', 'md', '-o', file], { db });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`Wrote the summary to ${file}.\n`);
    expect(lexer(fs.readFileSync(file, 'utf8'))[0]).toMatchObject({ type: 'heading', text: 'Accomplishments summary: Jane Doe' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes text without colour even from a terminal, and JSON with --json', async () => {
    const dir = tempDir();
    await run(['summary', '-o', path.join(dir, 's.txt')], { db, tty: true, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(fs.readFileSync(path.join(dir, 's.txt'), 'utf8')).not.toMatch(/\x1b\[/);
    await run(['summary', '--json', '-o', path.join(dir, 's.json')], { db });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 's.json'), 'utf8')).stats.notes).toBe(254);
  });

  it('overwrites with --force', async () => {
    const file = path.join(tempDir(), 'review.md');
    fs.writeFileSync(file, 'old');
    expect((await run(['summary', '--format', 'md', '-o', file, '--force'], { db })).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# Accomplishments summary/);
  });
});

describe('perf summary refuses bad input (exit 2, one line, nothing written)', () => {
  it('an unknown --format', async () => {
    await expectRefused(
      ['summary', '--format', 'pdf'],
      db,
      /^perf: option '--format <format>' argument 'pdf' is invalid\. Allowed choices are text, md, json, html\.$/m,
    );
  });

  it('--json with another --format', async () => {
    await expectRefused(['summary', '--json', '--format', 'md'], db, /use --json or --format md, not both/);
  });

  it('-o onto an existing file without --force, leaving the file as it was', async () => {
    const file = path.join(tempDir(), 'review.md');
    fs.writeFileSync(file, 'my draft');
    await expectRefused(['summary', '--format', 'md', '-o', file], db, /review\.md" already exists: add --force to overwrite it/);
    expect(fs.readFileSync(file, 'utf8')).toBe('my draft');
  });

  it('-o into a folder that does not exist, creating nothing', async () => {
    const dir = path.join(tempDir(), 'no-such-folder');
    await expectRefused(['summary', '-o', path.join(dir, 'review.md')], db, /the folder ".*no-such-folder" does not exist/);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('-o onto a folder', async () => {
    await expectRefused(['summary', '-o', tempDir()], db, /it is a folder; give a file name/);
  });

  it('an unknown period, a bad date, --from after --to, --period with --from', async () => {
    await expectRefused(['summary', '--period', 'someday'], db, /unknown period "someday"/);
    await expectRefused(['summary', '--from', 'not a date'], db, /invalid --from date "not a date"/);
    await expectRefused(['summary', '--from', '2026-06-01', '--to', '2026-01-01'], db, /--from 2026-06-01 is after --to 2026-01-01/);
    await expectRefused(['summary', '--period', '2026', '--from', '2026-01-01'], db, /use --period or --from\/--to, not both/);
  });

  it('a --from after today with no --to', async () => {
    await expectRefused(
      ['summary', '--from', '2027-01-01'],
      db,
      /^perf: --from 2027-01-01 is after today \(2026-11-26\): use a --from up to today, or give --to as well\n$/,
    );
    await expectRefused(['summary', '--from', '2026-11-27', '--json'], db, /--from 2026-11-27 is after today/);
    expect((await run(['summary', '--from', '2026-11-26'], { db })).code).toBe(0);
    expect((await run(['summary', '--from', '2027-01-01', '--to', '2027-03-31'], { db })).code).toBe(0);
  });

  it('leaves the journal untouched when it succeeds too', async () => {
    const before = dumpDb(db);
    await run(['summary', '--format', 'md'], { db });
    expect(dumpDb(db)).toEqual(before);
  });
});

describe('the guide (docs/guide.md)', () => {
  it('shows the real output of perf summary --period 2026-11 --format md', async () => {
    const readme = fs.readFileSync(new URL('../../../docs/guide.md', import.meta.url), 'utf8');
    const example = lexer(readme).find((t): t is Tokens.Code => t.type === 'code' && t.lang === 'markdown');
    const result = await run(['summary', '--period', '2026-11', '--format', 'md'], { db });
    expect(`${example?.text}\n`).toBe(result.stdout);
  });
});

describe('perf summary and perf checkin fit 80 columns with long names', () => {
  it('role and manager, a goal aligned to a long objective, a long competency slug, a long attribution', async () => {
    const long = tempDbPath();
    const slug = 'strategic-account-planning-and-executive-relationship-build';
    for (const args of [
      ['config', 'set', 'name', 'Jane Doe'],
      ['config', 'set', 'role', 'Senior Enterprise Account Executive, Strategic Accounts EMEA'],
      ['config', 'set', 'manager', 'Maria Lopez-Fernandez de la Vega y Castillo'],
      ['goals', 'add', 'Grow the enterprise segment across EMEA North and Benelux in FY2026', '--org', '--start', '2026-01-01'],
      [
        'goals',
        'add',
        'Close 500000 new ARR from strategic accounts in EMEA North',
        '--target',
        '500000',
        '--unit',
        'USD',
        '--start',
        '2026-01-01',
        '--due',
        '2026-12-31',
        '--aligns-to',
        '1',
      ],
      ['log', 'Signed Initech', '-g', '2', '--type', 'win', '-d', '2026-11-20'],
      ['competencies', 'add', 'Strategic planning', '--slug', slug],
      ['dev', 'add', 'Executive presence workshop with the enablement team', '-c', slug, '--due', '2026-12-01'],
      [
        'feedback',
        'add',
        'Great work on the QBR',
        '--from',
        'Dr. Katherine Montgomery-Wellington (Umbrella Corporation)',
        '--relationship',
        'other-manager',
        '-d',
        '2026-11-20',
      ],
    ]) {
      expect((await run(args, { db: long })).code, args.join(' ')).toBe(0);
    }
    for (const args of [['summary'], ['checkin'], ['checkin', '--done']]) {
      const result = await run(args, { db: long });
      expect(result.code).toBe(0);
      for (const line of result.stdout.split('\n')) expect([...line].length, `perf ${args.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
    }
    const summary = (await run(['summary'], { db: long })).stdout;
    expect(summary).toContain('Maria Lopez-Fernandez de la Vega y Castillo');
    expect(summary).toContain('→ Grow the enterprise segment across EMEA North and Benelux in FY2026');
    expect(summary).toContain(`(${slug})`);
    expect(summary).toMatch(/— Dr\. Katherine Montgomery-Wellington \(Umbrella Corporation\)\n +other manager, 20 Nov 2026/);
  });
});

describe('a qualitative goal (no target, no check-ins) in the reports', () => {
  it('shows "—" for its value and change, and "done" once done', async () => {
    const q = tempDbPath();
    for (const args of [
      ['goals', 'add', 'Get MEDDPICC certified', '--start', '2026-11-01'],
      ['goals', 'add', 'Run a customer workshop', '--start', '2026-11-01'],
      ['goals', 'done', 'get-meddpicc-certified'],
    ]) {
      expect((await run(args, { db: q })).code, args.join(' ')).toBe(0);
    }
    const summary = (await run(['summary'], { db: q })).stdout;
    expect(summary).toMatch(/^ {2}Get MEDDPICC certified +— +— +— +— +done$/m);
    expect(summary).toMatch(/^ {2}Run a customer workshop +— +— +—/m);
    // Each goal once: the done one among the results, the running one in work in progress.
    expect(summary.match(/Get MEDDPICC certified/g)).toHaveLength(1);
    expect(summary.match(/Run a customer workshop/g)).toHaveLength(1);
    const md = (await run(['summary', '--format', 'md'], { db: q })).stdout;
    expect(md).toMatch(/\| Get MEDDPICC certified \| +— \| +— \| +— \| +— \| done +\|/);
    const checkin = (await run(['checkin'], { db: q })).stdout;
    expect(checkin).toMatch(/^ {2}Get MEDDPICC certified +— +— +— +done$/m);
    const checkinMd = (await run(['checkin', '--format', 'md'], { db: q })).stdout;
    expect(checkinMd).toMatch(/\| Get MEDDPICC certified \| +— \| +— \| +— \| done +\|/);
    // JSON keeps the numbers.
    const json = JSON.parse((await run(['summary', '--json'], { db: q })).stdout);
    expect(json.goals[0]).toMatchObject({ title: 'Get MEDDPICC certified', valueAtEnd: 0, change: 0, status: 'done' });
  });
});

describe('projections in a goal first week', () => {
  it('are held back in text and Markdown, kept in JSON', async () => {
    const db = tempDbPath();
    const ok = async (args: string[]) => expect((await run(args, { db })).code).toBe(0);
    await ok(['goals', 'add', 'New ARR', '--target', '500000', '--unit', 'USD', '--start', 'yesterday', '--due', '2027-11-25']);
    await ok(['goals', 'update', 'new-arr', '25000']);
    const text = (await run(['summary', '--period', '2026-11'], { db })).stdout;
    const md = (await run(['summary', '--period', '2026-11', '--format', 'md'], { db })).stdout;
    const json = JSON.parse((await run(['summary', '--period', '2026-11', '--json'], { db })).stdout) as {
      inProgress: { goals: { projected: number }[] };
    };
    expect(json.inProgress.goals[0]?.projected).toBeGreaterThan(1_000_000);
    for (const out of [text, md]) {
      expect(out).toContain('New ARR');
      expect(out).not.toMatch(/\$\d{1,3}(,\d{3}){2,}/);
    }
  });
});
