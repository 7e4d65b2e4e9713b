import { describe, expect, it } from 'vitest';
import { expectedPercent } from '../../../src/exporters/html/report-parts.js';
import {
  activityHeatmap,
  BAR_WIDTH,
  BAR_X,
  barWidth,
  countBars,
  heatmapCells,
  paceMarkerX,
  progressChart,
  ratingsChart,
  ratingX,
  shorten,
} from '../../../src/exporters/html/svg-charts.js';

describe('bars', () => {
  it.each([
    [0, 0],
    [50, BAR_WIDTH / 2],
    [80, 288],
    [100, BAR_WIDTH],
    [101.7, BAR_WIDTH],
    [-20, 0],
  ])('%d%% is a bar %d wide (clamped to the track)', (percent, width) => {
    expect(barWidth(percent)).toBe(width);
  });

  it('draws one bar per goal with a target, and a pace marker only where there is a pace line', () => {
    const svg = progressChart('g', 'Goals', [
      { label: 'ARR', percent: 80, expectedPercent: 90.4, tone: 'behind', caption: '80% · behind' },
      { label: 'Qualitative', percent: null, expectedPercent: null, tone: 'no-target', caption: '— · no target' },
    ]);
    expect(svg.match(/class="bar /g)).toHaveLength(1);
    expect(svg.match(/class="track"/g)).toHaveLength(2);
    expect(svg).toContain('width="288"');
    expect(svg.match(/class="marker pace-marker" x1="([\d.]+)"/)?.[1]).toBe(String(paceMarkerX(90.4)));
    expect(svg).toMatch(/^<svg class="chart" role="img" aria-labelledby="g"[^>]*><title id="g">Goals<\/title>/);
  });

  it('names the pace line in its legend only when a line is drawn (closed goals have none)', () => {
    const closed = progressChart('c', 'Goals completed', [
      { label: 'Calls', percent: 100, expectedPercent: null, tone: 'achieved', caption: '100% · done' },
    ]);
    expect(closed).toContain('>bar: progress to target</text>');
    const open = progressChart('o', 'Goals running', [{ label: 'ARR', percent: 40, expectedPercent: 90, tone: 'behind', caption: '40%' }]);
    expect(open).toContain('>bar: progress to target · line: where the pace line is today</text>');
  });

  it('writes an amount at the end of a bar when given one, escaped', () => {
    const svg = countBars('p', 'Pipeline', [{ label: 'proposal', value: 120000, tone: 'bar', text: '€120,000 <b>' }]);
    expect(svg).toContain('>€120,000 &lt;b&gt;</text>');
  });

  it('scales counted bars to the largest', () => {
    const svg = countBars('w', 'Wins and losses', [
      { label: 'Won', value: 6, tone: 'win' },
      { label: 'Lost', value: 3, tone: 'loss' },
    ]);
    expect(svg).toContain(`<rect class="win" x="${BAR_X}" y="6" width="${BAR_WIDTH}"`);
    expect(svg).toContain(`<rect class="loss" x="${BAR_X}" y="34" width="${BAR_WIDTH / 2}"`);
  });

  it('cuts long labels to fit and leaves short ones', () => {
    expect(shorten('Close $500,000 new ARR')).toBe('Close $500,000 new ARR');
    expect(shorten('x'.repeat(40))).toBe(`${'x'.repeat(31)}…`);
  });
});

describe('the pace marker', () => {
  it('stands where the pace line puts the goal: the share of the way from baseline to target', () => {
    // Revenue 0 → 500,000, the line at 452,000 today: 90.4% of the way.
    expect(expectedPercent({ baseline: 0, target: 500000, expected: 452000 })).toBe(90.4);
    // A falling goal (churn 5 → 2), the line at 3.5: half way.
    expect(expectedPercent({ baseline: 5, target: 2, expected: 3.5 })).toBe(50);
    expect(expectedPercent({ baseline: 0, target: null, expected: null })).toBeNull();
    expect(expectedPercent({ baseline: 0, target: 10, expected: null })).toBeNull();
  });

  it.each([
    [0, BAR_X],
    [50, BAR_X + BAR_WIDTH / 2],
    [100, BAR_X + BAR_WIDTH],
    [120, BAR_X + BAR_WIDTH],
  ])('at %d%% it is at x = %d', (percent, x) => {
    expect(paceMarkerX(percent)).toBe(x);
  });
});

describe('the competencies chart', () => {
  it('puts rating 1 at the left of the axis and the top of the scale at the right', () => {
    expect(ratingX(1, 5)).toBe(220);
    expect(ratingX(5, 5)).toBe(540);
    expect(ratingX(3, 5)).toBe(380);
  });

  it('draws a faint dot at the start and a full one at the end, and one dot when the rating did not move', () => {
    const svg = ratingsChart('c', 'Competencies', [{ label: 'Negotiation', self: { start: 2, end: 3 }, others: { start: 4, end: 4 } }], 5);
    expect(svg.match(/rating-start/g)).toHaveLength(1);
    expect(svg.match(/rating-end/g)).toHaveLength(2);
    expect(svg).toContain(`<circle class="self rating-start" cx="${ratingX(2, 5)}"`);
    expect(svg).toContain(`<circle class="self rating-end" cx="${ratingX(3, 5)}"`);
  });
});

describe('the activity heatmap', () => {
  it.each([
    ['2026-01-01', '2026-12-31', 365],
    ['2028-01-01', '2028-12-31', 366],
    ['2026-02-01', '2026-02-28', 28],
    ['2026-11-26', '2026-11-26', 1],
  ])('%s to %s has one cell per day (%d)', (from, to, days) => {
    expect(heatmapCells(from, to, new Map())).toHaveLength(days);
    expect(activityHeatmap('a', 'Activity', from, to, new Map()).match(/<rect class="cell /g)).toHaveLength(days);
  });

  it('lays the days out in weeks from Monday, and shades by the busiest day', () => {
    // Thu 1 Jan 2026 is the fourth row of the first column; Mon 5 Jan starts the second.
    const cells = heatmapCells(
      '2026-01-01',
      '2026-01-11',
      new Map([
        ['2026-01-05', 4],
        ['2026-01-06', 1],
        ['2026-01-07', 2],
      ]),
    );
    expect(cells[0]).toMatchObject({ date: '2026-01-01', week: 0, weekday: 3, level: 0, count: 0 });
    expect(cells[4]).toMatchObject({ date: '2026-01-05', week: 1, weekday: 0, level: 4 });
    expect(cells[5]).toMatchObject({ level: 1 });
    expect(cells[6]).toMatchObject({ level: 2 });
    expect(cells.at(-1)).toMatchObject({ date: '2026-01-11', week: 1, weekday: 6 });
  });

  it('marks the days after today as still to come', () => {
    const cells = heatmapCells('2026-11-01', '2026-11-30', new Map(), '2026-11-26');
    expect(cells.filter((c) => c.future).map((c) => c.date)).toEqual(['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']);
  });
});
