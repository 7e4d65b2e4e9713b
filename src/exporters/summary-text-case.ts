/**
 * The parts of the terminal summary that make the case: the rep's own words, sales numbers,
 * quoted feedback, evidence under each competency, learning, and the growth areas.
 */
import { RELATIONSHIPS, type Relationship } from '../domain/feedback.js';
import type { Evidence, FeedbackItem, GrowthArea, Summary } from '../domain/summary.js';
import { formatShortDay, plural, wrapText } from '../terminal/format.js';
import { formatAmount } from '../terminal/numbers.js';
import { renderTable } from '../terminal/table.js';
import type { Theme } from '../terminal/theme.js';
import { wrapParts } from '../terminal/wrap.js';
import { changeOrNone, ratingCells, relationshipLabel } from './report-format.js';
import { attributionLines, moreNotesLines, renderReportNote } from './text-blocks.js';

export function reflectionLines(summary: Summary, width: number): string[] {
  if (summary.reflection === null) return [];
  return summary.reflection.text.split('\n').flatMap((p) => wrapText(p, width - 4).map((line) => `  ${line}`));
}

export function salesLines(summary: Summary, theme: Theme): string[] {
  const s = summary.sales;
  if (s.wins + s.losses === 0 && s.pipeline.open === 0) return [];
  const money = (value: number | null) => (value === null ? '—' : formatAmount(value, s.currency));
  const rate = s.winRate === null ? '' : ` · win rate ${s.winRate.toFixed(1)}%`;
  const out = [`  ${theme.bold(`${plural(s.wins, 'deal')} won`)}, ${plural(s.losses, 'lost', 'lost')}${rate}`];
  out.push(`  won ${money(s.wonValue)} · average ${money(s.averageDeal)}`);
  if (s.largestDeal) {
    const d = s.largestDeal;
    out.push(`  largest ${d.name}${d.account ? ` (${d.account})` : ''} ${money(d.value)}, ${formatShortDay(d.closedOn)}`);
  }
  return out;
}

export function pipelineLines(summary: Summary, theme: Theme): string[] {
  const { pipeline, currency } = summary.sales;
  if (pipeline.open === 0) return [];
  const stages = Object.entries(pipeline.byStage).map(([stage, t]) => `${stage} ${t.count} (${formatAmount(t.value, currency)})`);
  return [
    '',
    `  ${theme.bold('Pipeline')} ${plural(pipeline.open, 'open deal')} worth ${formatAmount(pipeline.value, currency)}`,
    `  ${stages.join(' · ')}`,
  ];
}

function quoteLines(f: FeedbackItem, width: number, theme: Theme, indent = '    '): string[] {
  return [
    ...wrapText(`“${f.text}”`, width - indent.length - 2).map((line) => `${indent}${line}`),
    ...attributionLines(f, width, `${indent}  `).map((line) => theme.dim(line)),
  ];
}

/** Counted by relationship, then the curated quotes. */
export function feedbackLines(summary: Summary, theme: Theme, width: number): string[] {
  const { byRelationship, items, quoted } = summary.feedback;
  if (items.length === 0) return [theme.dim('  No feedback recorded in this period.')];
  const counts = RELATIONSHIPS.filter((r) => byRelationship[r] > 0).map((r) => `${relationshipLabel(r)} ${byRelationship[r]}`);
  const rest = items.some((f) => f.constructive) ? ['', theme.dim('  Constructive feedback is under LOOKING AHEAD.')] : [];
  return [`  ${counts.join(' · ')}`, ...quoted.flatMap((f) => ['', ...quoteLines(f, width, theme)]), ...rest];
}

function evidenceLines(e: Evidence, theme: Theme, width: number): string[] {
  if (e.kind === 'note') {
    const head = `      ${formatShortDay(e.date)}${e.type !== 'note' ? `  ${theme.accent(e.type)}` : ''}`;
    return [head, ...wrapText(e.text, width - 10).map((line) => `        ${line}`)];
  }
  const flag = e.constructive ? ` · ${theme.warn('constructive')}` : e.starred ? ` ${theme.star('★')}` : '';
  const head = `      ${formatShortDay(e.date)}  ${theme.bold(e.from)}, ${relationshipLabel(e.relationship as Relationship)}${flag}`;
  return [head, ...wrapText(`“${e.text}”`, width - 10).map((line) => `        ${line}`)];
}

/** Ratings at the start and end of the period, then the evidence under each competency. */
export function competencyLines(summary: Summary, theme: Theme, width: number): string[] {
  if (summary.competencies.length === 0) return [theme.dim('  No ratings or evidence yet. Rate yourself with: perf rate')];
  const out = [
    renderTable(
      [
        { header: 'Competency', flex: true },
        { header: 'Self', align: 'right' },
        { header: '±', align: 'right' },
        { header: 'Others', align: 'right' },
        { header: '±', align: 'right' },
        { header: 'Target', align: 'right' },
      ],
      summary.competencies.map((c) => [c.name, ...ratingCells(c)]),
      { theme, width },
    ),
    theme.dim(`  Ratings on a scale of 1 to ${summary.scaleMax}, at the start and end of the period.`),
  ];
  for (const c of summary.competencies.filter((x) => x.evidence.length > 0)) {
    out.push('', `  ${theme.bold(c.name)}`, ...c.evidence.flatMap((e) => evidenceLines(e, theme, width)));
    out.push(...moreNotesLines(summary.cuts?.evidence[c.slug], c.evidence.length, theme, width, '      '));
  }
  return out;
}

export function learningLines(summary: Summary, theme: Theme, width: number): string[] {
  return [
    ...summary.learning.flatMap((note) => renderReportNote(note, theme, width)),
    ...moreNotesLines(summary.cuts?.learning, summary.learning.length, theme, width, '  '),
  ];
}

function growthAreaLines(area: GrowthArea, summary: Summary, theme: Theme, width: number): string[] {
  const basis = area.others.end !== null ? area.others : area.self;
  const change = basis.change ? `, ${changeOrNone(basis.change, null)} this period` : '';
  const facts = `rated ${basis.end ?? '—'} of ${summary.scaleMax} by ${area.others.end !== null ? 'others' : 'myself'}${change}; target ${area.target}`;
  const out = ['', ...wrapParts([theme.bold(area.name), theme.dim(facts)], width, { first: '  ', indent: '    ', separator: '  ' })];
  for (const d of area.development) {
    const when = d.status === 'done' ? `done ${formatShortDay(d.completedAt ?? '')}` : d.due ? `due ${formatShortDay(d.due)}` : d.status;
    out.push(
      ...wrapParts([`${theme.good('→')} ${d.title}`, theme.dim(when)], width, { first: '    ', indent: '      ', separator: ' · ' }),
    );
  }
  for (const e of area.progress) out.push(...evidenceLines(e, theme, width));
  out.push(...moreNotesLines(summary.cuts?.progress[area.slug], area.progress.length, theme, width, '      '));
  for (const f of area.feedback) out.push(...quoteLines(f, width, theme, '      '));
  return out;
}

/** Every competency below the top, with what is being done about it; those with a plan first. */
export function growthLines(summary: Summary, theme: Theme, width: number): string[] {
  const { growthAreas, feedback } = summary.lookingAhead;
  if (growthAreas.length === 0 && feedback.length === 0) return [theme.dim('  Every rated competency is at the top of the scale.')];
  const out = growthAreas.flatMap((a) => growthAreaLines(a, summary, theme, width));
  if (feedback.length) out.push('', `  ${theme.bold('Other feedback to act on')}`, ...feedback.flatMap((f) => quoteLines(f, width, theme)));
  return out;
}
