import type { CheckinAgenda } from '../domain/checkin.js';
import { formatShortDay, plural, wrapText } from '../terminal/format.js';
import { renderTable } from '../terminal/table.js';
import { wrapParts } from '../terminal/wrap.js';
import type { RenderOptions } from './renderer.js';
import { attributionLines, renderReportNote } from './text-blocks.js';
import { isProjectionShown } from '../domain/goals.js';
import { paceLabel } from '../terminal/labels.js';
import { PLAIN_THEME, type Theme } from '../terminal/theme.js';
import { formatEstimate } from '../terminal/numbers.js';
import { agendaBasisText, amountOrNone, goalChange, goalStanding, goalValue, percentOrNone } from './report-format.js';

/** The agenda for the terminal. */
export function renderCheckinText(agenda: CheckinAgenda, { theme, width }: RenderOptions): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', theme.heading(title));
  out.push(theme.bold('Agenda for the one-to-one'));
  out.push(theme.dim(`${formatShortDay(agenda.from)} – ${formatShortDay(agenda.to)} · ${plural(agenda.notes, 'note')}`));
  const basis = agendaBasisText(agenda);
  out.push(theme.dim(`${basis.charAt(0).toUpperCase()}${basis.slice(1)}.`));
  if (agenda.nextOneToOne !== null) out.push(`Next one-to-one: ${formatShortDay(agenda.nextOneToOne)}`);

  // What was agreed last time comes first: the conversation picks up where it left off.
  if (agenda.lastOneToOne) {
    section(`AGREED LAST TIME (${formatShortDay(agenda.lastOneToOne.date)})`);
    if (agenda.lastOneToOne.note === null) out.push(theme.dim('  Nothing noted.'));
    else for (const line of wrapText(agenda.lastOneToOne.note, width - 2)) out.push(`  ${line}`);
  }

  section('PROGRESS PER GOAL');
  out.push(...renderGoalProgress(agenda, { theme, width }));

  section('GOALS AT RISK');
  out.push(...renderGoalsAtRisk(agenda, theme));

  section('CHALLENGES AND LOSSES');
  if (agenda.challenges.length === 0) out.push(theme.dim('  None logged.'));
  for (const note of agenda.challenges) out.push(...renderReportNote(note, theme, width));

  if (agenda.wins.length) {
    section('WINS TO MENTION');
    for (const note of agenda.wins) out.push(...renderReportNote(note, theme, width));
  }

  section('FEEDBACK RECEIVED');
  if (agenda.feedback.length === 0) out.push(theme.dim('  None recorded.'));
  for (const f of agenda.feedback) {
    for (const line of wrapText(`“${f.text}”`, width - 4)) out.push(`  ${line}`);
    out.push(...attributionLines(f, width, '    ').map((line) => theme.dim(line)));
  }

  section('DEVELOPMENT FOLLOW-UPS');
  out.push(...renderDevelopmentFollowUps(agenda, { theme, width }));

  out.push('', theme.dim('After the conversation: perf checkin --done --note "what we agreed"'));
  return out.join('\n');
}

/** Each open goal's value, change over the period, percent and pace, as a table. */
function renderGoalProgress(agenda: CheckinAgenda, { theme, width }: Pick<RenderOptions, 'theme' | 'width'>): string[] {
  const out: string[] = [];
  if (agenda.goals.length === 0) out.push(theme.dim('  No open goals.'));
  else {
    out.push(
      renderTable(
        [
          { header: 'Goal', flex: true },
          { header: 'Now', align: 'right' },
          { header: 'Change', align: 'right' },
          { header: '%', align: 'right' },
          { header: 'Pace' },
        ],
        agenda.goals.map((g) => [
          g.title,
          goalValue(g, g.current),
          goalChange(g, g.change),
          percentOrNone(g.percent),
          goalStanding(g, theme),
        ]),
        { theme, width },
      ),
    );
  }
  return out;
}

/** The open goals behind or overdue, with how far along they are and where they are heading. */
function renderGoalsAtRisk(agenda: CheckinAgenda, theme: Theme): string[] {
  const out: string[] = [];
  if (agenda.atRisk.length === 0) out.push(theme.dim('  None: every open goal is on track or ahead.'));
  for (const g of agenda.atRisk) {
    const due = g.due ? `due ${formatShortDay(g.due)}` : 'no due date';
    const projection =
      g.projected !== null && isProjectionShown(g.start, agenda.to) ? `, projected ${formatEstimate(g.projected, g.unit)}` : '';
    out.push(`  ${theme.pace(g.pace)(paceLabel(g.pace, PLAIN_THEME).padEnd(8))} ${g.title}`);
    out.push(theme.dim(`           ${percentOrNone(g.percent)} of ${amountOrNone(g.target, g.unit)}, ${due}${projection}`));
  }
  return out;
}

/** Development items due in the next two weeks or overdue. */
function renderDevelopmentFollowUps(agenda: CheckinAgenda, { theme, width }: Pick<RenderOptions, 'theme' | 'width'>): string[] {
  const out: string[] = [];
  if (agenda.development.length === 0) out.push(theme.dim('  Nothing due in the next two weeks.'));
  for (const d of agenda.development) {
    const when = d.overdue ? theme.bad(`overdue, due ${formatShortDay(d.due ?? '')}`) : `due ${formatShortDay(d.due ?? '')}`;
    const about = d.competency ? theme.dim(`(${d.competency})`) : '';
    out.push(
      ...wrapParts([d.title, about, `— ${when}`], width, {
        first: `  ${d.overdue ? theme.bad('!') : '·'} `,
        indent: '    ',
        separator: ' ',
      }),
    );
  }
  return out;
}
