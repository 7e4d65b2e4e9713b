import fs from 'node:fs';
import { RuntimeFailure, UsageError, messageOf, quote } from '../../errors.js';
import type { CsvRow } from '../../domain/csv-import.js';

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  separator: ',' | ';' | '\t';
  encoding: 'utf-8' | 'windows-1252';
}

/**
 * A CSV file as a header and rows with their line numbers: UTF-8, else Windows-1252 (what Excel
 * saves on Windows); a BOM dropped; `;` or tab separators recognised from the header line (Excel in
 * European locales writes `;`); quoted cells may hold separators, quotes and line breaks.
 */
export async function readCsvFile(file: string): Promise<CsvTable> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`no file ${quote(file)}: give the path of a CSV export`);
    throw new RuntimeFailure(`cannot read ${quote(file)}: ${messageOf(error)}`);
  }
  let text: string;
  let encoding: CsvTable['encoding'] = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    encoding = 'windows-1252';
  }
  // One kind of line break, so that line numbers count as an editor does and cells keep plain \n.
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const separator = detectSeparator(text);
  // The parser loads only for a CSV import.
  const { parse } = await import('csv-parse/sync');
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number; empty_lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UsageError(`${quote(file)} is not readable CSV${line ? ` (line ${line})` : ''}: ${messageOf(error).replace(/\s+/g, ' ')}`);
  }
  const [first, ...rest] = records;
  if (!first) throw new UsageError(`${quote(file)} is empty: export the activities with their header row`);
  // info.lines is the line a record ends on; a record starts after the one before it ends and
  // the blank lines skipped since (info.empty_lines counts them all so far).
  let previousEnd = first.info.lines;
  let previousEmpty = first.info.empty_lines;
  const rows = rest.map(({ record, info }) => {
    const row = { line: previousEnd + 1 + (info.empty_lines - previousEmpty), cells: record };
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    return row;
  });
  return { header: first.record.map((cell) => cell.trim()), rows, separator, encoding };
}

/** The separator the header line uses most, outside quotes. */
function detectSeparator(text: string): CsvTable['separator'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F (€, curly quotes, dashes…); Node built without
// full ICU decodes 'windows-1252' as Latin-1, so those are mapped here.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}
