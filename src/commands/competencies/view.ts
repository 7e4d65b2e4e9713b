import { splitDay, type Day } from '../../domain/calendar.js';
import {
  RATING_SOURCES,
  sparkline,
  trendArrow,
  type Competency,
  type CompetencyDetail,
  type CompetencyOverview,
  type CompetencyUsage,
  describeUsage,
  type LatestRating,
  type Rating,
  type RatingEntry,
  type Trend,
} from '../../domain/competencies.js';
import { isOpen } from '../../domain/development.js';
import { renderActivity } from '../dev/view.js';
import { renderFeedbackQuote } from '../feedback/view.js';
import { formatDay, plural, truncate, visibleLength, wrapText } from '../../terminal/format.js';
import { wrapParts } from '../../terminal/wrap.js';
import type { Theme } from '../../terminal/theme.js';

export interface CompetencyView {
  theme: Theme;
  width: number;
  today: Day;
  scaleMax: number;
}

const IMPROVE_MARK = '•';
const NAME_WIDTH = 20;

function formatTrend(trend: Trend, scaleMax: number): string {
  if (trend.ratings.length === 0) return '';
  return `${sparkline(trend.ratings, scaleMax)} ${trendArrow(trend.direction)}`.trimEnd();
}

// Padded by terminal columns, not characters: 交渉力 takes six.
function fitCell(text: string, width: number): string {
  const fitted = truncate(text, width);
  return fitted + ' '.repeat(Math.max(0, width - visibleLength(fitted)));
}

// Colour codes take no columns, so pad the plain text and paint afterwards.
function cell(plain: string, width: number, paint: (s: string) => string = (s) => s): string {
  return paint(plain) + ' '.repeat(Math.max(0, width - plain.length));
}

/** The table of `perf competencies`, with footers pointing at what to do next. */
export function renderCompetencyList(items: readonly CompetencyOverview[], view: CompetencyView): string {
  const { theme, scaleMax } = view;
  if (items.length === 0) return theme.dim('No competencies. Add one: perf competencies add "Negotiation"');
  const nameWidth = Math.min(NAME_WIDTH, Math.max(10, ...items.map((i) => visibleLength(i.competency.name))));
  const header = `    ${'Competency'.padEnd(nameWidth)}  Self  ${'Others'.padEnd(12)}  Target  Gap  ${'Trend'.padEnd(8)}  Dev`;
  const out = [`${theme.heading('Competencies')} · scale 1–${scaleMax}`, '', theme.dim(header)];
  for (const { competency, assessment: a, openDevelopment } of items) {
    const mark = a.improvementTarget ? theme.warn(IMPROVE_MARK) : ' ';
    const others = a.latestOthers ? `${a.latestOthers.rating} ${a.latestOthers.source}` : '—';
    const target = `${a.target}${competency.target === null ? '' : '*'}`;
    const gap = a.gap === null ? '—' : String(a.gap);
    const paintGap = a.gap === null ? theme.dim : a.gap > 0 ? theme.warn : theme.good;
    const row = [
      `  ${mark} ${fitCell(competency.name, nameWidth)}`,
      cell(a.latest ? String(a.latest.rating) : '—', 4),
      cell(others, 12),
      cell(target, 6),
      cell(gap, 3, paintGap),
      cell(formatTrend(a.trend, scaleMax), 8),
      openDevelopment ? theme.good(`${openDevelopment} open`) : '',
    ];
    out.push(row.join('  ').trimEnd());
  }
  out.push('', ...renderListFooter(items, view));
  return out.join('\n');
}

function renderListFooter(items: readonly CompetencyOverview[], view: CompetencyView): string[] {
  const { theme, scaleMax } = view;
  const lines: string[] = [];
  const legend = [`${IMPROVE_MARK} improvement target (rated below ${scaleMax})`, 'Others: the latest by anyone but you'];
  if (items.some((i) => i.competency.target !== null)) legend.push('* own target');
  lines.push(...wrapParts(legend, view.width).map((line) => theme.dim(line)));
  const unrated = items.filter((i) => i.assessment.latest === null && i.assessment.latestOthers === null);
  if (unrated.length === items.length) {
    lines.push('No ratings yet. Rate every competency in turn: perf rate', 'or one at a time: perf rate negotiation 3');
    return lines;
  }
  const unplanned = items.filter((i) => i.assessment.improvementTarget && i.openDevelopment === 0);
  if (unplanned.length) {
    const slugs = unplanned.map((i) => i.competency.slug);
    const lead = 'No development planned';
    const [first = '', ...rest] = wrapText(
      `${lead} for ${plural(unplanned.length, 'improvement target')}: ${slugs.join(', ')}.`,
      view.width,
    );
    lines.push(first.replace(lead, theme.warn(lead)), ...rest);
    const [target] = unplanned;
    if (target)
      lines.push(theme.dim(hint((ref) => `Plan one: perf dev add "<course, book, coaching>" -c ${ref}`, target.competency, view.width)));
  }
  if (unrated.length) {
    lines.push(
      ...wrapText(`Not rated yet: ${unrated.map((i) => i.competency.slug).join(', ')}.`, view.width).map((line) => theme.dim(line)),
    );
  }
  return lines;
}

function formatLatest(r: LatestRating | null, year: number): string {
  if (!r) return 'none';
  return `${r.rating} (${[r.source === 'self' ? null : r.source, r.by, formatDay(r.date, year)].filter(Boolean).join(', ')})`;
}

/** `perf competencies show`: the assessment, ratings by source, evidence, feedback and development. */
export function renderCompetencyDetail(detail: CompetencyDetail, view: CompetencyView): string {
  const { theme, scaleMax } = view;
  const { competency: c, assessment: a } = detail;
  const year = splitDay(view.today).year;
  const out = wrapParts([theme.bold(c.name), theme.dim(`${c.slug} · #${c.id}`)], view.width, { separator: '  ', indent: '  ' });
  if (c.description) out.push(...wrapText(c.description, view.width - 2).map((l) => `  ${l}`));
  out.push('');
  const summary = [
    `Target ${a.target}${c.target === null ? ' (top of the scale)' : ''}`,
    `self ${formatLatest(a.latest, year)}`,
    `others ${formatLatest(a.latestOthers, year)}`,
    `gap ${a.gap === null ? '—' : a.gap}`,
  ];
  out.push(...wrapText(summary.join(' · '), view.width - 2).map((l) => `  ${l}`));
  const trend = formatTrend(a.trend, scaleMax);
  const marks = [...(trend ? [`Trend ${trend}`] : []), ...(a.improvementTarget ? [theme.warn(`${IMPROVE_MARK} improvement target`)] : [])];
  if (marks.length) out.push(...wrapParts(marks, view.width, { first: '  ', indent: '  ' }));

  out.push('', theme.heading('Ratings'));
  if (detail.ratings.length === 0) out.push(theme.dim(hint((ref) => `  None yet. Rate it: perf rate ${ref} 3`, c, view.width)));
  for (const source of RATING_SOURCES) {
    const ratings = detail.ratings.filter((r) => r.source === source).reverse();
    if (ratings.length) out.push(`  ${theme.bold(source)}`, ...ratings.flatMap((r) => formatRatingLines(r, view)));
  }

  out.push('', theme.heading(`Evidence · ${plural(detail.notes.length, 'note')}`));
  if (detail.notes.length === 0)
    out.push(theme.dim(hint((ref) => `  None linked. Link a note: perf log "..." --competency ${ref}`, c, view.width)));
  for (const note of detail.notes) {
    // One line per note: the text, and a long account name, are cut to fit.
    const when = `${formatDay(note.date, year)}${note.type === 'note' ? '' : ` · ${note.type}`}`;
    const account = note.account ? ` · ${truncate(note.account, Math.max(8, view.width - when.length - 36))}` : '';
    const head = `  ${theme.id(`#${note.id}`)} ${when}${account}: `;
    out.push(`${head}${truncate(note.text.replace(/\s+/g, ' '), view.width - visibleLength(head))}`);
  }

  out.push('', theme.heading(`Feedback · ${plural(detail.feedback.length, 'item')}`));
  if (detail.feedback.length === 0) out.push(theme.dim('  None yet.'));
  for (const f of detail.feedback) out.push(...renderFeedbackQuote(f, view));

  const open = detail.development.filter(isOpen).length;
  out.push('', theme.heading(`Development · ${open} open`));
  if (detail.development.length === 0 && a.improvementTarget) {
    out.push(theme.dim(hint((ref) => `  Nothing planned: perf dev add "<course, book, coaching>" -c ${ref}`, c, view.width)));
  }
  for (const d of detail.development) out.push(...renderActivity(d, view));
  return out.join('\n');
}

/** A rating, with who gave it and why wrapped under the column they start in. */
function formatRatingLines(r: Rating, view: CompetencyView): string[] {
  const head = `    ${formatDay(r.date, splitDay(view.today).year).padEnd(16)} ${String(r.rating).padStart(2)}/${view.scaleMax}`;
  const about = [r.ratedBy ?? '', r.note ?? ''];
  if (about.every((a) => a === '')) return [head];
  return wrapParts(about, view.width, { first: `${head}  `, indent: ' '.repeat(head.length + 2) });
}

/**
 * A hint that names the competency: by its slug, or by its id when a long slug would push the line
 * past the width.
 */
function hint(line: (ref: string) => string, c: Competency, width: number): string {
  const bySlug = line(c.slug);
  return bySlug.length <= width ? bySlug : line(String(c.id));
}

/**
 * The confirmation after `perf rate`: each rating with the one it replaces as the latest of its
 * source ("was 3 on …"), or, for a rating dated before that one, that it went into the history.
 */
export function renderRated(
  rated: readonly { competency: Competency; rating: Rating; previous: LatestRating | null }[],
  view: CompetencyView,
): string {
  const { theme, scaleMax, width } = view;
  const [first] = rated;
  if (!first) return 'Nothing rated.';
  const year = splitDay(view.today).year;
  const who = [first.rating.source, first.rating.ratedBy, formatDay(first.rating.date)].filter(Boolean).join(', ');
  // An older rating than the latest one of its source does not replace it.
  const isHistory = (r: Rating, previous: LatestRating | null) => previous !== null && r.date < previous.date;
  if (rated.length === 1) {
    const { competency, rating, previous } = first;
    const value = `${theme.good('Rated')} ${competency.name} ${rating.rating}/${scaleMax}`;
    if (!previous || !isHistory(rating, previous)) {
      const was = previous ? theme.dim(` (was ${previous.rating} on ${formatDay(previous.date, year)})`) : '';
      return wrapParts([`${value}${was}`, who], width, { indent: '  ' }).join('\n');
    }
    const still = `Recorded as history: the latest ${rating.source} rating is still ${previous.rating} (${formatDay(previous.date, year)}).`;
    return [...wrapParts([value, who], width, { indent: '  ' }), ...wrapParts([still], width, { first: '  ', indent: '  ' })].join('\n');
  }
  const lines = rated.map(({ competency, rating, previous }) => {
    const about =
      previous === null
        ? ''
        : isHistory(rating, previous)
          ? ` (history: the latest is still ${previous.rating}, ${formatDay(previous.date, year)})`
          : ` (was ${previous.rating} on ${formatDay(previous.date, year)})`;
    return wrapParts([`${competency.name} ${rating.rating}/${scaleMax}${theme.dim(about)}`], width, { first: '  ', indent: '    ' });
  });
  const head = wrapParts([`${theme.good('Rated')} ${plural(rated.length, 'competency', 'competencies')}`, who], width, { indent: '  ' });
  return [...head, ...lines.flat()].join('\n');
}

/** What `competencies rm` did: what went with the competency, and what stayed without it. */
export function renderCompetencyRemoved(competency: Competency, usage: CompetencyUsage, theme: Theme, width: number): string {
  const gone = describeUsage(usage, ['ratings']);
  const kept = describeUsage(usage, ['notes', 'feedback', 'development']);
  const lines = wrapParts([`${theme.good('Removed')} ${competency.name} (${competency.slug})${gone ? ` and its ${gone}` : ''}.`], width);
  if (kept) lines.push(...wrapText(`Kept ${kept}, now unlinked.`, width));
  return lines.join('\n');
}

/** `perf ratings`: one rating a line (who and why wrapped after it), newest first, with its id. */
export function renderRatingList(ratings: readonly RatingEntry[], view: CompetencyView & { competency: string | null }): string {
  const { theme, competency } = view;
  if (ratings.length === 0) {
    return theme.dim(
      competency
        ? `No ratings of ${competency} yet. Rate it: perf rate ${competency} 3`
        : 'No ratings yet. Rate a competency: perf rate negotiation 3',
    );
  }
  const idWidth = Math.max(...ratings.map((r) => String(r.id).length)) + 1;
  const out = wrapParts([theme.heading('Ratings'), competency ?? '', `${plural(ratings.length, 'rating')}, newest first`], view.width, {
    indent: '  ',
  });
  out.push('');
  const year = splitDay(view.today).year;
  for (const r of ratings) out.push(...formatRatingEntry(r, view, `  ${theme.id(`#${r.id}`.padEnd(idWidth))}  `, year));
  out.push(
    '',
    ...wrapText('Fix one: perf ratings edit <id> --rating 4 · delete one: perf ratings rm <id>', view.width).map((line) => theme.dim(line)),
  );
  return out.join('\n');
}

/** "Updated rating #7: negotiation 4/5 · self · Thu 1 Oct 2026 · why" after an edit or a removal. */
export function renderRatingChanged(verb: string, r: RatingEntry, view: CompetencyView): string {
  // The day in full, year included, as perf rate confirms it.
  return formatRatingEntry(r, view, `${view.theme.good(verb)} rating ${view.theme.id(`#${r.id}`)}: `, undefined).join('\n');
}

function formatRatingEntry(r: RatingEntry, view: CompetencyView, first: string, year: number | undefined): string[] {
  const parts = [
    `${r.competency} ${r.rating}/${view.scaleMax}`,
    [r.source, r.ratedBy].filter(Boolean).join(', '),
    formatDay(r.date, year),
    r.note ?? '',
  ];
  return wrapParts(parts, view.width, { first, indent: ' '.repeat(Math.min(visibleLength(first), 12)) });
}
