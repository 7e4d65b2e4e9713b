import { splitDay, type Day } from '../../domain/calendar.js';
import { RELATIONSHIPS, countByRelationship, type Feedback } from '../../domain/feedback.js';
import { quote } from '../../errors.js';
import { formatDay, plural, wrapText } from '../../terminal/format.js';
import { wrapParts } from '../../terminal/wrap.js';
import type { Theme } from '../../terminal/theme.js';

export interface FeedbackView {
  theme: Theme;
  width: number;
  today: Day;
}

/** One piece of feedback as a quote with its attribution under it. */
export function renderFeedbackQuote(f: Feedback, view: FeedbackView, indent = '  '): string[] {
  const { theme } = view;
  const lines = wrapText(f.text, view.width - indent.length - 2);
  const quoted = lines.map((line, i) => `${indent}${i === 0 ? '“' : ' '}${line}${i === lines.length - 1 ? '”' : ''}`);
  const about = [
    `— ${theme.bold(f.from)}, ${f.relationship}`,
    formatDay(f.date, splitDay(view.today).year),
    f.competency ?? '',
    ...feedbackMarks(f, theme),
    theme.id(`#${f.id}`),
  ];
  return [...quoted, ...wrapParts(about, view.width, { first: `${indent}   `, indent: `${indent}     ` })];
}

/** ★ and "constructive" in words or a glyph that read the same without colour. */
export function feedbackMarks(f: Pick<Feedback, 'starred' | 'constructive'>, theme: Theme): string[] {
  return [f.starred ? theme.accent('★ starred') : '', f.constructive ? theme.warn('constructive') : ''];
}

/** "2 customer, 1 manager" in the order of RELATIONSHIPS. */
export function formatRelationshipCounts(items: readonly Feedback[]): string {
  const counts = countByRelationship(items);
  return RELATIONSHIPS.filter((r) => counts[r])
    .map((r) => `${counts[r]} ${r}`)
    .join(', ');
}

/** The list: a heading with counts by relationship, then the quotes, newest first. */
export function renderFeedbackList(
  items: readonly Feedback[],
  view: FeedbackView & { label: string; filtered: boolean; by?: string | undefined },
): string {
  const { theme } = view;
  const from = view.by === undefined ? '' : ` from ${quote(view.by)}`;
  if (items.length === 0) {
    if (!view.filtered)
      return theme.dim('No feedback yet. Record what someone said:\n  perf feedback add "Great demo" --from Maria --relationship manager');
    // An open-ended range ("since 2026-01-01", "until 2027-01-01") reads without "in".
    const when = view.label === 'all time' ? 'matches' : /^(since|until) /.test(view.label) ? view.label : `in ${view.label}`;
    return wrapText(`No feedback${from} ${when}.`, view.width)
      .map((line) => theme.dim(line))
      .join('\n');
  }
  const heading = [
    theme.heading('Feedback'),
    from.trim(),
    view.label,
    `${plural(items.length, 'item')}: ${formatRelationshipCounts(items)}`,
  ];
  const out = wrapParts(heading, view.width, { indent: '  ' });
  for (const f of items) out.push('', ...renderFeedbackQuote(f, view));
  return out.join('\n');
}

export function renderFeedbackDetail(f: Feedback, view: FeedbackView): string {
  const { theme } = view;
  const rows: [string, string][] = [
    ['From', `${f.from} (${f.relationship})`],
    ['Date', formatDay(f.date)],
  ];
  if (f.competency) rows.push(['Competency', f.competency]);
  const marks = [f.starred ? '★ starred' : '', f.constructive ? 'constructive' : ''].filter(Boolean);
  if (marks.length) rows.push(['Marked', marks.join(', ')]);
  rows.push(['Recorded', f.createdAt.replace('T', ' ').slice(0, 16)]);
  const label = Math.max(...rows.map(([k]) => k.length));
  const lines = wrapText(f.text, view.width - 4);
  const room = view.width - label - 4;
  return [
    theme.bold(`Feedback #${f.id}`),
    '',
    ...lines.map((line, i) => `  ${i === 0 ? '“' : ' '}${line}${i === lines.length - 1 ? '”' : ''}`),
    '',
    ...rows.flatMap(([k, v]) =>
      wrapText(v, room).map((line, i) => `  ${i === 0 ? theme.dim(k.padEnd(label)) : ' '.repeat(label)}  ${line}`),
    ),
  ].join('\n');
}

/** The confirmation line after `perf feedback add`. */
export function renderFeedbackAdded(f: Feedback, theme: Theme, width: number): string {
  return renderFeedbackChanged('Recorded', f, theme, width);
}

/** The confirmation line after `perf feedback add|edit|rm`: "Updated feedback #4 · …". */
export function renderFeedbackChanged(verb: string, f: Feedback, theme: Theme, width: number): string {
  const parts = [
    theme.good(`${verb} feedback`),
    theme.id(`#${f.id}`),
    formatDay(f.date),
    `from ${f.from} (${f.relationship})`,
    f.competency ? `◆ ${f.competency}` : '',
    ...feedbackMarks(f, theme),
  ];
  return wrapParts(parts, width, { indent: '  ' }).join('\n');
}
