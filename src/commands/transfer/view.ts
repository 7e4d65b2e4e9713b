/** The confirmations of export -o and import, broken between their parts to fit the width. */
import type { DumpTable } from '../../domain/journal-dump.js';
import type { ExportFormat } from '../../exporters/index.js';
import type { ImportResult } from '../../domain/import-result.js';
import { inert } from '../../terminal/inert.js';
import { formatNumber } from '../../terminal/numbers.js';
import { renderWritten } from '../../terminal/format.js';
import { wrapParts } from '../../terminal/wrap.js';

const TABLE_NAMES: Record<DumpTable, [string, string]> = {
  config: ['setting', 'settings'],
  competencies: ['competency', 'competencies'],
  goals: ['goal', 'goals'],
  deals: ['deal', 'deals'],
  notes: ['note', 'notes'],
  goalCheckins: ['goal check-in', 'goal check-ins'],
  ratings: ['rating', 'ratings'],
  feedback: ['piece of feedback', 'pieces of feedback'],
  development: ['development activity', 'development activities'],
  checkins: ['one-to-one', 'one-to-ones'],
  reflections: ['reflection', 'reflections'],
};

/** "1 note", "1,200 notes". */
function quantity(count: number, table: DumpTable): string {
  const [singular, plural] = TABLE_NAMES[table];
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** ["3 settings", "12 competencies", "257 notes"]: the tables with records, in the order of TABLE_NAMES. */
function listCounts(count: (table: DumpTable) => number): string[] {
  return (Object.keys(TABLE_NAMES) as DumpTable[]).filter((table) => count(table) > 0).map((table) => quantity(count(table), table));
}

/** Counts as parts of a sentence: "3 settings," … "2 one-to-ones" + `tail`, so a line breaks between them. */
function countParts(counts: readonly string[], tail: string): string[] {
  return counts.map((c, i) => (i === counts.length - 1 ? `${c}${tail}` : `${c},`));
}

/** A sentence of parts, carried on over indented lines to fit `width`. */
function fitSentence(parts: readonly string[], width: number): string {
  return wrapParts(parts, width, { indent: '  ', separator: ' ' }).join('\n');
}

/** After `perf export -o`: a JSON export is the whole journal, CSV and Markdown its notes. */
export function renderExportWritten(counts: Record<DumpTable, number>, format: ExportFormat, file: string, width: number): string {
  if (format === 'json') {
    const held = listCounts((table) => counts[table]);
    if (held.length === 0) return renderWritten('the whole journal (nothing in it yet)', file);
    return fitSentence([`Wrote the whole journal to ${inert(file)}:`, ...countParts(held, '.')], width);
  }
  return renderWritten(`${quantity(counts.notes, 'notes')} as ${format === 'csv' ? 'CSV' : 'Markdown'}`, file);
}

export function renderImportResult(file: string, result: ImportResult, width: number): string {
  const list = (which: 'added' | 'skipped') => listCounts((table) => result.counts[table][which]);
  if (result.mode === 'restore') {
    const added = list('added');
    return fitSentence(
      [`Restored ${inert(file)} into the empty journal:`, ...(added.length ? countParts(added, '.') : ['nothing to restore.'])],
      width,
    );
  }
  const end = result.skipped ? ';' : '.';
  const parts = [
    `Imported ${inert(file)}:`,
    ...(result.added ? ['added', ...countParts(list('added'), end)] : [`nothing new to add${end}`]),
  ];
  if (result.skipped) {
    const duplicates = `${formatNumber(result.skipped)} ${result.skipped === 1 ? 'duplicate' : 'duplicates'}`;
    parts.push(`skipped ${duplicates}`, 'already in the journal:', ...countParts(list('skipped'), '.'));
  }
  return fitSentence(parts, width);
}
