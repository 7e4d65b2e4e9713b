import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRealisticYear } from '../../fixtures/realistic-year.js';
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
    expect(list.filter((h) => h.startsWith('h1') || h.startsWith('h2'))).toEqual([
      'h1 Accomplishments summary: Jane Doe',
      'h2 Highlights',
      'h2 Results by goal',
      'h2 Work in progress',
      'h2 Competencies',
      'h2 Development',
      'h2 Feedback',
      'h2 Activity',
    ]);
    const levels = list.map((h) => Number(h[1]));
    levels.forEach((level, i) => {
      if (i > 0) expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
    });
  });

  it('draws the goal progress, the competencies and the activity heatmap, each titled, each with its table', () => {
    const titles = [...html.matchAll(/<svg [^>]*aria-labelledby="([^"]+)"[^>]*><title id="\1">([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['chart-goal-progress', 'chart-competencies', 'chart-activity']);
    expect(html.match(/<figure>/g)).toHaveLength(3);
    expect(html.match(/<figure>[\s\S]*?<\/figure>/g)?.every((f) => f.includes('<table>'))).toBe(true);
  });

  it('marks the pace line of each active goal with a target and a due date, and none for done ones', () => {
    // new-arr and account-nps are active with a due date; prospecting-calls and certifications are done.
    expect(html.match(/class="marker pace-marker"/g)).toHaveLength(2);
  });

  it('has one heatmap cell per day of the review cycle (2026: 365 days)', () => {
    expect(html.match(/<rect class="cell /g)).toHaveLength(365);
    expect(html.match(/<rect class="cell heat/g)).toHaveLength(330);
    expect(html).toContain('<title>2026-01-14: 2 notes</title>');
    expect(html).toContain('<title>2026-11-26: 1 note</title>');
    expect(html.match(/<rect class="cell future"/g)).toHaveLength(35);
    expect(html).toContain('<title>2026-11-27: not yet</title>');
  });

  it('has a sales section exactly when the summary model carries sales numbers', async () => {
    const json = JSON.parse((await run(['summary', '--json'], { db })).stdout);
    expect(html.includes('<section id="sales"')).toBe(json.sales !== undefined && json.sales !== null);
  });

  it('on a journal not yet created: the empty page, and no journal made', async () => {
    const missing = tempDbPath();
    const result = await run(['summary', '--format', 'html'], { db: missing });
    expect(result.code).toBe(0);
    expect(headings(result.stdout)).toContain('h2 Activity');
    expect(result.stdout).toContain('No goals were active in this period.');
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
