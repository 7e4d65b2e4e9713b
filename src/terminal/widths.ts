/**
 * Terminal columns for every script: CJK and emoji take two, combining marks none. The measuring
 * and wrapping libraries (string-width, wrap-ansi: ~35 and ~50 ms to load) are loaded by
 * loadWidths only on paths that render views; until then, and for plain ASCII always, a string's
 * width is its length, so a plain `perf log` pays nothing.
 */
type Measure = (text: string) => number;
type Wrap = (text: string, columns: number, options: { hard?: boolean; trim?: boolean; wordWrap?: boolean }) => string;

let measure: Measure | undefined;
let wrapper: Wrap | undefined;

export async function loadWidths(): Promise<void> {
  if (measure && wrapper) return;
  const [{ default: stringWidth }, { default: wrapAnsi }] = await Promise.all([import('string-width'), import('wrap-ansi')]);
  measure = stringWidth;
  wrapper = wrapAnsi;
}

// Printable ASCII and colour codes only: one column a character, no library needed.
const PLAIN = /^(?:[\x20-\x7e]|\u001b\[[0-9;]*m)*$/;

/** Whether text has characters whose width is not one column each (or may not be). */
export function needsWidths(text: string): boolean {
  return !PLAIN.test(text);
}

/** Columns a string takes; colour codes take none. Before loadWidths, non-ASCII counts one a character. */
export function displayWidth(text: string): number {
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  if (!needsWidths(plain) || !measure) return [...plain].length;
  return measure(plain);
}

/**
 * Wraps one paragraph with wide characters to `width` columns, breaking runs without spaces
 * (Japanese, Chinese) between characters; undefined when the libraries are not loaded.
 */
export function wrapWide(paragraph: string, width: number): string[] | undefined {
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
