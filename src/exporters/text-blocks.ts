import type { NoteJson } from '../domain/summary.js';
import { formatShortDay, wrapText } from '../ui/format.js';
import type { Theme } from '../ui/theme.js';

/** A note in a report: its date, star, type and account on one line, its text wrapped below. */
export function renderReportNote(note: NoteJson, theme: Theme, width: number, indent = '  '): string[] {
  const meta = [note.type !== 'note' ? theme.accent(note.type) : null, note.account ? theme.bold(note.account) : null].filter(Boolean);
  const head = `${indent}${note.starred ? theme.star('★') : ' '} ${formatShortDay(note.date)}${meta.length ? `  ${meta.join(theme.dim(' · '))}` : ''}`;
  const textIndent = `${indent}    `;
  return [head, ...wrapText(note.text, Math.max(20, width - textIndent.length)).map((line) => `${textIndent}${line}`)];
}
