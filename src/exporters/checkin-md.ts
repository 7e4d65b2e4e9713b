import type { CheckinAgenda } from '../domain/checkin.js';
import type { NoteJson } from '../domain/summary.js';
import { formatShortDay } from '../terminal/format.js';
import { mdLines, mdQuote, mdTable, mdText } from './markdown.js';
import { paceLabel } from '../terminal/labels.js';
import { PLAIN_THEME } from '../terminal/theme.js';
import { agendaBasisText, amountOrNone, goalChange, goalStanding, goalValue, percentOrNone, relationshipLabel } from './report-format.js';

/** The agenda as Markdown, to send to the manager before the meeting. */
export function renderCheckinMarkdown(agenda: CheckinAgenda): string {
  const parts = [
    '# Agenda for the one-to-one',
    `${formatShortDay(agenda.from)} – ${formatShortDay(agenda.to)}, ${agendaBasisText(agenda)}.`,
    ...(agenda.nextOneToOne === null ? [] : [`Next one-to-one: ${formatShortDay(agenda.nextOneToOne)}.`]),
    // What was agreed last time comes first: the conversation picks up where it left off.
    ...(agenda.lastOneToOne
      ? [
          `## Agreed last time (${formatShortDay(agenda.lastOneToOne.date)})`,
          agenda.lastOneToOne.note === null ? 'Nothing noted.' : mdQuote(agenda.lastOneToOne.note),
        ]
      : []),
    '## Progress per goal',
    agenda.goals.length
      ? mdTable(
          ['Goal', 'Now', 'Change', '% of target', 'Pace'],
          agenda.goals.map((g) => [
            mdText(g.title),
            goalValue(g, g.current),
            goalChange(g, g.change),
            percentOrNone(g.percent),
            goalStanding(g, PLAIN_THEME),
          ]),
          ['left', 'right', 'right', 'right', 'left'],
        )
      : 'No open goals.',
    '## Goals at risk',
    agenda.atRisk.length
      ? agenda.atRisk
          .map(
            (g) =>
              `- **${mdText(g.title)}**: ${paceLabel(g.pace, PLAIN_THEME)}, ${percentOrNone(g.percent)} of ${amountOrNone(g.target, g.unit)}${g.due ? `, due ${formatShortDay(g.due)}` : ''}`,
          )
          .join('\n')
      : 'None.',
    '## Challenges and losses',
    agenda.challenges.length ? agenda.challenges.map(noteLine).join('\n') : 'None logged.',
  ];
  if (agenda.wins.length) parts.push('## Wins to mention', agenda.wins.map(noteLine).join('\n'));
  parts.push(
    '## Feedback received',
    agenda.feedback.length
      ? agenda.feedback
          .map((f) => `${mdQuote(f.text)}\n>\n> — ${mdText(f.from)}, ${relationshipLabel(f.relationship)}, ${formatShortDay(f.date)}`)
          .join('\n\n')
      : 'None recorded.',
    '## Development follow-ups',
    agenda.development.length
      ? agenda.development
          .map(
            (d) =>
              `- ${d.overdue ? '**Overdue**' : 'Due'} ${formatShortDay(d.due ?? '')} — ${mdText(d.title)}${d.competency ? ` (${mdText(d.competency)})` : ''}`,
          )
          .join('\n')
      : 'Nothing due in the next two weeks.',
  );
  return `${parts.join('\n\n')}\n`;
}

function noteLine(note: NoteJson): string {
  const meta = [`**${formatShortDay(note.date)}**`, note.type, ...(note.account ? [mdText(note.account)] : [])];
  return `- ${meta.join(' · ')} — ${mdLines(note.text, '  ')}`;
}
