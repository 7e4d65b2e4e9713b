import fs from 'node:fs';
import path from 'node:path';
import {
  autoBackupFile,
  autoBackupsToPrune,
  backupsFolder,
  beforeRestoreName,
  manualBackupName,
  newestFirst,
  parseBackupName,
  type BackupName,
  type BackupResult,
  type Diagnosis,
  type JournalLocation,
  type JournalSource,
  type JournalStatus,
  type RestoreResult,
} from '../domain/backups.js';
import { dayOf, daysBetween, type Day } from '../domain/calendar.js';
import { RuntimeFailure, UsageError, quote, messageOf } from '../errors.js';
import {
  copyRaw,
  countJournal,
  discard,
  inspectJournal,
  isSound,
  replaceJournal,
  stageRestore,
  writeBackup,
  writeSnapshot,
  type CheckedCopy,
} from '../storage/backups.js';
import { openDatabase } from '../storage/db.js';
import { APPLICATION_ID, LATEST_VERSION } from '../storage/migrations.js';
import type { Store } from '../storage/store.js';
import { readSettings } from './config.js';

export interface BackupTarget {
  file: string;
  replace: boolean;
}

/**
 * Where `perf backup [FILE]` writes, checked before anything is copied. No FILE (or a folder): a
 * dated name in the backups folder (or that folder). Never through a symbolic link, never to a
 * FIFO or device (writing to one hangs or goes nowhere), never over a file without --force.
 */
export function chooseBackupTarget(journal: string, file: string | undefined, now: Date, force: boolean): BackupTarget {
  if (file === undefined) return { file: freeName(backupsFolder(journal), manualBackupName(journal, now)), replace: false };
  const resolved = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(resolved);
  } catch {
    const folder = path.dirname(resolved);
    if (!isFolder(folder))
      throw new UsageError(`cannot write ${quote(file)}: the folder ${quote(folder)} does not exist; create it or choose another path`);
    return { file: resolved, replace: false };
  }
  if (stat.isSymbolicLink()) throw new UsageError(`cannot write ${quote(file)}: it is a symbolic link; give the path of the file itself`);
  if (stat.isDirectory()) return { file: freeName(resolved, manualBackupName(journal, now)), replace: false };
  if (!stat.isFile())
    throw new UsageError(`cannot write ${quote(file)}: it is not a regular file (a FIFO, device or socket); give a file name`);
  if (sameFile(resolved, journal)) throw new UsageError(`cannot write ${quote(file)}: it is the journal itself; give another file`);
  if (!force) throw new UsageError(`${quote(file)} already exists: add --force to replace it, or choose another name`);
  return { file: resolved, replace: true };
}

/** `perf backup`: a consistent copy of the journal, private to the user. */
export async function backupJournal(journal: string, target: BackupTarget, now: Date): Promise<BackupResult> {
  ensureFolder(path.dirname(target.file));
  let bytes: number;
  try {
    bytes = await writeBackup(journal, target.file, { replace: target.replace });
  } catch (error) {
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(`cannot write the backup ${target.file}: ${messageOf(error)}`);
  }
  // A copy of a damaged journal is kept (it may still help), but never passed off as a good backup.
  if (!isSound(target.file)) {
    throw new RuntimeFailure(
      `the journal is damaged: ${target.file} is a copy of it as it is, not a good backup; perf doctor says what to do`,
    );
  }
  return { path: target.file, bytes, at: now.toISOString() };
}

/**
 * Today's automatic backup and the pruning of older automatic ones, to run just before the day's
 * first commit; null when `backup.auto` is off. The caller has already found that none exists for
 * today (a single stat), so the setting is read once a day.
 */
export function planDailyBackup(store: Store, journal: string, now: Date): (() => void) | null {
  const { backup } = readSettings(store);
  if (!backup.auto) return null;
  return () => {
    const dest = autoBackupFile(journal, dayOf(now));
    ensureFolder(path.dirname(dest));
    // Replacing is harmless here: two commands racing for today's backup both write a good one.
    writeSnapshot(journal, dest, { replace: true });
    pruneAutoBackups(journal, backup.keepDaily, backup.keepWeekly);
  };
}

function pruneAutoBackups(journal: string, keepDaily: number, keepWeekly: number): void {
  const autos = listBackups(journal).filter((b) => b.kind === 'auto');
  for (const day of autoBackupsToPrune(
    autos.map((b) => b.day),
    keepDaily,
    keepWeekly,
  )) {
    try {
      fs.unlinkSync(autoBackupFile(journal, day));
    } catch {
      // Gone already, or not ours to remove: it is tried again with tomorrow's backup.
    }
  }
}

/** This journal's backups in its backups folder, the newest first. */
export function listBackups(journal: string): BackupName[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupsFolder(journal));
  } catch {
    return [];
  }
  return names
    .map((name) => parseBackupName(journal, name))
    .filter((b): b is BackupName => b !== null)
    .sort(newestFirst);
}

/** Checks the argument of `perf restore` as import checks its file: a missing one is bad usage. */
export function checkRestoreFile(file: string, journal: string): string {
  const resolved = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError(
        `cannot restore ${quote(file)}, no such file: give a backup made by perf backup (see ${backupsFolder(journal)})`,
      );
    }
    throw new RuntimeFailure(`cannot read ${quote(file)}: ${messageOf(error)}`);
  }
  if (stat.isDirectory()) throw new UsageError(`cannot restore ${quote(file)}: it is a folder; give a backup file in it`);
  if (!stat.isFile()) throw new UsageError(`cannot restore ${quote(file)}: it is not a regular file`);
  if (sameFile(resolved, journal)) throw new UsageError(`cannot restore ${quote(file)}: it is the journal itself`);
  return resolved;
}

export interface StagedRestore extends CheckedCopy {
  file: string;
}

/** Copies the file beside the journal and checks the copy; nothing of the journal is touched. */
export function prepareRestore(file: string, journal: string, label = quote(file)): StagedRestore {
  ensureFolder(path.dirname(journal));
  return { file, ...stageRestore(file, journal, label) };
}

export function cancelRestore(staged: StagedRestore): void {
  discard(staged.temp);
}

/**
 * Keeps the current journal in the backups folder, then puts the checked copy in its place and
 * opens it the normal way, which upgrades an older schema.
 */
export async function restoreJournal(staged: StagedRestore, journal: string, now: Date): Promise<RestoreResult> {
  let keptAs: string | null = null;
  try {
    if (fs.existsSync(journal)) {
      ensureFolder(backupsFolder(journal));
      keptAs = freeName(backupsFolder(journal), beforeRestoreName(journal, now));
      try {
        await writeBackup(journal, keptAs, { replace: false });
      } catch {
        // The journal being replaced may be the damaged one: keep its bytes as they are.
        copyRaw(journal, keptAs);
      }
    }
    replaceJournal(staged.temp, journal);
  } catch (error) {
    discard(staged.temp);
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(`cannot restore ${quote(staged.file)}: ${messageOf(error)}; the journal was not changed`);
  }
  openDatabase(journal, { create: false }).close();
  return { file: staged.file, journal, keptAs, fromVersion: staged.version, version: LATEST_VERSION, counts: staged.counts };
}

/** `perf doctor`: the journal's health, read without changing it. */
export function diagnoseJournal(journal: string, today: Day): Diagnosis {
  const backups = listBackups(journal).map((b) => ({
    path: path.join(backupsFolder(journal), b.name),
    day: b.day,
    ageDays: daysBetween(b.day, today),
  }));
  const base = { path: journal, latestVersion: LATEST_VERSION, newestBackup: backups[0] ?? null };
  if (!fs.existsSync(journal)) {
    return { ...base, exists: false, status: 'ok', size: null, mode: null, version: null, applicationId: null, problems: [], counts: null };
  }
  const health = inspectJournal(journal);
  const status = statusOf(health);
  // Restoring is the advice for a damaged journal: name the newest backup that is itself whole.
  const newestBackup = status === 'damaged' ? (backups.find((b) => isSound(b.path)) ?? null) : base.newestBackup;
  return { ...base, newestBackup, exists: true, ...health, status };
}

/** `perf where`: the journal's path, size and counts; a missing journal is not created. */
export function locateJournal(journal: string, source: JournalSource): JournalLocation {
  let bytes: number;
  try {
    bytes = fs.statSync(journal).size;
  } catch {
    return { path: journal, source, exists: false, bytes: 0, counts: null };
  }
  return { path: journal, source, exists: true, bytes, counts: countJournal(journal) };
}

function statusOf(health: ReturnType<typeof inspectJournal>): JournalStatus {
  if (health.problems.length > 0) return 'damaged';
  if (health.size === 0 || health.version === null) return 'ok';
  if (health.version > LATEST_VERSION) return 'newer';
  const marked = health.applicationId === APPLICATION_ID || (health.applicationId === 0 && health.version < 3 && health.version > 0);
  if (!marked || health.counts === null) return 'not-a-journal';
  return 'ok';
}

/** `name` in `folder`, or `name-2`, `name-3`… when a backup of that second exists already. */
function freeName(folder: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, -ext.length);
  let candidate = path.join(folder, name);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(folder, `${stem}-${n}${ext}`);
  return candidate;
}

function ensureFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new RuntimeFailure(`cannot create the folder ${folder}: ${messageOf(error)}`);
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
