/**
 * The parts of the Markdown summary that make the case: the rep's own words, the sales numbers,
 * the feedback quoted, the evidence under each competency, and the growth areas.
 */
import { RELATIONSHIPS } from '../domain/feedback.js';
import type { DevelopmentItem, Evidence, FeedbackItem, GrowthArea, ListCut, NoteJson, Summary } from '../domain/summary.js';
import { formatShortDay, plural } from '../terminal/format.js';
import { formatNumber } from '../terminal/numbers.js';
import { mdLines, mdQuote, mdTable, mdText } from './markdown.js';
import { ALL_NOTES_HINT, moreNotes, ratingCells, ratingsNote, relationshipLabel, salesRows } from './report-format.js';

export function reflection(summary: Summary): string {
  if (summary.reflection === null) return '';
  return `## In my own words\n\n${mdQuote(summary.reflection.text)}`;
}

export function sales(summary: Summary): string {
  const s = summary.sales;
  if (s.wins + s.losses === 0 && s.pipeline.open === 0) return '';
  const rows = salesRows(s, mdText);
  return ['### Sales', mdTable(['', ''], rows, ['left', 'right'])].join('\n\n');
}

/** "46 call, 48 meeting" from the notes counted by type, plain notes left out. */
export function activityByType(summary: Summary): string | null {
  const activity = Object.entries(summary.sales.activity).filter(([type]) => type !== 'note');
  return activity.length ? activity.map(([type, n]) => `${formatNumber(n)} ${type}`).join(', ') : null;
}

function quote(f: FeedbackItem): string {
  const about = f.competency ? `, on ${mdText(f.competency)}` : '';
  return `${mdQuote(f.text)}\n>\n> — ${mdText(f.from)}, ${relationshipLabel(f.relationship)}, ${formatShortDay(f.date)}${about}`;
}

/** Counted by relationship, then the curated quotes: the starred ones, else the praise. */
export function feedback(summary: Summary): string {
  const { byRelationship, items, quoted } = summary.feedback;
  if (items.length === 0) return '### Feedback\n\nNo feedback recorded in this period.';
  const counts = RELATIONSHIPS.filter((r) => byRelationship[r] > 0).map((r) => [relationshipLabel(r), String(byRelationship[r])]);
  const rest = items.some((f) => f.constructive) ? ['_Constructive feedback is quoted under the growth area it concerns._'] : [];
  return ['### Feedback', mdTable(['From', 'Pieces'], counts, ['left', 'right']), ...quoted.map(quote), ...rest].join('\n\n');
}

function evidenceLine(e: Evidence): string {
  if (e.kind === 'note') {
    const type = e.type !== 'note' ? ` · ${e.type}` : '';
    return `- **${formatShortDay(e.date)}**${type} — ${mdLines(e.text, '  ')}`;
  }
  const flag = e.constructive ? ' (constructive)' : e.starred ? ' ★' : '';
  return `- **${formatShortDay(e.date)}** · ${mdText(e.from)}, ${relationshipLabel(e.relationship as never)}${flag} — “${mdLines(e.text, '  ')}”`;
}

/** Ratings at the period's start and end, then the evidence behind each competency. */
export function competencies(summary: Summary): string {
  if (summary.competencies.length === 0) return '### Competencies\n\nNo ratings or evidence in this period.';
  const table = mdTable(
    ['Competency', 'Self', 'Change', 'Others', 'Change', 'Target'],
    summary.competencies.map((c) => [mdText(c.name), ...ratingCells(c)]),
    ['left', 'right', 'right', 'right', 'right', 'right'],
  );
  const note = ratingsNote(summary.scaleMax);
  const evidence = summary.competencies
    .filter((c) => c.evidence.length > 0)
    .map(
      (c) =>
        `#### ${mdText(c.name)}\n\n${c.evidence.map(evidenceLine).join('\n')}${moreNotesMd(summary.cuts?.evidence[c.slug], c.evidence.length)}`,
    );
  return ['### Competencies', table, note, ...evidence].join('\n\n');
}

export function learning(summary: Summary): string {
  if (summary.learning.length === 0) return '';
  return `### Learning\n\n${summary.learning.map(noteLine).join('\n')}${moreNotesMd(summary.cuts?.learning, summary.learning.length)}`;
}

function ratingFacts(area: GrowthArea, scaleMax: number): string {
  const basis = area.others.end !== null ? area.others : area.self;
  const who = area.others.end !== null ? 'others' : 'self';
  const change = basis.change !== null && basis.change !== 0 ? ` (${basis.change > 0 ? '+' : ''}${basis.change} this period)` : '';
  return `Rated ${basis.end ?? '—'} of ${scaleMax} by ${who === 'self' ? 'myself' : 'others'}${change}; target ${area.target}.`;
}

function growthArea(area: GrowthArea, summary: Summary): string {
  const { scaleMax } = summary;
  const lines = [`#### ${mdText(area.name)}`, '', ratingFacts(area, scaleMax)];
  if (area.development.length)
    lines.push('', '**What I am doing:**', '', ...area.development.map((d) => developmentLine(d, d.status === 'done')));
  if (area.progress.length) {
    lines.push('', '**Progress:**', '', ...area.progress.map(evidenceLine));
    const more = moreNotesMd(summary.cuts?.progress[area.slug], area.progress.length);
    if (more) lines.push('', more.trimStart());
  }
  if (area.feedback.length) lines.push('', '**Feedback to act on:**', '', area.feedback.map(quote).join('\n\n'));
  return lines.join('\n');
}

/** Every competency below the top of the scale, what is done about each first. */
export function growthAreas(summary: Summary): string {
  const { growthAreas: areas, feedback } = summary.lookingAhead;
  const parts = ['### Growth areas'];
  if (areas.length === 0) parts.push('Every rated competency is at the top of the scale.');
  else parts.push(...areas.map((a) => growthArea(a, summary)));
  if (feedback.length) parts.push(`**Other feedback to act on:**\n\n${feedback.map(quote).join('\n\n')}`);
  const untouched = areas.filter((a) => a.development.length === 0 && a.feedback.length === 0 && a.progress.length === 0).length;
  if (untouched > 0) parts.push(`_${plural(untouched, 'growth area')} with no plan yet._`);
  return parts.join('\n\n');
}

export function noteLine(note: NoteJson): string {
  const meta = [`**${formatShortDay(note.date)}**`];
  if (note.type !== 'note') meta.push(note.type);
  if (note.account) meta.push(mdText(note.account));
  if (note.starred) meta.push('★');
  return `- ${meta.join(' · ')} — ${mdLines(note.text, '  ')}`;
}

export function developmentLine(item: DevelopmentItem, done: boolean): string {
  const when = done
    ? `**${item.completedAt ? formatShortDay(item.completedAt) : 'done'}**`
    : item.overdue
      ? `**Overdue** (due ${formatShortDay(item.due ?? '')})`
      : item.due
        ? `Due ${formatShortDay(item.due)}`
        : 'No due date';
  const extras = [item.competency, item.assignedBy ? `assigned by ${item.assignedBy}` : null, done ? null : item.status.replace('-', ' ')]
    .filter((x): x is string => Boolean(x))
    .map(mdText);
  const outcome = done && item.outcome ? `: ${mdText(item.outcome)}` : '';
  return `- ${when} — ${mdText(item.title)}${extras.length ? ` (${extras.join(', ')})` : ''}${outcome}`;
}

/** The months from the first with a note: the months before the journal was started are not idle ones. */
export function monthsShown(perMonth: Record<string, number>): [string, number][] {
  const entries = Object.entries(perMonth);
  const first = entries.findIndex(([, n]) => n > 0);
  return first === -1 ? entries : entries.slice(first);
}

/** Open development not already listed under a growth area. */
export function otherOpenDevelopment(summary: Summary): DevelopmentItem[] {
  const shown = new Set(summary.lookingAhead.growthAreas.flatMap((a) => a.development.map((d) => d.id)));
  return summary.lookingAhead.development.filter((d) => !shown.has(d.id));
}

/**
 * "… and 277 more: `perf notes …`" as a paragraph after a list cut to its most telling notes (with
 * the blank line before it), or '' when the list shows every note.
 */
export function moreNotesMd(cut: ListCut | undefined, shown: number): string {
  const more = moreNotes(cut, shown);
  if (more === null) return '';
  return more.command === null ? `\n\n_${more.more} (${ALL_NOTES_HINT})_` : `\n\n_${more.more}:_ \`${more.command}\``;
}
