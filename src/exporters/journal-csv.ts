import type { JournalDump } from '../domain/journal-dump.js';

const COLUMNS = ['id', 'date', 'type', 'account', 'starred', 'tags', 'goal', 'progress', 'competencies', 'text', 'created_at'];

/** One field per RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The notes as CSV (RFC 4180: CRLF between records), oldest first, with a header row. */
export function renderJournalCsv(dump: JournalDump): string {
  const goalSlugs = new Map(dump.goals.map((g) => [g.id, g.slug]));
  const competencySlugs = new Map(dump.competencies.map((c) => [c.id, c.slug]));
  const progress = new Map(dump.goalCheckins.filter((c) => c.noteId !== null && c.kind === 'add').map((c) => [c.noteId, c.amount]));
  const notes = [...dump.notes].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const rows = notes.map((n) => [
    n.id,
    n.date,
    n.type,
    n.account,
    n.starred,
    n.tags.join(' '),
    n.goalId === null ? null : (goalSlugs.get(n.goalId) ?? null),
    progress.get(n.id) ?? null,
    n.competencyIds.map((id) => competencySlugs.get(id) ?? String(id)).join(' '),
    n.text,
    n.createdAt,
  ]);
  return [COLUMNS, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
