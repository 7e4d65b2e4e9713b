import type { DevelopmentItem, NoteJson, Summary, SummaryGoal } from '../domain/summary.js';
import { RELATIONSHIPS } from '../domain/feedback.js';
import { formatMonth, formatShortDay, plural } from '../terminal/format.js';
import { isProjectionShown } from '../domain/goals.js';
import { paceLabel } from '../terminal/labels.js';
import { PLAIN_THEME } from '../terminal/theme.js';
import { mdLines, mdQuote, mdTable, mdText } from './markdown.js';
import { formatNumber } from '../terminal/numbers.js';
import {
  amountOrNone,
  changeOrNone,
  estimateOrNone,
  formatRatingSpan,
  goalChange,
  goalStanding,
  goalValue,
  percentOrNone,
  relationshipLabel,
} from './report-format.js';

/** The summary as GitHub-flavoured Markdown, ready to paste into an appraisal form. Never ANSI. */
export function renderSummaryMarkdown(summary: Summary): string {
  const sections = [
    header(summary),
    highlights(summary),
    results(summary),
    inProgress(summary),
    competencies(summary),
    development(summary),
    feedback(summary),
    activity(summary),
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

function header(summary: Summary): string {
  const { person, period } = summary;
  const title = person.name ? `# Accomplishments summary: ${mdText(person.name)}` : '# Accomplishments summary';
  const facts = [
    person.role ? `**${mdText(person.role)}**` : null,
    person.manager ? `Manager: ${mdText(person.manager)}` : null,
    `Period: ${formatShortDay(period.from)} – ${formatShortDay(period.to)}`,
  ].filter(Boolean);
  const asOf = summary.asOf < period.to ? `\n\nGoals as of ${formatShortDay(summary.asOf)}.` : '';
  return `${title}\n\n${facts.join(' · ')}${asOf}`;
}

function noteLine(note: NoteJson): string {
  const meta = [`**${formatShortDay(note.date)}**`];
  if (note.type !== 'note') meta.push(note.type);
  if (note.account) meta.push(mdText(note.account));
  if (note.starred) meta.push('★');
  return `- ${meta.join(' · ')} — ${mdLines(note.text, '  ')}`;
}

function highlights(summary: Summary): string {
  if (summary.highlights.length === 0) return '## Highlights\n\nNo starred notes or wins in this period.';
  return `## Highlights\n\n${summary.highlights.map(noteLine).join('\n')}`;
}

function alignment(goal: SummaryGoal): string | null {
  if (goal.alignsTo === null) return null;
  return typeof goal.alignsTo === 'string' ? mdText(goal.alignsTo) : mdText(goal.alignsTo.title);
}

function results(summary: Summary): string {
  if (summary.goals.length === 0) return '## Results by goal\n\nNo goals were active in this period.';
  const table = mdTable(
    ['Goal', 'Target', 'Achieved', 'Change', '% of target', 'Pace'],
    summary.goals.map((g) => [
      mdText(g.title),
      amountOrNone(g.target, g.unit),
      goalValue(g, g.valueAtEnd),
      goalChange(g, g.change),
      percentOrNone(g.percent),
      goalStanding(g, PLAIN_THEME),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'left'],
  );
  const details = summary.goals
    .filter((g) => g.notes.length > 0 || g.alignsTo !== null)
    .map((g) => {
      const aligns = alignment(g);
      const lines = [`### ${mdText(g.title)}`, ''];
      if (aligns) lines.push(`Aligns to: ${aligns}`, '');
      if (g.notes.length) lines.push(g.notes.map(noteLine).join('\n'));
      return lines.join('\n').trimEnd();
    });
  return ['## Results by goal', table, ...details].join('\n\n');
}

function inProgress(summary: Summary): string {
  const { goals, accounts } = summary.inProgress;
  const parts = ['## Work in progress'];
  if (goals.length === 0) parts.push('No open goals.');
  else {
    parts.push(
      mdTable(
        ['Goal', 'Now', 'Target', '%', 'Pace', 'Projected', 'Due'],
        goals.map((g) => [
          mdText(g.title),
          goalValue(g, g.current),
          amountOrNone(g.target, g.unit),
          percentOrNone(g.percent),
          paceLabel(g.pace, PLAIN_THEME),
          isProjectionShown(g.start, summary.asOf) ? estimateOrNone(g.projected, g.unit) : '—',
          g.due ? formatShortDay(g.due) : '—',
        ]),
        ['left', 'right', 'right', 'right', 'left', 'right', 'left'],
      ),
    );
  }
  if (accounts.length) {
    const list = accounts.map((a) => `${mdText(a.account)} (${plural(a.notes, 'note')}, last ${formatShortDay(a.lastDate)})`);
    parts.push(`**Accounts worked most:** ${list.join(', ')}`);
  }
  return parts.join('\n\n');
}

function competencies(summary: Summary): string {
  const rated = summary.competencies.filter((c) => c.self.end !== null || c.others.end !== null);
  if (rated.length === 0) return '## Competencies\n\nNo ratings yet.';
  const table = mdTable(
    ['Competency', 'Self', 'Change', 'Others', 'Change', 'Target', 'Improvement target'],
    rated.map((c) => [
      mdText(c.name),
      formatRatingSpan(c.self.start, c.self.end),
      changeOrNone(c.self.change, null),
      formatRatingSpan(c.others.start, c.others.end),
      changeOrNone(c.others.change, null),
      String(c.target),
      c.improvementTarget ? 'yes' : '',
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
  const targets = rated.filter((c) => c.improvementTarget).map((c) => mdText(c.name));
  const note = `Ratings on a scale of 1 to ${summary.scaleMax}, at the start and end of the period; "others" are the manager, peers and customers.`;
  const parts = ['## Competencies', table, note];
  if (targets.length) parts.push(`**Improvement targets:** ${targets.join(', ')}`);
  return parts.join('\n\n');
}

function developmentLine(item: DevelopmentItem, done: boolean): string {
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

function development(summary: Summary): string {
  const { completed, open } = summary.development;
  const parts = ['## Development'];
  parts.push('### Completed', completed.length ? completed.map((d) => developmentLine(d, true)).join('\n') : 'None in this period.');
  parts.push('### Open', open.length ? open.map((d) => developmentLine(d, false)).join('\n') : 'Nothing open.');
  return parts.join('\n\n');
}

function feedback(summary: Summary): string {
  const { byRelationship, items } = summary.feedback;
  if (items.length === 0) return '## Feedback\n\nNo feedback recorded in this period.';
  const counts = RELATIONSHIPS.filter((r) => byRelationship[r] > 0).map((r) => [relationshipLabel(r), String(byRelationship[r])]);
  const quotes = items.map((f) => {
    const about = f.competency ? `, on ${mdText(f.competency)}` : '';
    return `${mdQuote(f.text)}\n>\n> — ${mdText(f.from)}, ${relationshipLabel(f.relationship)}, ${formatShortDay(f.date)}${about}`;
  });
  return ['## Feedback', mdTable(['From', 'Pieces'], counts, ['left', 'right']), ...quotes].join('\n\n');
}

function activity(summary: Summary): string {
  const { stats } = summary;
  const facts = [
    `- Notes logged: ${formatNumber(stats.notes)}`,
    `- Active days: ${formatNumber(stats.activeDays)}`,
    `- Longest streak: ${plural(stats.longestStreak, 'working day')} in a row with a note`,
  ].join('\n');
  const months = mdTable(
    ['Month', 'Notes'],
    Object.entries(stats.perMonth).map(([month, count]) => [formatMonth(month), String(count)]),
    ['left', 'right'],
  );
  return ['## Activity', facts, months].join('\n\n');
}
