/** Text charts: a progress bar with eighth-cell precision, and a sparkline. */

const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARK = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** The mark on a bar where the calendar says the goal should be today. */
export const EXPECTED_MARK = '│';

/**
 * `width` cells filled to `fraction` (clamped to 0–1). With `expected`, an empty cell at that
 * fraction shows EXPECTED_MARK, so a goal behind the line shows how far behind.
 */
export function renderBar(fraction: number, width: number, expected: number | null = null): string {
  const cells = clamp(fraction) * width;
  let full = Math.floor(cells);
  let eighths = Math.round((cells - full) * 8);
  if (eighths === 8) {
    full += 1;
    eighths = 0;
  }
  const used = full + (eighths ? 1 : 0);
  const empty = Array.from({ length: width - used }, () => '░');
  if (expected !== null) {
    const at = Math.min(width - 1, Math.floor(clamp(expected) * width)) - used;
    if (at >= 0 && at < empty.length) empty[at] = EXPECTED_MARK;
  }
  return '█'.repeat(full) + (PARTIAL[eighths] ?? '') + empty.join('');
}

/** One character per value, low to high; a flat series sits on the middle line. */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (high === low) return (SPARK[3] ?? '▄').repeat(values.length);
  return values.map((v) => SPARK[Math.round(((v - low) / (high - low)) * (SPARK.length - 1))] ?? '').join('');
}

function clamp(fraction: number): number {
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
}
