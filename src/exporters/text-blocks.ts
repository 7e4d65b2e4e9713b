import type { NoteJson } from '../domain/summary.js';
import { formatShortDay, wrapText } from '../terminal/format.js';
import type { Theme } from '../terminal/theme.js';
import { wrapParts } from '../terminal/wrap.js';
import type { Relationship } from '../domain/feedback.js';
import type { ListCut } from '../domain/summary.js';
import { ALL_NOTES_HINT, moreNotes, relationshipLabel } from './report-format.js';

/** A note in a report: its date, star, type and account on one line, its text wrapped below. */
export function renderReportNote(note: NoteJson, theme: Theme, width: number, indent = '  '): string[] {
  const meta = [note.type !== 'note' ? theme.accent(note.type) : null, note.account ? theme.bold(note.account) : null].filter(Boolean);
  const head = `${indent}${note.starred ? theme.star('★') : ' '} ${formatShortDay(note.date)}${meta.length ? `  ${meta.join(theme.dim(' · '))}` : ''}`;
  const textIndent = `${indent}    `;
  return [head, ...wrapText(note.text, Math.max(20, width - textIndent.length)).map((line) => `${textIndent}${line}`)];
}

/** "— Dr. Kim (Umbrella), other manager, 26 Nov 2026" under a quote, broken between its parts to fit. */
export function attributionLines(
  feedback: { from: string; relationship: Relationship; date: string },
  width: number,
  indent: string,
): string[] {
  const parts = [feedback.from, relationshipLabel(feedback.relationship), formatShortDay(feedback.date)];
  return wrapParts(parts, width, { first: `${indent}— `, indent: `${indent}  `, separator: ', ' });
}

/** Under a list cut to its most telling notes: how many more, and the command (kept whole) that lists them. */
export function moreNotesLines(cut: ListCut | undefined, shown: number, theme: Theme, width: number, indent: string): string[] {
  const more = moreNotes(cut, shown);
  if (more === null) return [];
  const parts = more.command === null ? [`${more.more} (${ALL_NOTES_HINT})`] : [`${more.more}:`, more.command];
  return wrapParts(parts, width, { first: indent, indent, separator: ' ' }).map((line) => theme.dim(line));
}
