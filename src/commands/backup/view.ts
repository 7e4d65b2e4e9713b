import type { BackupResult, Diagnosis, JournalCounts, JournalLocation, RestoreResult } from '../../domain/backups.js';
import { plural, shellQuote } from '../../terminal/format.js';
import type { Theme } from '../../terminal/theme.js';

export function renderBackupMade(result: BackupResult): string {
  return `Backed up the journal to ${result.path} (${formatBytes(result.bytes)}).`;
}

export function renderCounts(counts: JournalCounts): string {
  return [
    plural(counts.notes, 'note'),
    plural(counts.goals, 'goal'),
    plural(counts.goalUpdates, 'goal update'),
    plural(counts.ratings, 'rating'),
    `${counts.feedback} feedback`,
    `${counts.development} development`,
    plural(counts.oneToOnes, 'one-to-one'),
    plural(counts.competencies, 'competency', 'competencies'),
  ].join(', ');
}

/** `perf where`: the path first (with the setting it came from), so a typo in it is plain to see. */
export function renderWhere(w: JournalLocation, view: { theme: Theme }): string {
  const from = w.source === 'default' ? ' (the default: no --db or PERF_DB)' : ` (from ${w.source})`;
  if (!w.exists) return `No journal at ${w.path}${from}: the first command that writes, such as perf log, creates it.`;
  const rows: [string, string][] = [
    ['Journal', `${w.path}${from}`],
    ['Size', formatBytes(w.bytes)],
    ['Records', w.counts ? renderCounts(w.counts) : view.theme.warn('cannot be counted: perf doctor says why')],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${view.theme.bold(label.padEnd(width))}  ${value}`).join('\n');
}

/** The documented shape (docs/json.md); where the path came from shows in the text view only. */
export function locationToJson(w: JournalLocation): Record<string, unknown> {
  return { path: w.path, exists: w.exists, bytes: w.bytes, counts: w.counts };
}

export function renderRestored(result: RestoreResult): string {
  const lines = [`Restored the journal from ${result.file}: ${renderCounts(result.counts)}.`];
  if (result.fromVersion < result.version) lines.push(`Its schema was upgraded from version ${result.fromVersion} to ${result.version}.`);
  if (result.keptAs) lines.push(`The journal it replaced is kept at ${result.keptAs}.`);
  return lines.join('\n');
}

/** `perf doctor`: one labelled line per fact, then what to do about anything wrong. */
export function renderDiagnosis(d: Diagnosis, view: { theme: Theme }): string {
  const { theme } = view;
  if (!d.exists) {
    return [
      `No journal yet. It will be created at ${d.path} by the first command that writes, such as perf log.`,
      backupLine(d, theme),
    ].join('\n');
  }
  const rows: [string, string][] = [['Journal', d.path]];
  const mode = formatMode(d.mode);
  rows.push(['Mode', d.mode === 0o600 ? mode : `${mode} ${theme.warn(`(others may read it: chmod 600 ${shellQuote(d.path)})`)}`]);
  rows.push(['Size', formatBytes(d.size ?? 0)]);
  if (d.version !== null) {
    const id = d.applicationId === null ? '' : `, application id ${hex(d.applicationId)}`;
    rows.push(['Schema', `version ${d.version} of ${d.latestVersion}${id}`]);
  }
  rows.push([
    'Integrity',
    d.problems.length === 0 ? theme.good('ok') : theme.bad(`DAMAGED: ${d.problems[0]}${more(d.problems.length - 1)}`),
  ]);
  if (d.counts) rows.push(['Records', renderCounts(d.counts)]);
  rows.push(['Newest backup', backupValue(d, theme)]);
  const advice = adviceFor(d);
  if (advice) rows.push(['What to do', advice]);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${theme.bold(label.padEnd(width))}  ${value}`).join('\n');
}

/** What to do about a journal that is not fine, with the exact command; null when it is. */
export function adviceFor(d: Diagnosis): string | null {
  switch (d.status) {
    case 'ok':
      return null;
    case 'newer':
      return `this journal was written by a newer perf-journal (schema ${d.version ?? '?'}): upgrade perf-journal`;
    case 'not-a-journal':
      return 'this file is not a perf journal: point --db or PERF_DB at your journal';
    case 'damaged':
      return d.newestBackup
        ? `restore the newest backup (the damaged file is kept): perf restore ${shellQuote(d.newestBackup.path)}`
        : 'no backup was found; if you have a perf export, import it into a new journal: perf --db new-journal.db import <export.json>';
  }
}

export function diagnosisToJson(d: Diagnosis): Record<string, unknown> {
  return {
    path: d.path,
    exists: d.exists,
    status: d.status,
    size: d.size,
    mode: d.mode === null ? null : formatMode(d.mode),
    version: d.version,
    latestVersion: d.latestVersion,
    applicationId: d.applicationId,
    integrity: d.exists ? (d.problems.length === 0 ? 'ok' : d.problems) : null,
    counts: d.counts,
    newestBackup: d.newestBackup,
    advice: adviceFor(d),
  };
}

function backupLine(d: Diagnosis, theme: Theme): string {
  return `Newest backup: ${backupValue(d, theme)}`;
}

function backupValue(d: Diagnosis, theme: Theme): string {
  if (!d.newestBackup) return theme.dim('none yet (perf backup makes one)');
  const age = d.newestBackup.ageDays;
  const when = age <= 0 ? 'today' : age === 1 ? 'yesterday' : `${age} days ago`;
  return `${d.newestBackup.path} (${when})`;
}

function more(n: number): string {
  return n > 0 ? ` (and ${plural(n, 'more problem')})` : '';
}

function formatMode(mode: number | null): string {
  return (mode ?? 0).toString(8).padStart(4, '0');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

// Kept exported from here for the callers that import it with the other backup views.
export { shellQuote };

function hex(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}
