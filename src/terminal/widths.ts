/**
 * Terminal columns for every script: CJK and emoji take two, combining marks none. The measuring
 * and wrapping libraries (string-width, wrap-ansi: ~35 and ~50 ms to load) are loaded the first
 * time text beyond ASCII is measured or wrapped, so views of plain ASCII (and a plain `perf log`)
 * pay nothing. They are ES modules loaded synchronously with require (Node 20.19 and later); on an
 * older Node the width of such text is its count of characters, as before.
 */
import { createRequire } from 'node:module';

type Measure = (text: string) => number;
type Wrap = (text: string, columns: number, options: { hard?: boolean; trim?: boolean; wordWrap?: boolean }) => string;

const load = createRequire(import.meta.url);
let measure: Measure | null | undefined;
let wrapper: Wrap | null | undefined;

function library<T>(name: string): T | null {
  try {
    return (load(name) as { default: T }).default;
  } catch {
    return null;
  }
}

// Characters one column wide each, whatever the terminal, so no library is needed: printable ASCII,
// Latin, Greek and Cyrillic letters (precomposed, no combining marks), and the punctuation, arrows
// and box drawing the views use (·, …, —, →, ─), and the views' own marks (− ◆ ◇ ★ ☆ ✓ ✗: one
// column for string-width too; a listing with a competency's ◆ or a summary's ★ loaded it for them
// alone, ~30–35 ms, issue 12). Colour codes take none.
export const NARROW_RANGES =
  '\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u02ff\\u0370-\\u0482\\u048a-\\u052f\\u2010-\\u2027\\u2030-\\u205e\\u20a0-\\u20bf\\u2190-\\u21ff\\u2212-\\u2212\\u2500-\\u259f\\u25c6-\\u25c7\\u2605-\\u2606\\u2713-\\u2718';
const PLAIN = new RegExp(`^(?:[${NARROW_RANGES}]|\\u001b\\[[0-9;]*m)*$`, 'u');

/** Whether text has characters whose width is not one column each (or may not be). */
export function needsWidths(text: string): boolean {
  return !PLAIN.test(text);
}

/** Columns a string takes; colour codes take none. */
export function displayWidth(text: string): number {
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  if (!needsWidths(plain)) return [...plain].length;
  if (measure === undefined) measure = library<Measure>('string-width');
  return measure ? measure(plain) : [...plain].length;
}

/**
 * Wraps one paragraph with wide characters to `width` columns, breaking runs without spaces
 * (Japanese, Chinese) between characters; undefined when the library cannot be loaded.
 */
export function wrapWide(paragraph: string, width: number): string[] | undefined {
  if (wrapper === undefined) wrapper = library<Wrap>('wrap-ansi');
  if (!wrapper) return undefined;
  return wrapper(paragraph, width, { hard: true, trim: true, wordWrap: true }).split('\n');
}

/** Cuts text to at most `width` columns, whole characters only (a wide one is never split). */
export function cutToWidth(text: string, width: number): string {
  let out = '';
  let used = 0;
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width) break;
    out += segment;
    used += w;
  }
  return out;
}
