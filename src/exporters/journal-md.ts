import { MONTH_NAMES, splitDay } from '../domain/calendar.js';
import { type JournalDump, noteProgress, notesOldestFirst } from '../domain/journal-dump.js';
import { mdLines, mdText } from './markdown.js';
import { formatChange } from '../terminal/numbers.js';

/**
 * The journal as Markdown, the way jrnl exports it: a heading per year and per month, and under
 * them one heading per note (its date and first line) with the rest of its text below.
 */
export function renderJournalMarkdown(dump: JournalDump): string {
  const goals = new Map(dump.goals.map((g) => [g.id, g]));
  // A version 2 dump (read by tests) has no deals.
  const deals = new Map((dump.deals ?? []).map((d) => [d.id, d.slug]));
  const progress = noteProgress(dump);
  const notes = notesOldestFirst(dump);
  const out: string[] = [];
  let year = '';
  let month = '';
  for (const note of notes) {
    const { year: y, month: m } = splitDay(note.date);
    if (String(y) !== year) {
      year = String(y);
      month = '';
      out.push(`# ${year}`);
    }
    if (MONTH_NAMES[m - 1] !== month) {
      month = MONTH_NAMES[m - 1] ?? '';
      out.push(`## ${month}`);
    }
    const [title = '', ...body] = note.text.split(/\r\n?|\n/);
    out.push(`### ${note.date} ${mdText(title)}`);
    const rest = mdLines(body.join('\n').trim(), '');
    if (rest) out.push(rest);
    const meta: string[] = [];
    if (note.type !== 'note') meta.push(note.type);
    if (note.account) meta.push(mdText(note.account));
    if (note.starred) meta.push('★ starred');
    if (note.tags.length) meta.push(note.tags.map((t) => `#${mdText(t)}`).join(' '));
    for (const goalId of note.goalIds) {
      const amount = progress(note.id, goalId);
      const goal = goals.get(goalId);
      meta.push(
        `goal ${mdText(goal?.slug ?? String(goalId))}${amount === undefined ? '' : ` ${mdText(formatChange(amount, goal?.unit ?? null))}`}`,
      );
    }
    if (note.dealId != null) meta.push(`deal ${mdText(deals.get(note.dealId) ?? String(note.dealId))}`);
    if (meta.length) out.push(`*${meta.join(' · ')}*`);
  }
  return out.length ? `${out.join('\n\n')}\n` : '';
}
