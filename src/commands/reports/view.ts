/** The confirmations of summary and checkin, and the one-to-ones recorded, broken to fit the width. */
import type { OneToOne } from '../../domain/report-data.js';
import { formatDay, wrapText } from '../../terminal/format.js';
import type { Theme } from '../../terminal/theme.js';
import { wrapParts } from '../../terminal/wrap.js';

export function renderOneToOneRecorded(oneToOne: OneToOne, width: number, latest = true): string {
  const parts = [
    `Recorded the one-to-one on ${formatDay(oneToOne.date)} (#${oneToOne.id}).`,
    ...(latest ? ['The next agenda starts from here.'] : []),
  ];
  return wrapParts(parts, width, { separator: ' ' }).join('\n');
}

/** `perf checkin history`: one block per one-to-one, its id and day, then its note. */
export function renderOneToOneHistory(oneToOnes: readonly OneToOne[], theme: Theme, width: number): string {
  if (oneToOnes.length === 0)
    return theme.dim('No one-to-ones recorded yet: after the meeting, perf checkin --done --note "what we agreed"');
  const idWidth = Math.max(...oneToOnes.map((o) => String(o.id).length)) + 1;
  const lines: string[] = [];
  for (const o of oneToOnes) {
    lines.push(`${theme.dim(`#${o.id}`.padStart(idWidth))}  ${theme.bold(formatDay(o.date))}`);
    const indent = ' '.repeat(idWidth + 2);
    if (o.note === null) lines.push(`${indent}${theme.dim('(no note)')}`);
    else for (const line of wrapText(o.note, width - indent.length)) lines.push(`${indent}${line}`);
  }
  return lines.join('\n');
}

export function renderOneToOneUpdated(oneToOne: OneToOne): string {
  return `Updated one-to-one #${oneToOne.id} (${formatDay(oneToOne.date)}).`;
}

export function renderOneToOneRemoved(oneToOne: OneToOne): string {
  return `Deleted one-to-one #${oneToOne.id} (${formatDay(oneToOne.date)}).`;
}
