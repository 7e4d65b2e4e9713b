import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScriptedYear } from '../fixtures/scripted-year.js';
import { newJournal } from '../harness/journals.js';
import { ROOT, run, tempDir } from '../helpers.js';

/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core (which downloads
 * nothing). One browser for the file; each document is a page of it. Without a Chromium the tests
 * are skipped and say so (`.ci/run` installs one).
 */
// The browser's own, for the callbacks that run in the page (the project's types have no DOM).
declare const getComputedStyle: (element: unknown) => { breakBefore: string; backgroundColor: string; color: string };
declare const document: { body: unknown };

// PERF_CHROMIUM, when set, is the only browser tried (set it to a missing path to see the skip).
const CANDIDATES = process.env.PERF_CHROMIUM
  ? [process.env.PERF_CHROMIUM]
  : ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executablePath = CANDIDATES.find((file) => fs.existsSync(file));
/** Screenshots and PDFs to look at after a run (gitignored). */
const OUTPUT = path.join(ROOT, 'test-output', 'html-report');

if (!executablePath) {
  console.log(
    `SKIPPED: the HTML report's browser test: no Chromium found (looked for ${CANDIDATES.join(', ')}); install it with apt-get install chromium, or set PERF_CHROMIUM`,
  );
}

const SUMMARY_SECTIONS = ['In my own words', 'Results', 'Work in progress', 'Looking ahead', 'Activity'];
const SUMMARY_CHARTS = [
  'chart-wins-losses',
  'chart-goals-completed',
  'chart-competencies',
  'chart-goals-running',
  'chart-pipeline',
  'chart-activity',
];

interface Visit {
  page: Page;
  requests: string[];
  errors: string[];
}

describe.skipIf(!executablePath)('the HTML report in headless Chromium', () => {
  let browser: Browser;
  let db: string;
  let folder: string;
  let summaryFile: string;

  async function open(file: string): Promise<Visit> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const visit: Visit = { page, requests: [], errors: [] };
    page.on('request', (request) => visit.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') visit.errors.push(message.text());
    });
    page.on('pageerror', (error) => visit.errors.push(error.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return visit;
  }

  async function headings(page: Page, level: string): Promise<string[]> {
    return page.locator(level).allTextContents();
  }

  async function chartTitles(page: Page): Promise<string[]> {
    return page.locator('svg[role="img"] > title').evaluateAll((titles) => titles.map((t) => t.id));
  }

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath, headless: true });
    // The scripted year: real deals (perf deals add|won|lost) in EUR, a reflection, growth areas, evidence.
    db = newJournal();
    await buildScriptedYear(db);
    folder = tempDir();
    summaryFile = path.join(folder, 'review.html');
    const written = await run(['summary', '--format', 'html', '-o', summaryFile], { db });
    expect(written.code).toBe(0);
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.copyFileSync(summaryFile, path.join(OUTPUT, 'review.html'));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the summary with every section and chart, no console error and no request but the file itself', async () => {
    const { page, requests, errors } = await open(summaryFile);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(summaryFile).href]);
    expect(await headings(page, 'h1')).toEqual(['Accomplishments summary: Ana Rep']);
    expect(await headings(page, 'h2')).toEqual(SUMMARY_SECTIONS);
    expect(await chartTitles(page)).toEqual(SUMMARY_CHARTS);
    // Each chart is drawn: it has a size on the page.
    for (const id of SUMMARY_CHARTS) {
      const box = await page.locator(`svg[aria-labelledby="${id}"]`).boundingBox();
      expect(box?.width ?? 0, id).toBeGreaterThan(200);
    }
    expect(await page.locator('svg[aria-labelledby="chart-activity"] rect.cell').count()).toBe(365);
    await page.screenshot({ path: path.join(OUTPUT, 'summary-light.png'), fullPage: true });
    await page.close();
  });

  it('turns dark when the system prefers it, and light otherwise', async () => {
    const { page } = await open(summaryFile);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: path.join(OUTPUT, 'summary-dark.png'), fullPage: true });
    await page.close();
  });

  it('prints each section from a new page, on A4 and on Letter', async () => {
    const { page } = await open(summaryFile);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const breaks = await page.locator('section').evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks).toEqual(['auto', ...SUMMARY_SECTIONS.slice(1).map(() => 'page')]);
    // Printed black on white whatever the screen's scheme.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(31, 35, 40)');
    for (const format of ['A4', 'Letter']) {
      const pdf = await page.pdf({ format, path: path.join(OUTPUT, `summary-${format}.pdf`) });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages, format).toBeGreaterThanOrEqual(SUMMARY_SECTIONS.length);
    }
    await page.close();
  });

  it('shows the case: own words, wins and losses, the pipeline, growth areas and evidence, as drawn', async () => {
    const { page } = await open(summaryFile);
    await expect(page.locator('#reflection blockquote').textContent()).resolves.toBe(
      'Rebuilt my pipeline and closed the largest deal of the team.',
    );
    // The bars are drawn to scale: two wins fill the track, one loss half of it.
    const won = await page.locator('svg[aria-labelledby="chart-wins-losses"] rect.win').boundingBox();
    const lost = await page.locator('svg[aria-labelledby="chart-wins-losses"] rect.loss').boundingBox();
    expect(won?.width ?? 0).toBeGreaterThan(100);
    expect(Math.round(((lost?.width ?? 0) / (won?.width ?? 1)) * 100)).toBe(50);
    const sales = await page
      .locator('#results table')
      .nth(1)
      .locator('tr')
      .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    expect(sales).toContainEqual(['Win rate', '66.7%']);
    expect(sales).toContainEqual(['Value won', '€150,000']);
    const pipeline = page.locator('svg[aria-labelledby="chart-pipeline"] rect.bar');
    expect(await pipeline.count()).toBe(2);
    await expect(page.locator('#in-progress').textContent()).resolves.toContain('3 open deals worth €140,000 at 31 Dec 2026.');
    expect(await page.locator('#looking-ahead h4').allTextContents()).toEqual(['Discovery', 'Negotiation', 'Prospecting']);
    await expect(page.locator('#results').textContent()).resolves.toContain(
      'Held price with Alpenrad: a 3-month ramp instead of 15% discount',
    );
    await page.locator('#results').screenshot({ path: path.join(OUTPUT, 'summary-results.png') });
    await page.close();
  });

  it('renders the one-to-one agenda: past, present and future', async () => {
    const file = path.join(folder, 'checkin.html');
    fs.writeFileSync(file, (await run(['checkin', '--format', 'html'], { db })).stdout);
    fs.copyFileSync(file, path.join(OUTPUT, 'checkin.html'));
    const { page, errors, requests } = await open(file);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(await headings(page, 'h2')).toEqual(['The past: since last time', 'The present: goals now', 'The future: next steps']);
    expect(await chartTitles(page)).toEqual(['chart-goal-progress']);
    await page.screenshot({ path: path.join(OUTPUT, 'checkin-light.png'), fullPage: true });
    await page.close();
  });
});
