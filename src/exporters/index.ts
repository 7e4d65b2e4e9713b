import type { CheckinAgenda } from '../domain/checkin.js';
import type { JournalDump } from '../domain/journal-dump.js';
import type { Summary } from '../domain/summary.js';
import type { Renderer } from './renderer.js';

type Registry<T, F extends string> = Record<F, () => Promise<Renderer<T>>>;

const renderJson: Renderer<unknown> = (model) => `${JSON.stringify(model, null, 2)}\n`;

export const SUMMARY_FORMATS = ['text', 'md', 'json', 'html'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

const summaryRenderers: Registry<Summary, SummaryFormat> = {
  text: async () => (await import('./summary-text.js')).renderSummaryText,
  md: async () => (await import('./summary-md.js')).renderSummaryMarkdown,
  json: async () => renderJson,
  // The model may carry the notes per day (readSummaryWithNoteDays); without them there is no heatmap.
  html: async () => (await import('./summary-html.js')).renderSummaryHtml,
};

export const CHECKIN_FORMATS = ['text', 'md', 'json', 'html'] as const;
export type CheckinFormat = (typeof CHECKIN_FORMATS)[number];

const checkinRenderers: Registry<CheckinAgenda, CheckinFormat> = {
  text: async () => (await import('./checkin-text.js')).renderCheckinText,
  md: async () => (await import('./checkin-md.js')).renderCheckinMarkdown,
  json: async () => {
    const { agendaToJson } = await import('../domain/checkin.js');
    return (agenda, options) => renderJson(agendaToJson(agenda), options);
  },
  html: async () => (await import('./checkin-html.js')).renderCheckinHtml,
};

export const EXPORT_FORMATS = ['json', 'csv', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const exportRenderers: Registry<JournalDump, ExportFormat> = {
  json: async () => renderJson,
  csv: async () => (await import('./journal-csv.js')).renderJournalCsv,
  md: async () => (await import('./journal-md.js')).renderJournalMarkdown,
};

export function loadSummaryRenderer(format: SummaryFormat): Promise<Renderer<Summary>> {
  return summaryRenderers[format]();
}

export function loadCheckinRenderer(format: CheckinFormat): Promise<Renderer<CheckinAgenda>> {
  return checkinRenderers[format]();
}

export function loadExportRenderer(format: ExportFormat): Promise<Renderer<JournalDump>> {
  return exportRenderers[format]();
}
