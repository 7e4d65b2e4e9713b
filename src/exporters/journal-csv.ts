import { type JournalDump, noteProgress, notesOldestFirst } from '../domain/journal-dump.js';
import { goalsCell } from '../domain/notes.js';
import { inert } from '../terminal/inert.js';

const COLUMNS = ['id', 'date', 'type', 'account', 'starred', 'tags', 'goal', 'progress', 'goals', 'competencies', 'text', 'created_at'];

// A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field per RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
 * Text that a spreadsheet would run as a formula gets a leading `'` (shown by no spreadsheet) and
 * quotes, as OWASP advises; a number column's value (a negative progress) stays a number. Control
 * characters but tab and line breaks are shown inertly, as in the terminal.
 */
export function csvField(value: string | number | boolean | null): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = (value ?? '').split('\r').map(inert).join('\r');
  if (FORMULA_START.test(text)) return `"'${text.replaceAll('"', '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The notes as CSV (RFC 4180: CRLF between records), oldest first, with a header row. */
export function renderJournalCsv(dump: JournalDump): string {
  const goalSlugs = new Map(dump.goals.map((g) => [g.id, g.slug]));
  const competencySlugs = new Map(dump.competencies.map((c) => [c.id, c.slug]));
  const progress = noteProgress(dump);
  const notes = notesOldestFirst(dump);
  const rows = notes.map((n) => {
    const goals = n.goalIds.map((id) => ({ slug: goalSlugs.get(id) ?? String(id), progress: progress(n.id, id) ?? null }));
    // goal and progress as before for a note with one goal; every goal in `goals`: arr:34000;logos:1.
    const [only] = goals.length === 1 ? goals : [];
    return [
      n.id,
      n.date,
      n.type,
      n.account,
      n.starred,
      n.tags.join(' '),
      only?.slug ?? null,
      only?.progress ?? null,
      goalsCell(goals),
      n.competencyIds.map((id) => competencySlugs.get(id) ?? String(id)).join(' '),
      n.text,
      n.createdAt,
    ];
  });
  return [COLUMNS, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
