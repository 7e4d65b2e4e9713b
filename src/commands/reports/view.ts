/** The confirmations of summary and checkin, broken between their parts to fit the width. */
import type { OneToOne } from '../../domain/report-data.js';
import { formatDay } from '../../terminal/format.js';
import { wrapParts } from '../../terminal/wrap.js';

export function renderOneToOneRecorded(oneToOne: OneToOne, width: number): string {
  const parts = [`Recorded the one-to-one on ${formatDay(oneToOne.date)} (#${oneToOne.id}).`, 'The next agenda starts from here.'];
  return wrapParts(parts, width, { separator: ' ' }).join('\n');
}
