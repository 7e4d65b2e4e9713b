import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSummaryHtml } from '../../src/exporters/summary-html.js';
import type { SalesNumbers } from '../../src/domain/summary.js';
import { buildRealisticYear } from '../fixtures/realistic-year.js';
import { ROOT, run, tempDbPath, tempDir } from '../helpers.js';

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

const SUMMARY_SECTIONS = ['Highlights', 'Results by goal', 'Work in progress', 'Competencies', 'Development', 'Feedback', 'Activity'];
const SUMMARY_CHARTS = ['chart-goal-progress', 'chart-competencies', 'chart-activity'];

/** Sales numbers as the summary model will carry them (issue 11 item 2), for the wins-and-losses chart. */
const SALES: SalesNumbers = {
  wins: 7,
  losses: 3,
  winRate: 70,
  wonValue: 412000,
  averageDeal: 58857.14,
  largestDeal: { id: 4, name: 'Acme renewal', account: 'Acme', value: 120000, closedOn: '2026-06-30' },
  pipeline: { open: 5, value: 260000, byStage: { discovery: { count: 2, value: 60000 }, proposal: { count: 3, value: 200000 } } },
  activity: { call: 120, meeting: 64, win: 7 },
  currency: 'USD',
};

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
    db = buildRealisticYear(tempDbPath());
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
    expect(await headings(page, 'h1')).toEqual(['Accomplishments summary: Jane Doe']);
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

  it('draws wins and losses when the summary carries sales numbers', async () => {
    const summary = JSON.parse((await run(['summary', '--json'], { db })).stdout);
    const file = path.join(folder, 'with-sales.html');
    fs.writeFileSync(file, renderSummaryHtml({ ...summary, sales: SALES, noteDays: [] }));
    const { page, errors, requests } = await open(file);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(await headings(page, 'h2')).toContain('Sales');
    expect(await chartTitles(page)).toContain('chart-wins-losses');
    await page.locator('#sales').screenshot({ path: path.join(OUTPUT, 'summary-sales.png') });
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
