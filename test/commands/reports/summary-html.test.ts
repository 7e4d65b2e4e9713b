import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRealisticYear } from '../../fixtures/realistic-year.js';
import { buildScriptedYear } from '../../fixtures/scripted-year.js';
import { newJournal } from '../../harness/journals.js';
import { run, tempDbPath, tempDir } from '../../helpers.js';

let db: string;
let html: string;

beforeAll(async () => {
  db = buildRealisticYear(tempDbPath());
  const file = path.join(tempDir(), 'review.html');
  const result = await run(['summary', '--format', 'html', '-o', file], { db });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  html = fs.readFileSync(file, 'utf8');
});

/** The headings in document order, as `h1 Text`. */
function headings(doc: string): string[] {
  return [...doc.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]}`);
}

describe('perf summary --format html over a realistic year', () => {
  it('is one self-contained page: no script, no link, no URL, no external resource', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).not.toMatch(/http/i);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: auto;');
    expect(html).toContain('@media (prefers-color-scheme: dark)');
  });

  it('has the sections in the order of the review, headings never skipping a level', () => {
    const list = headings(html);
    // No reflection and no deals in this journal: no "In my own words", no sales, no pipeline.
    expect(list.filter((h) => h.startsWith('h1') || h.startsWith('h2'))).toEqual([
      'h1 Accomplishments summary: Jane Doe',
      'h2 Results',
      'h2 Work in progress',
      'h2 Looking ahead',
      'h2 Activity',
    ]);
    expect(list.filter((h) => h.startsWith('h3'))).toEqual([
      'h3 Highlights',
      'h3 Goals completed',
      'h3 Feedback',
      'h3 Competencies',
      'h3 Learning',
      'h3 Development completed',
      'h3 Goals running',
      'h3 Accounts worked most',
      'h3 Growth areas',
      'h3 Development planned',
    ]);
    const levels = list.map((h) => Number(h[1]));
    levels.forEach((level, i) => {
      if (i > 0) expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    });
  });

  it('draws the goals completed and running, the competencies and the activity heatmap, each titled, each with its table', () => {
    const titles = [...html.matchAll(/<svg [^>]*aria-labelledby="([^"]+)"[^>]*><title id="\1">([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['chart-goals-completed', 'chart-competencies', 'chart-goals-running', 'chart-activity']);
    expect(html.match(/<figure>/g)).toHaveLength(4);
    expect(html.match(/<figure>[\s\S]*?<\/figure>/g)?.every((f) => f.includes('<table>'))).toBe(true);
  });

  it('shows running goals once, under work in progress, and the done ones among the results', () => {
    const results = html.slice(html.indexOf('<section id="results"'), html.indexOf('<section id="in-progress"'));
    const present = html.slice(html.indexOf('<section id="in-progress"'), html.indexOf('<section id="looking-ahead"'));
    expect(results).toContain('Make 600 prospecting calls');
    expect(results).not.toContain('Close $500,000 new ARR');
    expect(present).toContain('Close $500,000 new ARR');
    expect(present).toContain('Raise account NPS from 30 to 50');
    expect(present).not.toContain('Make 600 prospecting calls');
  });

  it('marks the pace line of each running goal with a target and a due date, and none for done ones', () => {
    // new-arr and account-nps are running with a due date; prospecting-calls and certifications are done.
    expect(html.match(/class="marker pace-marker"/g)).toHaveLength(2);
    const running = html.match(/<svg [^>]*aria-labelledby="chart-goals-running"[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(running.match(/class="marker pace-marker"/g)).toHaveLength(2);
  });

  it('has one heatmap cell per day of the review cycle (2026: 365 days)', () => {
    expect(html.match(/<rect class="cell /g)).toHaveLength(365);
    expect(html.match(/<rect class="cell heat/g)).toHaveLength(330);
    expect(html).toContain('<title>2026-01-14: 2 notes</title>');
    expect(html).toContain('<title>2026-11-26: 1 note</title>');
    expect(html.match(/<rect class="cell future"/g)).toHaveLength(35);
    expect(html).toContain('<title>2026-11-27: not yet</title>');
  });

  it('has no sales part and no pipeline when the journal has no deals (as in Markdown)', () => {
    expect(html).not.toContain('<h3>Sales</h3>');
    expect(html).not.toContain('chart-wins-losses');
    expect(html).not.toContain('<h3>Pipeline</h3>');
  });

  it('on a journal not yet created: the empty page, and no journal made', async () => {
    const missing = tempDbPath();
    const result = await run(['summary', '--format', 'html'], { db: missing });
    expect(result.code).toBe(0);
    expect(headings(result.stdout)).toContain('h2 Activity');
    expect(result.stdout).toContain('<p>No open goals.</p>');
    expect(result.stdout).toContain('<p>No starred notes or win notes in this period.</p>');
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('for a period still to come: every day dashed, no weekly numbers yet', async () => {
    const result = await run(['summary', '--format', 'html', '--period', '2027-Q1'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/<rect class="cell future"/g)).toHaveLength(90);
    expect(result.stdout).not.toContain('Notes per week');
    expect(result.stdout).toContain('<p>None of the period has happened yet.</p>');
  });
});

describe('perf summary --format html over the scripted year: past, present and future as in Markdown', () => {
  let page: string;
  beforeAll(async () => {
    const journal = newJournal();
    await buildScriptedYear(journal);
    const result = await run(['summary', '--format', 'html'], { db: journal });
    expect(result.stderr).toBe('');
    page = result.stdout;
  });
  const part = (from: string, to?: string) => page.slice(page.indexOf(from), to === undefined ? undefined : page.indexOf(to));

  it('opens with the reflection, then results, work in progress, looking ahead and activity', () => {
    expect(headings(page).filter((h) => !h.startsWith('h4'))).toEqual([
      'h1 Accomplishments summary: Ana Rep',
      'h2 In my own words',
      'h2 Results',
      'h3 Highlights',
      'h3 Sales',
      'h3 Goals completed',
      'h3 Feedback',
      'h3 Competencies',
      'h3 Learning',
      'h3 Development completed',
      'h2 Work in progress',
      'h3 Goals running',
      'h3 Pipeline',
      'h3 Accounts worked most',
      'h2 Looking ahead',
      'h3 Growth areas',
      'h3 Goals ahead',
      'h2 Activity',
    ]);
    expect(part('<section id="reflection"', '<section id="results"')).toContain(
      '<p>Rebuilt my pipeline and closed the largest deal of the team.</p>',
    );
  });

  it('draws wins and losses, with the sales numbers in a table', () => {
    const chart = part('aria-labelledby="chart-wins-losses"', '</svg>');
    expect(chart).toContain('<rect class="win" x="220" y="6" width="360"');
    expect(chart).toContain('<rect class="loss" x="220" y="34" width="180"');
    for (const row of [
      '<td>Won</td><td class="num">2</td>',
      '<td>Lost</td><td class="num">1</td>',
      '<td>Win rate</td><td class="num">66.7%</td>',
      '<td>Value won</td><td class="num">€150,000</td>',
      '<td>Average deal won</td><td class="num">€75,000</td>',
      '<td>Largest deal</td><td class="num">Alpenrad renewal (Alpenrad AG), €120,000, 15 Mar 2026</td>',
    ]) {
      expect(part('<h3>Sales</h3>', '<h3>Goals completed</h3>')).toContain(row);
    }
  });

  it('charts the pipeline at the end of the period by stage, with its table', () => {
    const pipeline = part('<h3>Pipeline</h3>', '<h3>Accounts worked most</h3>');
    expect(pipeline).toContain('<p>3 open deals worth €140,000 at 31 Dec 2026.</p>');
    expect(pipeline).toContain('<title id="chart-pipeline">Value of the open deals by stage at 31 Dec 2026</title>');
    expect(pipeline).toContain('<tr><td>proposal</td><td class="num">2</td><td class="num">€120,000</td></tr>');
    expect(pipeline).toContain('<tr><td>none</td><td class="num">1</td><td class="num">€20,000</td></tr>');
    expect(pipeline).toContain('<tr><td>All open deals</td><td class="num">3</td><td class="num">€140,000</td></tr>');
  });

  it('quotes the starred feedback among the results and each competency’s evidence in date order', () => {
    const results = part('<section id="results"', '<section id="in-progress"');
    expect(results).toContain('Best renewal call I have seen');
    expect(results).not.toContain('Thanks for the quick quote');
    const negotiation = part('<h4>Negotiation</h4>', '<h4>Closing</h4>');
    expect(negotiation.indexOf('3-month ramp')).toBeGreaterThan(-1);
    expect(negotiation.indexOf('3-month ramp')).toBeLessThan(negotiation.indexOf('Never Split the Difference'));
    expect(part('<h4>Discovery</h4>', '<h4>Negotiation</h4>')).toContain(
      'Maria, manager (constructive) — “Ask one more question before pitching”',
    );
  });

  it('looks ahead: the growth areas with a plan or feedback first, each with what is done about it', () => {
    const ahead = part('<section id="looking-ahead"', '<section id="activity"');
    expect([...ahead.matchAll(/<h4>([^<]+)<\/h4>/g)].map((m) => m[1])).toEqual(['Discovery', 'Negotiation', 'Prospecting']);
    expect(ahead).toContain('<p>Rated 3 of 5 by others; target 5.</p>');
    expect(ahead).toContain('<p>Rated 3 of 5 by myself (+1 this period); target 5.</p>');
    expect(ahead.match(/Negotiation workshop/g)).toHaveLength(1);
    expect(ahead).toContain('<p class="label"><strong>Other feedback to act on:</strong></p>');
    expect(ahead).toContain('Send the recap the same day');
    expect(ahead).toContain('Open the Nordics: target 5 logos, from 1 Jan 2027 to 30 Jun 2027');
  });
});

describe('perf checkin --format html', () => {
  it('is a page of the past, the present and the future, with the goal chart', async () => {
    const result = await run(['checkin', '--format', 'html'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/http|<script/i);
    expect(headings(result.stdout).filter((h) => !h.startsWith('h3'))).toEqual([
      'h1 Agenda for the one-to-one',
      'h2 The past: since last time',
      'h2 The present: goals now',
      'h2 The future: next steps',
    ]);
    expect(result.stdout).toContain('<title id="chart-goal-progress">');
  });
});

describe('journal text in the HTML report is text, never markup', () => {
  it('escapes tags, ampersands, quotes and control characters typed into notes and feedback', async () => {
    const fresh = tempDbPath();
    const evil = `<script>alert("x")</script> & 'quoted' \u001b[2J \u202e end`;
    expect((await run(['log', evil, '--star', '-a', '<b>Acme & Co</b>'], { db: fresh })).code).toBe(0);
    expect((await run(['feedback', 'add', '--from', 'Bob "the boss"', '--relationship', 'manager', evil], { db: fresh })).code).toBe(0);
    const out = (await run(['summary', '--format', 'html'], { db: fresh })).stdout;
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; ^[[2J &lt;U+202E&gt; end');
    expect(out).toContain('&lt;b&gt;Acme &amp; Co&lt;/b&gt;');
    expect(out).toContain('Bob &quot;the boss&quot;');
  });
});
