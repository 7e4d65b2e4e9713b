import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import { visibleLength } from './format.js';
import type { Theme } from './theme.js';
import { needsWidths } from './widths.js';

/** The one table style of the program: no borders, a bold header ruled off, two spaces between columns. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** This column takes the room the others leave, wrapping its text to fit the width. */
  flex?: boolean;
}

export interface TableOptions {
  theme: Theme;
  /** Columns available, the indent included. */
  width: number;
  indent?: number;
}

const NO_BORDERS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '',
};

const GAP = 2;
// cli-table3 (and string-width behind it) costs ~10 ms to load and ~1 ms per dozen rows to lay out:
// a summary's tables took ~20 ms (issue 12). It is loaded only for a table that must wrap.
const load = createRequire(import.meta.url);
// Cells that need none of cli-table3's work: one line of characters one column wide each (widths.ts's
// list, which string-width agrees with), colour codes aside, that fits its column. Its layout is then
// padding to the width plus the gap.
const COLOUR_CODE = /\x1b\[[0-9;]*m/g;

/** The table's lines as cli-table3 draws them, or null when a cell wraps or needs measuring. */
function plainLines(columns: readonly Column[], cells: readonly (readonly string[])[], widths: readonly number[]): string[] | null {
  const lines: string[] = [];
  for (const row of cells) {
    if (row.length !== columns.length) return null;
    let line = '';
    let blank = true;
    for (let i = 0; i < row.length; i++) {
      const cell = row[i] as string;
      const shown = cell.includes('\x1b') ? cell.replace(COLOUR_CODE, '') : cell;
      const width = widths[i] as number;
      if (shown.includes('\n') || needsWidths(shown) || shown.length > width) return null;
      // cli-table3 draws a blank cell (no line at all) as spaces; one with colour codes only is its to draw.
      if (shown.trim() === '') {
        if (shown !== cell) return null;
      } else blank = false;
      const fill = ' '.repeat(width - shown.length);
      line += `${columns[i]?.align === 'right' ? fill + cell : cell + fill}${' '.repeat(GAP)}`;
    }
    // A row of blank cells has no height in cli-table3.
    if (blank) return null;
    lines.push(line);
  }
  return lines;
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions): string {
  const { theme, width, indent = 2 } = options;
  const longest = columns.map((column, i) =>
    Math.max(visibleLength(column.header), ...rows.map((row) => Math.max(...(row[i] ?? '').split('\n').map(visibleLength)))),
  );
  const fixed = longest.reduce((sum, w, i) => (columns[i]?.flex ? sum : sum + w + GAP), 0);
  const room = Math.max(12, width - indent - fixed - GAP);
  const widths = longest.map((w, i) => (columns[i]?.flex ? Math.min(w, room) : w));
  const cells = [columns.map((c) => theme.bold(c.header)), widths.map((w) => theme.dim('─'.repeat(w))), ...rows];
  const pad = ' '.repeat(indent);
  const plain = plainLines(columns, cells, widths);
  if (plain !== null) return plain.map((line) => `${pad}${line}`.trimEnd()).join('\n');
  const Table = load('cli-table3') as typeof TableType;
  const table = new Table({
    chars: NO_BORDERS,
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': GAP },
    colWidths: widths.map((w) => w + GAP),
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: true,
  });
  for (const row of cells) table.push([...row]);
  return table
    .toString()
    .split('\n')
    .map((line) => `${pad}${line}`.trimEnd())
    .join('\n');
}
