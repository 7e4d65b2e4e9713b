import { UsageError } from '../errors.js';
import type { Day } from './calendar.js';

/** The rep's own words on a period: a self-assessment, stored with the range it was written for. */
export interface Reflection {
  id: number;
  from: Day;
  to: Day;
  text: string;
  createdAt: string;
  updatedAt: string;
}

/** The JSON shape of a reflection (`perf reflect --list --json`, and the summary's `reflection` without the id). */
export function reflectionToJson(r: Reflection) {
  return { id: r.id, from: r.from, to: r.to, text: r.text, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

/** What was written, as stored: trimmed, inner line breaks kept; empty is an error. */
export function normalizeReflectionText(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (!text) throw new UsageError('the reflection is empty: write how the period went, e.g. perf reflect "A strong year: …"');
  return text;
}
