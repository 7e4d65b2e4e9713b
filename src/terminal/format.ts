import { inert } from './inert.js';
import { cutToWidth, displayWidth, needsWidths, wrapWide } from './widths.js';
import { MONTH_NAMES, dayOf, daysBetween, pad2, splitDay, weekdayOf, type Day } from '../domain/calendar.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));

/** "Thu 26 Nov 2026" (the year is left out when it is `currentYear`). */
export function formatDay(day: Day, currentYear?: number): string {
  const { year, month, day: d } = splitDay(day);
  const base = `${WEEKDAYS[weekdayOf(day)]} ${d} ${MONTHS[month - 1]}`;
  return year === currentYear ? base : `${base} ${year}`;
}

/** An ISO instant as local "2026-11-26 17:42", for "logged at" lines. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${dayOf(d)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** "26 Nov 2026". */
export function formatShortDay(day: Day): string {
  const { year, month, day: d } = splitDay(day);
  return `${d} ${MONTHS[month - 1]} ${year}`;
}

/** "November 2026" from "2026-11". */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1]} ${year}`;
}

/** "today", "yesterday", "3 days ago", "in 35 days", "tomorrow". */
export function formatRelativeDay(day: Day, today: Day): string {
  const diff = daysBetween(today, day);
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  return diff > 0 ? `in ${diff} days` : `${-diff} days ago`;
}

/** Word-wraps plain text to `width` columns, keeping the text's own line breaks; control characters are shown inertly. */
// One line of single-spaced words, no wider than the width, is its own wrapping: a summary wraps
// thousands of short notes (issue 12).
const SINGLE_SPACED = /^\S+(?: \S+)*$/;

export function wrapText(text: string, width: number): string[] {
  const safe = inert(text);
  if (safe.length <= width && SINGLE_SPACED.test(safe) && !needsWidths(safe)) return [safe];
  const lines: string[] = [];
  for (const paragraph of safe.split('\n')) {
    const wide = needsWidths(paragraph) ? wrapWide(paragraph, width) : undefined;
    if (wide) {
      lines.push(...wide);
      continue;
    }
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = '';
      }
      // A word longer than the width (a URL) gets a line of its own, unbroken.
      line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** The columns a string takes in the terminal: colour codes take none; CJK and emoji two once widths are loaded. */
export function visibleLength(text: string): number {
  return displayWidth(text);
}

/** Plain `text` cut to `width` characters, the last one an ellipsis when anything was cut; control characters inert. */
export function truncate(plain: string, width: number): string {
  const text = inert(plain);
  if (needsWidths(text)) return displayWidth(text) > width ? `${cutToWidth(text, Math.max(1, width - 1))}…` : text;
  return text.length > width ? `${text.slice(0, Math.max(1, width - 1))}…` : text;
}

/** `count` with the noun in singular or plural: "1 note", "3 notes". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** After `-o`: what was written, and where. */
export function renderWritten(what: string, file: string): string {
  return `Wrote ${what} to ${inert(file)}.`;
}

/** A word as it can be pasted into a shell. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}
