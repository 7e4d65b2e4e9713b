/** Numbers, ratings and labels as the reports write them, the same in every rendering. */
import type { CheckinAgenda } from '../domain/checkin.js';
import type { Relationship } from '../domain/report-data.js';
import { formatShortDay } from '../ui/format.js';

/** 500000 → "500,000"; 2.5 → "2.5". */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "500,000 USD", "40 calls", or the bare number. */
export function formatAmount(value: number | null, unit: string | null): string {
  if (value === null) return '—';
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** "+15", "-5", "0". */
export function formatChange(value: number | null): string {
  if (value === null) return '—';
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value)}%`;
}

/** "3 → 4", "4", or "—" for a competency rated at neither end. */
export function formatRatingSpan(start: number | null, end: number | null): string {
  if (start === null && end === null) return '—';
  if (start === end || start === null) return String(end);
  return `${start} → ${end ?? '—'}`;
}

const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  manager: 'manager',
  peer: 'peer',
  'other-manager': 'other manager',
  admin: 'admin',
  customer: 'customer',
  'direct-report': 'direct report',
};

export function relationshipLabel(relationship: Relationship): string {
  return RELATIONSHIP_LABELS[relationship];
}

/** The first line of a note, for one-line listings. */
export function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** Which days a check-in agenda covers, in words. */
export function agendaBasisText(agenda: CheckinAgenda): string {
  if (agenda.basis === 'last-checkin' && agenda.lastCheckin) return `since the last one-to-one on ${formatShortDay(agenda.lastCheckin.date)}`;
  if (agenda.basis === 'since') return `since ${formatShortDay(agenda.from)}`;
  return 'the last two weeks (no one-to-one recorded yet)';
}
