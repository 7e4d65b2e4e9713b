import type { CsvDeal, CsvNote } from '../../domain/csv-import.js';
import { formatShortDay, plural, truncate, wrapText } from '../../terminal/format.js';
import { formatMoney } from '../../terminal/money.js';

/** How many rows a dry run shows. */
const SHOWN_ROWS = 5;
/** How many line numbers of rows left out are named. */
const SHOWN_LINES = 10;

export function renderCsvNotes(
  file: string,
  result: { added: CsvNote[]; known: number; planned: readonly number[] },
  byType: Record<string, number>,
  dryRun: boolean,
  width: number,
): string {
  const types = Object.entries(byType)
    .map(([type, count]) => `${count} ${type}`)
    .join(', ');
  const verb = dryRun ? 'Would add' : 'Added';
  const lines = [
    `${verb} ${plural(result.added.length, 'note')} from ${file}${types ? ` (${types})` : ''}${result.known ? `; ${result.known} imported before` : ''}.`,
  ];
  if (result.planned.length > 0) {
    const shown = result.planned.slice(0, SHOWN_LINES).join(', ');
    const more = result.planned.length > SHOWN_LINES ? ` and ${result.planned.length - SHOWN_LINES} more` : '';
    lines.push(
      ...wrapText(
        `Left out ${plural(result.planned.length, 'row')} dated after today, planned rather than done (${result.planned.length === 1 ? 'line' : 'lines'} ${shown}${more}): import the file again once ${result.planned.length === 1 ? 'it has' : 'they have'} happened.`,
        width,
      ),
    );
  }
  if (dryRun) {
    for (const note of result.added.slice(0, SHOWN_ROWS)) {
      const head = `  line ${note.line} · ${formatShortDay(note.date)} · ${note.type}${note.account ? ` · ${note.account}` : ''} · `;
      lines.push(head + truncate(note.text.replace(/\s+/g, ' '), Math.max(10, width - head.length)));
    }
    if (result.added.length > SHOWN_ROWS) lines.push(`  … and ${result.added.length - SHOWN_ROWS} more`);
    lines.push('Nothing was written (--dry-run).');
  }
  return lines.join('\n');
}

export function renderCsvDeals(
  file: string,
  result: { added: CsvDeal[]; updated: CsvDeal[]; unchanged: number },
  dryRun: boolean,
  currency: string,
): string {
  const verb = dryRun ? 'Would add' : 'Added';
  const lines = [
    `${verb} ${plural(result.added.length, 'deal')} from ${file}, ${dryRun ? 'would update' : 'updated'} ${result.updated.length}${result.unchanged ? `; ${result.unchanged} unchanged` : ''}.`,
  ];
  if (dryRun) {
    const moved = [...result.added, ...result.updated];
    for (const deal of moved.slice(0, SHOWN_ROWS)) {
      const value = formatMoney(deal.value, currency);
      lines.push(`  line ${deal.line} · ${deal.name} · ${value} · ${deal.status}${deal.stage ? ` · ${deal.stage}` : ''}`);
    }
    if (moved.length > SHOWN_ROWS) lines.push(`  … and ${moved.length - SHOWN_ROWS} more`);
    lines.push('Nothing was written (--dry-run).');
  }
  return lines.join('\n');
}
