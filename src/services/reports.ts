import type { Day } from '../domain/calendar.js';
import { agendaStart, buildCheckinAgenda, type CheckinAgenda } from '../domain/checkin.js';
import type { OneToOne } from '../domain/report-data.js';
import { buildStatus, type JournalStatus } from '../domain/status.js';
import type { Period } from '../domain/cycle.js';
import { buildSummary, type Summary } from '../domain/summary.js';
import type { Store } from '../storage/store.js';

export function readSummary(store: Store, period: Period, today: Day): Summary {
  return buildSummary(store.reports.readSummarySnapshot(period.from, period.to), period, today);
}

/** The agenda since `since`, else since the last recorded one-to-one, else for the last two weeks. */
export function readCheckinAgenda(store: Store, since: Day | null, today: Day): CheckinAgenda {
  const snapshot = store.reports.readCheckinSnapshot(today, (last) => agendaStart(since, last, today).from);
  return buildCheckinAgenda(snapshot, agendaStart(since, snapshot.lastOneToOne, today).basis, today);
}

export function readStatus(store: Store, today: Day): JournalStatus {
  return buildStatus(store.reports.readStatusSnapshot(), today);
}

/** Records that the one-to-one with the manager took place today. */
export function recordCheckin(store: Store, input: { date: Day; note: string | null }, now: Date): OneToOne {
  return store.transaction(() => store.checkins.insert(input.date, input.note, now.toISOString()));
}
