/**
 * The parts of the HTML summary that make the case, as the Markdown summary has them
 * (summary-md-case.ts): the rep's own words, the feedback quoted, each competency with its chart
 * and evidence, the learning notes, and the growth areas with what is being done about each.
 */
import { RELATIONSHIPS, type Relationship } from '../../domain/feedback.js';
import type { Evidence, GrowthArea, Summary } from '../../domain/summary.js';
import { formatShortDay, plural } from '../../terminal/format.js';
import { ratingCells, ratingsNote, relationshipLabel } from '../report-format.js';
import { escapeHtml, escapeLines } from './escape.js';
import { figure, type Html, list, paragraph, section, subsection, table } from './page.js';
import { developmentItem, feedbackQuote, moreNotesHtml, noteItem } from './report-parts.js';
import { ratingsChart } from './svg-charts.js';

/** "In my own words": the reflection written for exactly this period, first of all. */
export function reflectionSection(summary: Summary): Html | null {
  if (summary.reflection === null) return null;
  return section(
    'reflection',
    'In my own words',
    `<blockquote class="own-words"><p>${escapeLines(summary.reflection.text)}</p></blockquote>`,
  );
}

/** Counted by relationship, then the curated quotes: the starred ones, else the praise. */
export function feedbackPart(summary: Summary): Html {
  const { byRelationship, items, quoted } = summary.feedback;
  if (items.length === 0) return subsection('Feedback', paragraph('No feedback recorded in this period.'));
  const counts = RELATIONSHIPS.filter((r) => byRelationship[r] > 0).map((r) => [relationshipLabel(r), String(byRelationship[r])]);
  const rest = items.some((f) => f.constructive)
    ? [paragraph('Constructive feedback is quoted under the growth area it concerns.', 'note')]
    : [];
  return subsection(
    'Feedback',
    [table(null, ['From', 'Pieces'], counts, ['left', 'right']), ...quoted.map(feedbackQuote), ...rest].join('\n'),
  );
}

export function evidenceItem(e: Evidence): Html {
  if (e.kind === 'note') {
    const meta = e.type !== 'note' ? `${formatShortDay(e.date)} · ${e.type}` : formatShortDay(e.date);
    return `<strong>${escapeHtml(meta)}</strong> — ${escapeLines(e.text)}`;
  }
  const flag = e.constructive ? ' (constructive)' : e.starred ? ' ★' : '';
  const by = `${e.from}, ${relationshipLabel(e.relationship as Relationship)}${flag}`;
  return `<strong>${escapeHtml(formatShortDay(e.date))}</strong> · ${escapeHtml(by)} — “${escapeLines(e.text)}”`;
}

/** Self and others at the period's start and end (chart and table), then the evidence behind each competency. */
export function competenciesPart(summary: Summary): Html {
  const rows = summary.competencies;
  if (rows.length === 0) return subsection('Competencies', paragraph('No ratings or evidence in this period.'));
  const chart = ratingsChart(
    'chart-competencies',
    `Competency ratings, self and others, at the start and end of the period (scale 1 to ${summary.scaleMax})`,
    rows.map((c) => ({ label: c.name, self: c.self, others: c.others })),
    summary.scaleMax,
  );
  const numbers = table(
    null,
    ['Competency', 'Self', 'Change', 'Others', 'Change', 'Target'],
    rows.map((c) => [c.name, ...ratingCells(c)]),
    ['left', 'right', 'right', 'right', 'right', 'right'],
  );
  const caption = ratingsNote(summary.scaleMax);
  const evidence = rows
    .filter((c) => c.evidence.length > 0)
    .map((c) =>
      subsection(c.name, list(c.evidence.map(evidenceItem)) + moreNotesHtml(summary.cuts?.evidence[c.slug], c.evidence.length), 4),
    );
  return subsection('Competencies', [figure(chart, caption, numbers), ...evidence].join('\n'));
}

export function learningPart(summary: Summary): Html | null {
  if (summary.learning.length === 0) return null;
  return subsection('Learning', list(summary.learning.map(noteItem)) + moreNotesHtml(summary.cuts?.learning, summary.learning.length));
}

function ratingFacts(area: GrowthArea, scaleMax: number): string {
  const byOthers = area.others.end !== null;
  const basis = byOthers ? area.others : area.self;
  const change = basis.change !== null && basis.change !== 0 ? ` (${basis.change > 0 ? '+' : ''}${basis.change} this period)` : '';
  return `Rated ${basis.end ?? '—'} of ${scaleMax} by ${byOthers ? 'others' : 'myself'}${change}; target ${area.target}.`;
}

function growthArea(area: GrowthArea, summary: Summary): Html {
  const parts = [paragraph(ratingFacts(area, summary.scaleMax))];
  if (area.development.length) {
    parts.push(
      `<p class="label"><strong>What I am doing:</strong></p>`,
      list(area.development.map((d) => developmentItem(d, d.status === 'done'))),
    );
  }
  if (area.progress.length) {
    parts.push(`<p class="label"><strong>Progress:</strong></p>`, list(area.progress.map(evidenceItem)));
    const more = moreNotesHtml(summary.cuts?.progress[area.slug], area.progress.length);
    if (more) parts.push(more);
  }
  if (area.feedback.length) parts.push(`<p class="label"><strong>Feedback to act on:</strong></p>`, ...area.feedback.map(feedbackQuote));
  return subsection(area.name, parts.join('\n'), 4);
}

/** Every competency below the top of the scale, those with something done about them first. */
export function growthAreasPart(summary: Summary): Html {
  const { growthAreas: areas, feedback } = summary.lookingAhead;
  const parts: Html[] = [];
  if (areas.length === 0) parts.push(paragraph('Every rated competency is at the top of the scale.'));
  else parts.push(...areas.map((a) => growthArea(a, summary)));
  if (feedback.length) parts.push(`<p class="label"><strong>Other feedback to act on:</strong></p>`, ...feedback.map(feedbackQuote));
  const untouched = areas.filter((a) => a.development.length === 0 && a.feedback.length === 0 && a.progress.length === 0).length;
  if (untouched > 0) parts.push(paragraph(`${plural(untouched, 'growth area')} with no plan yet.`, 'note'));
  return subsection('Growth areas', parts.join('\n'));
}
