import { splitDay } from '../../domain/calendar.js';
import type { Note } from '../../domain/notes.js';
import { formatDay, formatInstant, visibleLength, wrapText } from '../../terminal/format.js';
import type { Theme } from '../../terminal/theme.js';
import { wrapParts } from '../../terminal/wrap.js';

function formatProgress(progress: number): string {
  return `${progress >= 0 ? '+' : ''}${progress.toLocaleString('en-US')}`;
}

/** The parts of a note's header after its id: type, account, star, tags, goal. */
function noteMeta(note: Note, theme: Theme): string[] {
  const parts: string[] = [];
  if (note.type !== 'note') parts.push(theme.accent(note.type));
  if (note.account) parts.push(theme.bold(note.account));
  if (note.starred) parts.push(theme.star('★'));
  if (note.tags.length) parts.push(theme.tag(note.tags.map((t) => `#${t}`).join(' ')));
  if (note.goals.length > 0)
    parts.push(`→ ${note.goals.map((g) => `${g.slug}${g.progress !== null ? ` ${formatProgress(g.progress)}` : ''}`).join(', ')}`);
  if (note.deal) parts.push(`deal ${theme.accent(note.deal)}`);
  if (note.competencies.length) parts.push(note.competencies.map((c) => `◆ ${c}`).join(' '));
  return parts;
}

/** The one confirmation line after `perf log`. */
/** The confirmation after `perf log`: one line, broken between its parts only past `width`. */
export function renderNoteLogged(note: Note, theme: Theme, width = 80): string {
  return wrapParts([theme.good('Logged'), theme.id(`#${note.id}`), formatDay(note.date), ...noteMeta(note, theme)], width, {
    indent: '  ',
  }).join('\n');
}

/** Notes grouped under a heading per day, each with a header line and its wrapped text. */
export function renderNoteList(
  notes: readonly Note[],
  options: { theme: Theme; width: number; today: string; total?: number; filtered?: boolean; seeAll?: string },
): string {
  const { theme, width } = options;
  if (notes.length === 0) {
    return theme.dim(
      options.filtered ? 'No notes match these filters.' : 'No notes yet. Record one with: perf log "Called Acme about the renewal"',
    );
  }
  const currentYear = splitDay(options.today).year;
  const out: string[] = [];
  let day = '';
  for (const note of notes) {
    if (note.date !== day) {
      if (day) out.push('');
      day = note.date;
      out.push(theme.heading(formatDay(day, currentYear)));
    }
    out.push(...wrapHeader(theme.id(`#${note.id}`), noteMeta(note, theme), width));
    for (const line of wrapText(note.text, width - 6)) out.push(`    ${line}`);
  }
  if (options.total !== undefined && options.total > notes.length) {
    out.push('', theme.dim(`… ${options.total - notes.length} more: ${options.seeAll ?? 'perf notes -n all'}`));
  }
  return out.join('\n');
}

/**
 * A note's header line, `  #12  call  Acme  #q4`, wrapped to `width` when a long account or many
 * tags would pass it; further lines hang under the first part after the id.
 */
function wrapHeader(id: string, parts: readonly string[], width: number): string[] {
  const hang = ' '.repeat(2 + visibleLength(id) + 2);
  const lines: string[] = [];
  let line = `  ${id}`;
  for (const part of parts) {
    // Words of a part (the tags, an account's name) may go on separate lines; styles carry over.
    part.split(' ').forEach((word, i) => {
      const separator = i === 0 ? '  ' : ' ';
      if (visibleLength(line) + separator.length + visibleLength(word) > width) {
        lines.push(line);
        line = `${hang}${word}`;
      } else {
        line = `${line}${separator}${word}`;
      }
    });
  }
  lines.push(line);
  return lines;
}

/** One note in full, for `perf notes show`. */
export function renderNoteDetail(note: Note, theme: Theme, width: number): string {
  const rows: [string, string][] = [
    ['Date', formatDay(note.date)],
    ['Type', note.type],
  ];
  if (note.account) rows.push(['Account', note.account]);
  if (note.starred) rows.push(['Starred', theme.star('★ highlight')]);
  if (note.tags.length) rows.push(['Tags', theme.tag(note.tags.map((t) => `#${t}`).join(' '))]);
  if (note.goals.length > 0) {
    const goals = note.goals.map((g) => `${g.slug}${g.progress !== null ? ` (${formatProgress(g.progress)})` : ''}`).join(', ');
    rows.push([note.goals.length === 1 ? 'Goal' : 'Goals', goals]);
  }
  if (note.deal) rows.push(['Deal', note.deal]);
  if (note.competencies.length) rows.push(['Competencies', note.competencies.join(', ')]);
  rows.push(['Logged', formatInstant(note.createdAt)]);
  if (note.updatedAt !== note.createdAt) rows.push(['Edited', formatInstant(note.updatedAt)]);
  const label = Math.max(...rows.map(([k]) => k.length));
  return [
    theme.bold(`Note #${note.id}`),
    '',
    ...wrapText(note.text, width - 2).map((line) => `  ${line}`),
    '',
    ...rows.map(([k, v]) => `  ${theme.dim(k.padEnd(label))}  ${v}`),
  ].join('\n');
}

/** After `perf notes rm`; a note's goal update goes with it, so its goal no longer counts the progress. */
export function renderNoteRemoved(note: Note): string {
  const moved = note.goals.filter((g) => g.progress !== null);
  const progress = moved.map((g) => `; ${g.slug} no longer counts its ${formatProgress(g.progress ?? 0)}`).join('');
  return `Deleted note #${note.id}${progress}.`;
}
