/**
 * The report's charts as inline SVG: no script, no font, nothing fetched; colours come from the
 * page's CSS classes so that one chart serves light, dark and print. Each chart is an `img` with a
 * <title> (its accessible name; inline SVG in HTML needs no xmlns, so the file names no URL at all); the page puts a table of the same numbers beside it. The layout
 * functions (`barWidth`, `paceMarkerX`, `heatmapCells`) are exported so that tests can check the
 * geometry without parsing SVG.
 */
import { addDays, daysBetween, MONTH_NAMES, splitDay, weekdayOf, type Day } from '../../domain/calendar.js';
import { escapeHtml } from './escape.js';
import type { Html } from './page.js';

/** Where the bars of a bar chart start and how wide 100% is, in SVG units. */
export const BAR_X = 220;
export const BAR_WIDTH = 360;
const ROW = 28;

/** Charts grow with the page up to a third past their drawn size, beyond which their text would shout. */
const MAX_SCALE = 1.35;

function svg(id: string, title: string, width: number, height: number, content: string): Html {
  return `<svg class="chart" role="img" aria-labelledby="${id}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="max-width: ${Math.round(width * MAX_SCALE)}px"><title id="${id}">${escapeHtml(title)}</title>${content}</svg>`;
}

/** A label cut to fit the label column; the table beside the chart has it whole. */
export function shorten(text: string, max = 32): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The width of a bar for `percent` (0–100, clamped: a goal past its target fills the bar). */
export function barWidth(percent: number, width = BAR_WIDTH): number {
  return round((Math.min(100, Math.max(0, percent)) / 100) * width);
}

/** Where the pace marker stands: the share of the way the calendar says the goal should be. */
export function paceMarkerX(expectedPercent: number, x = BAR_X, width = BAR_WIDTH): number {
  return round(x + barWidth(expectedPercent, width));
}

export interface ProgressRow {
  label: string;
  /** Percent of the way from baseline to target; null without a target. */
  percent: number | null;
  /** Where the straight line from start to due puts the goal, in percent; null without one. */
  expectedPercent: number | null;
  /** A CSS suffix for the bar's colour: the pace (achieved, ahead, on-track, behind, overdue). */
  tone: string;
  /** What the row's end reads, e.g. "64% · behind". */
  caption: string;
}

/** Each goal's progress toward its target as a bar, with a vertical mark where its pace line is. */
export function progressChart(id: string, title: string, rows: readonly ProgressRow[]): Html {
  const height = rows.length * ROW + 24;
  const parts = rows.map((row, i) => {
    const y = i * ROW + 8;
    const label = `<text x="0" y="${y + 14}">${escapeHtml(shorten(row.label))}</text>`;
    const track = `<rect class="track" x="${BAR_X}" y="${y + 2}" width="${BAR_WIDTH}" height="16" rx="3"/>`;
    const bar =
      row.percent === null
        ? ''
        : `<rect class="bar bar-${escapeHtml(row.tone)}" x="${BAR_X}" y="${y + 2}" width="${barWidth(row.percent)}" height="16" rx="3"/>`;
    const marker =
      row.expectedPercent === null
        ? ''
        : `<line class="marker pace-marker" x1="${paceMarkerX(row.expectedPercent)}" x2="${paceMarkerX(row.expectedPercent)}" y1="${y - 2}" y2="${y + 22}"/>`;
    const value = `<text x="${BAR_X + BAR_WIDTH + 8}" y="${y + 14}">${escapeHtml(row.caption)}</text>`;
    return label + track + bar + marker + value;
  });
  // Goals already closed have no pace line: the legend names the line only when one is drawn.
  const lines = rows.some((row) => row.expectedPercent !== null) ? ' · line: where the pace line is today' : '';
  const legend = `<text class="muted" x="${BAR_X}" y="${height - 4}">bar: progress to target${lines}</text>`;
  return svg(id, title, BAR_X + BAR_WIDTH + 130, height, parts.join('') + legend);
}

export interface RatingRow {
  label: string;
  self: { start: number | null; end: number | null };
  others: { start: number | null; end: number | null };
}

const DOT_X = 220;
const DOT_WIDTH = 320;

/** Where a rating sits on the scale's axis (1 at the left end, `scaleMax` at the right). */
export function ratingX(rating: number, scaleMax: number): number {
  return round(DOT_X + (scaleMax <= 1 ? 0 : ((rating - 1) / (scaleMax - 1)) * DOT_WIDTH));
}

function dumbbell(kind: 'self' | 'others', span: { start: number | null; end: number | null }, y: number, scaleMax: number): string {
  const { start, end } = span;
  if (start === null && end === null) return '';
  const parts: string[] = [];
  if (start !== null && end !== null && start !== end) {
    parts.push(
      `<line class="${kind}" x1="${ratingX(start, scaleMax)}" x2="${ratingX(end, scaleMax)}" y1="${y}" y2="${y}" stroke-width="2"/>`,
    );
  }
  if (start !== null && start !== end)
    parts.push(`<circle class="${kind} rating-start" cx="${ratingX(start, scaleMax)}" cy="${y}" r="4" fill-opacity="0.35"/>`);
  if (end !== null) parts.push(`<circle class="${kind} rating-end" cx="${ratingX(end, scaleMax)}" cy="${y}" r="6"/>`);
  return parts.join('');
}

/** Self and others' ratings per competency: a faint dot at the period's start, a full one at its end. */
export function ratingsChart(id: string, title: string, rows: readonly RatingRow[], scaleMax: number): Html {
  const rowHeight = 34;
  const top = 22;
  const height = top + rows.length * rowHeight + 24;
  const ticks = Array.from({ length: scaleMax }, (_, i) => i + 1)
    .map(
      (r) =>
        `<line class="axis" x1="${ratingX(r, scaleMax)}" x2="${ratingX(r, scaleMax)}" y1="${top - 6}" y2="${height - 24}"/><text class="muted" x="${ratingX(r, scaleMax) - 3}" y="${top - 9}">${r}</text>`,
    )
    .join('');
  const parts = rows.map((row, i) => {
    const y = top + i * rowHeight;
    return `<text x="0" y="${y + 16}">${escapeHtml(shorten(row.label))}</text>${dumbbell('self', row.self, y + 7, scaleMax)}${dumbbell('others', row.others, y + 21, scaleMax)}`;
  });
  const legendY = height - 6;
  const legend = `<circle class="self" cx="${DOT_X + 4}" cy="${legendY - 4}" r="5"/><text x="${DOT_X + 14}" y="${legendY}">self</text><circle class="others" cx="${DOT_X + 64}" cy="${legendY - 4}" r="5"/><text x="${DOT_X + 74}" y="${legendY}">others</text><text class="muted" x="${DOT_X + 134}" y="${legendY}">faint: start of period · full: end</text>`;
  return svg(id, title, DOT_X + DOT_WIDTH + 30, height, ticks + parts.join('') + legend);
}

export interface HeatCell {
  date: Day;
  count: number;
  /** Column (week, Monday first) and row (0 = Monday … 6 = Sunday). */
  week: number;
  weekday: number;
  /** 0 for no notes, 1–4 by share of the busiest day. */
  level: number;
  /** After `until` (today, for a period that has not ended): a day that has not happened yet. */
  future: boolean;
}

/** One cell per day from `from` to `to`, laid out in weeks that start on Monday, as GitHub does. */
export function heatmapCells(from: Day, to: Day, counts: ReadonlyMap<Day, number>, until: Day = to): HeatCell[] {
  const days = daysBetween(from, to) + 1;
  const offset = (weekdayOf(from) + 6) % 7;
  const max = Math.max(0, ...counts.values());
  return Array.from({ length: Math.max(0, days) }, (_, i) => {
    const date = addDays(from, i);
    const count = counts.get(date) ?? 0;
    return {
      date,
      count,
      week: Math.floor((i + offset) / 7),
      weekday: (i + offset) % 7,
      level: count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 4)),
      future: date > until,
    };
  });
}

const CELL = 12;
const HEAT_X = 32;
const HEAT_Y = 20;

/** Notes per day over the period, a column a week. */
export function activityHeatmap(id: string, title: string, from: Day, to: Day, counts: ReadonlyMap<Day, number>, until: Day = to): Html {
  const cells = heatmapCells(from, to, counts, until);
  const weeks = (cells.at(-1)?.week ?? 0) + 1;
  const rects = cells
    .map(
      (c) =>
        `<rect class="cell ${c.future ? 'future' : `heat${c.level}`}" x="${HEAT_X + c.week * CELL}" y="${HEAT_Y + c.weekday * CELL}" width="${CELL - 2}" height="${CELL - 2}" rx="2"><title>${c.date}: ${c.future ? 'not yet' : `${c.count} ${c.count === 1 ? 'note' : 'notes'}`}</title></rect>`,
    )
    .join('');
  const days = ['Mon', '', 'Wed', '', 'Fri', '', '']
    .map((d, i) => (d ? `<text class="muted" x="0" y="${HEAT_Y + i * CELL + 9}">${d}</text>` : ''))
    .join('');
  // A month's name over the week that holds its first day (and over the first week).
  const months = cells
    .filter((c, i) => i === 0 || splitDay(c.date).day === 1)
    .map(
      (c) =>
        `<text class="muted" x="${HEAT_X + c.week * CELL}" y="12">${MONTH_NAMES[splitDay(c.date).month - 1]?.slice(0, 3) ?? ''}</text>`,
    )
    .join('');
  const legendY = HEAT_Y + 7 * CELL + 14;
  const legend = `<text class="muted" x="${HEAT_X}" y="${legendY + 9}">less</text>${[0, 1, 2, 3, 4]
    .map((l) => `<rect class="heat${l}" x="${HEAT_X + 30 + l * CELL}" y="${legendY}" width="${CELL - 2}" height="${CELL - 2}" rx="2"/>`)
    .join('')}<text class="muted" x="${HEAT_X + 36 + 5 * CELL}" y="${legendY + 9}">more</text>`;
  return svg(id, title, Math.max(HEAT_X + weeks * CELL + 8, 200), legendY + 16, months + days + rects + legend);
}

export interface CountBar {
  label: string;
  value: number;
  /** CSS class of the bar (win, loss, bar). */
  tone: string;
  /** What the bar's end reads (default: the value), e.g. "€120,000". */
  text?: string;
}

/** Counts or amounts as horizontal bars on one scale (wins and losses, the pipeline's value by stage). */
export function countBars(id: string, title: string, bars: readonly CountBar[]): Html {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const parts = bars.map((b, i) => {
    const y = i * ROW + 4;
    return `<text x="0" y="${y + 14}">${escapeHtml(shorten(b.label))}</text><rect class="track" x="${BAR_X}" y="${y + 2}" width="${BAR_WIDTH}" height="16" rx="3"/><rect class="${escapeHtml(b.tone)}" x="${BAR_X}" y="${y + 2}" width="${barWidth((b.value / max) * 100)}" height="16" rx="3"/><text x="${BAR_X + BAR_WIDTH + 8}" y="${y + 14}">${escapeHtml(b.text ?? String(b.value))}</text>`;
  });
  return svg(id, title, BAR_X + BAR_WIDTH + 130, bars.length * ROW + 8, parts.join(''));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
