import { daysBetween, splitDay, type Day } from '../../domain/calendar.js';
import { isOpen, isOverdue, type DevelopmentActivity } from '../../domain/development.js';
import { formatDay, plural, wrapText } from '../../terminal/format.js';
import { wrapParts } from '../../terminal/wrap.js';
import type { Theme } from '../../terminal/theme.js';

export interface DevView {
  theme: Theme;
  width: number;
  today: Day;
}

const STATUS_LABEL: Record<DevelopmentActivity['status'], string> = {
  planned: 'planned',
  'in-progress': 'in progress',
  done: 'done',
  dropped: 'dropped',
};

/** "negotiation · in progress since 1 Nov · due Fri 20 Nov · assigned by Maria", as parts. */
function describe(a: DevelopmentActivity, view: DevView): string[] {
  const year = splitDay(view.today).year;
  const parts: string[] = [];
  if (a.competency) parts.push(a.competency);
  if (a.status === 'in-progress' && a.startedOn) parts.push(`in progress since ${formatDay(a.startedOn, year)}`);
  else if ((a.status === 'done' || a.status === 'dropped') && a.completedOn) parts.push(`${a.status} ${formatDay(a.completedOn, year)}`);
  else parts.push(STATUS_LABEL[a.status]);
  if (a.due && isOpen(a)) parts.push(`due ${formatDay(a.due, year)}`);
  if (a.assignedBy) parts.push(`assigned by ${a.assignedBy}`);
  return parts;
}

/** The notes an activity carries: from its start, then its outcome (done) or why it was dropped. */
function notesOf(a: DevelopmentActivity): [label: string, text: string][] {
  const notes: [string, string][] = [];
  if (a.startNote) notes.push(['Started', a.startNote]);
  if (a.outcome) notes.push([a.status === 'dropped' ? 'Why' : a.status === 'done' ? 'Outcome' : 'Note', a.outcome]);
  return notes;
}

/** An activity in two lines, then its notes: title, then what it is about and when. */
export function renderActivity(a: DevelopmentActivity, view: DevView, indent = '  '): string[] {
  const { theme } = view;
  const overdue = isOverdue(a, view.today);
  const late = overdue && a.due ? theme.bad(`overdue by ${plural(daysBetween(a.due, view.today), 'day')}`) : '';
  const title = isOpen(a) ? theme.bold(a.title) : theme.dim(a.title);
  const under = `${indent}    `;
  const lines = [
    ...wrapParts([title, late], view.width, { first: `${indent}${theme.id(`#${a.id}`)}  `, indent: under, separator: ' ' }),
    ...wrapParts(describe(a, view), view.width - under.length).map((l) => `${under}${theme.dim(l)}`),
  ];
  for (const [label, text] of notesOf(a)) {
    lines.push(...wrapText(`${label.toLowerCase()}: ${text}`, view.width - under.length).map((l) => `${under}${l}`));
  }
  return lines;
}

export function renderDevList(activities: readonly DevelopmentActivity[], view: DevView & { all: boolean }): string {
  const { theme } = view;
  const open = activities.filter(isOpen);
  if (activities.length === 0) {
    const none = view.all ? 'No development activities yet.' : 'No open development activities (perf dev --all shows finished ones).';
    return theme.dim(`${none}\nPlan one: perf dev add "Negotiation course" -c negotiation --due 2027-03-31`);
  }
  const overdue = open.filter((a) => isOverdue(a, view.today)).length;
  const counts = [`${open.length} open`, ...(overdue ? [theme.bad(`${overdue} overdue`)] : [])];
  if (view.all) counts.push(`${activities.length - open.length} closed`);
  const out = [`${theme.heading('Development plan')} · ${counts.join(', ')}`];
  for (const a of activities) out.push('', ...renderActivity(a, view));
  return out.join('\n');
}

/** The confirmation after `perf dev add|start|done|drop`. */
export function renderDevChanged(verb: string, a: DevelopmentActivity, view: DevView): string {
  const { theme } = view;
  const lines = wrapParts([`${theme.good(verb)} ${theme.id(`#${a.id}`)} ${a.title}`, ...describe(a, view)], view.width, { indent: '  ' });
  for (const [label, text] of notesOf(a)) lines.push(...wrapText(`${label}: ${text}`, view.width - 2).map((l) => `  ${l}`));
  return lines.join('\n');
}
