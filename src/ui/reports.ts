/** The one-line confirmations of summary, checkin, export and import. */
import type { DumpTable, JournalDump, JournalTables } from '../domain/journal-dump.js';
import type { OneToOne } from '../domain/report-data.js';
import type { ExportFormat } from '../exporters/index.js';
import type { ImportResult } from '../services/import.js';
import { formatDay } from './format.js';
import { formatNumber } from './numbers.js';

/** After `-o`: what was written, and where. */
export function renderWritten(what: string, file: string): string {
  return `Wrote ${what} to ${file}.`;
}

export function renderOneToOneRecorded(checkin: OneToOne): string {
  return `Recorded the one-to-one on ${formatDay(checkin.date)} (#${checkin.id}). The next agenda starts from here.`;
}

const TABLE_NAMES: Record<DumpTable, [string, string]> = {
  config: ['setting', 'settings'],
  competencies: ['competency', 'competencies'],
  goals: ['goal', 'goals'],
  notes: ['note', 'notes'],
  goalCheckins: ['goal check-in', 'goal check-ins'],
  ratings: ['rating', 'ratings'],
  feedback: ['piece of feedback', 'pieces of feedback'],
  development: ['development activity', 'development activities'],
  checkins: ['one-to-one', 'one-to-ones'],
};

/** "1 note", "1,200 notes". */
function quantity(count: number, table: DumpTable): string {
  const [singular, plural] = TABLE_NAMES[table];
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** "3 settings, 12 competencies, 257 notes": the tables with records, in the order of TABLE_NAMES. */
function listCounts(count: (table: DumpTable) => number): string {
  return (Object.keys(TABLE_NAMES) as DumpTable[])
    .filter((table) => count(table) > 0)
    .map((table) => quantity(count(table), table))
    .join(', ');
}

function recordsIn(tables: JournalTables, table: DumpTable): number {
  return table === 'config' ? Object.keys(tables.config).length : tables[table].length;
}

/** After `perf export -o`: a JSON export is the whole journal, CSV and Markdown its notes. */
export function renderExportWritten(dump: JournalDump, format: ExportFormat, file: string): string {
  if (format === 'json') {
    const held = listCounts((table) => recordsIn(dump, table));
    return renderWritten(`the whole journal (${held || 'nothing in it yet'})`, file);
  }
  return renderWritten(`${quantity(dump.notes.length, 'notes')} as ${format === 'csv' ? 'CSV' : 'Markdown'}`, file);
}

export function renderImportResult(file: string, result: ImportResult): string {
  const list = (which: 'added' | 'skipped') => listCounts((table) => result.counts[table][which]);
  if (result.mode === 'restore') return `Restored ${file} into the empty journal: ${list('added') || 'nothing to restore'}.`;
  const added = result.added ? `added ${list('added')}` : 'nothing new to add';
  const skipped = result.skipped
    ? `; skipped ${formatNumber(result.skipped)} ${result.skipped === 1 ? 'duplicate' : 'duplicates'} already in the journal (${list('skipped')})`
    : '';
  return `Imported ${file}: ${added}${skipped}.`;
}
