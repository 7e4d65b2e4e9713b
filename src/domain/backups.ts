import path from 'node:path';
import { addDays, dayOf, pad2, weekdayOf, type Day } from './calendar.js';

/**
 * Where backups live and what they are called. Automatic, manual and pre-restore backups have
 * distinct names, so pruning (which only ever looks at automatic ones) never removes a backup the
 * user made. Names carry the journal's own name, so two journals in one folder keep apart.
 */
export const BACKUPS_FOLDER = 'backups';

export type BackupKind = 'auto' | 'manual' | 'before-restore';

export interface BackupName {
  name: string;
  kind: BackupKind;
  day: Day;
  /** `HHMMSS`, local time; automatic backups have a day only. */
  time: string | null;
}

export function backupsFolder(journal: string): string {
  return path.join(path.dirname(journal), BACKUPS_FOLDER);
}

/** `journal` for `journal.db`: the journal's file name without its extension. */
export function journalStem(journal: string): string {
  const base = path.basename(journal);
  const ext = path.extname(base);
  return ext && ext !== base ? base.slice(0, -ext.length) : base;
}

/** The one automatic backup of `day`: its existence is the whole test of whether one is due. */
export function autoBackupFile(journal: string, day: Day): string {
  return path.join(backupsFolder(journal), `${journalStem(journal)}-auto-${day}.db`);
}

/** `journal-2026-11-30T101500.db`: local date and time, to the second. */
export function manualBackupName(journal: string, now: Date): string {
  return `${journalStem(journal)}-${stampOf(now)}.db`;
}

export function beforeRestoreName(journal: string, now: Date): string {
  return `${journalStem(journal)}-before-restore-${stampOf(now)}.db`;
}

function stampOf(now: Date): string {
  return `${dayOf(now)}T${pad2(now.getHours())}${pad2(now.getMinutes())}${pad2(now.getSeconds())}`;
}

/** Recognises this journal's backups among the files of the backups folder. */
export function parseBackupName(journal: string, name: string): BackupName | null {
  const stem = journalStem(journal);
  if (!name.startsWith(`${stem}-`)) return null;
  const rest = name.slice(stem.length + 1);
  const auto = /^auto-(\d{4}-\d{2}-\d{2})\.db$/.exec(rest);
  if (auto) return { name, kind: 'auto', day: auto[1] ?? '', time: null };
  const timed = /^(before-restore-)?(\d{4}-\d{2}-\d{2})T(\d{6})(?:-\d+)?\.db$/.exec(rest);
  if (timed) return { name, kind: timed[1] ? 'before-restore' : 'manual', day: timed[2] ?? '', time: timed[3] ?? null };
  return null;
}

/** The newest first: by day, then time (an automatic backup counts as made at the day's start). */
export function newestFirst(a: BackupName, b: BackupName): number {
  const key = (x: BackupName) => `${x.day}T${x.time ?? '000000'}`;
  return key(b).localeCompare(key(a));
}

/**
 * Which automatic backups to delete. Kept: the newest `keepDaily` days, then the newest backup of
 * each of the `keepWeekly` (Monday-to-Sunday) weeks before those: at most daily + weekly files.
 */
export function autoBackupsToPrune(days: readonly Day[], keepDaily: number, keepWeekly: number): Day[] {
  const sorted = [...new Set(days)].sort().reverse();
  const daily = sorted.slice(0, keepDaily);
  const keep = new Set(daily);
  const weeks = new Set(daily.map(mondayOf));
  let weekly = 0;
  for (const day of sorted.slice(keepDaily)) {
    if (weekly >= keepWeekly) break;
    const week = mondayOf(day);
    if (weeks.has(week)) continue;
    weeks.add(week);
    keep.add(day);
    weekly++;
  }
  return sorted.filter((day) => !keep.has(day));
}

function mondayOf(day: Day): Day {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

export interface BackupResult {
  path: string;
  bytes: number;
  /** The instant of the copy, ISO 8601. */
  at: string;
}

export interface RestoreResult {
  file: string;
  journal: string;
  /** Where the journal it replaced was kept; null when there was none. */
  keptAs: string | null;
  /** The backup's schema version, and the version it has now. */
  fromVersion: number;
  version: number;
  counts: JournalCounts;
}

export type JournalStatus = 'ok' | 'damaged' | 'not-a-journal' | 'newer';

export interface Diagnosis {
  path: string;
  exists: boolean;
  status: JournalStatus;
  size: number | null;
  mode: number | null;
  version: number | null;
  latestVersion: number;
  applicationId: number | null;
  problems: string[];
  counts: JournalCounts | null;
  newestBackup: { path: string; day: Day; ageDays: number } | null;
}

/** How many records of each kind a journal holds (`perf doctor`, `perf where`, `perf restore`). */
export interface JournalCounts {
  notes: number;
  goals: number;
  goalUpdates: number;
  ratings: number;
  feedback: number;
  development: number;
  oneToOnes: number;
  /** The seeded framework included, so a fresh journal does not count 0. */
  competencies: number;
}

/** `perf where`: which journal this is and what it holds, read without creating or changing anything. */
export interface JournalLocation {
  path: string;
  /** Whence the path came: `--db`, `PERF_DB` or the platform data folder. */
  source: JournalSource;
  exists: boolean;
  bytes: number;
  /** Null when there is no journal, or the file is not one that can be counted. */
  counts: JournalCounts | null;
}

export type JournalSource = '--db' | 'PERF_DB' | 'default';
