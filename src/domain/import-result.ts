import type { DumpTable } from './journal-dump.js';

/** What an import added and skipped, table by table. */
export type ImportCounts = Record<DumpTable, { added: number; skipped: number }>;

export interface ImportResult {
  /** `restore`: the journal was empty and now holds the file exactly, ids included. */
  mode: 'restore' | 'merge';
  counts: ImportCounts;
  added: number;
  skipped: number;
}
