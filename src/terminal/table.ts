import Table from 'cli-table3';
import { visibleLength } from './format.js';
import type { Theme } from './theme.js';

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

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions): string {
  const { theme, width, indent = 2 } = options;
  const longest = columns.map((column, i) =>
    Math.max(visibleLength(column.header), ...rows.map((row) => Math.max(...(row[i] ?? '').split('\n').map(visibleLength)))),
  );
  const fixed = longest.reduce((sum, w, i) => (columns[i]?.flex ? sum : sum + w + GAP), 0);
  const room = Math.max(12, width - indent - fixed - GAP);
  const widths = longest.map((w, i) => (columns[i]?.flex ? Math.min(w, room) : w));
  const table = new Table({
    chars: NO_BORDERS,
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': GAP },
    colWidths: widths.map((w) => w + GAP),
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: true,
  });
  table.push(columns.map((c) => theme.bold(c.header)));
  table.push(widths.map((w) => theme.dim('─'.repeat(w))));
  for (const row of rows) table.push([...row]);
  const pad = ' '.repeat(indent);
  return table
    .toString()
    .split('\n')
    .map((line) => `${pad}${line}`.trimEnd())
    .join('\n');
}
