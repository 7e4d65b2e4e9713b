import type { Pace } from '../domain/goal-progress.js';
import type { Theme } from './theme.js';

/** The words for a goal's pace, in every view and report. */
export const PACE_LABELS: Record<Pace, string> = {
  achieved: 'achieved',
  ahead: 'ahead',
  'on-track': 'on track',
  behind: 'behind',
  overdue: 'overdue',
  'no-target': 'no target',
};

export function paceLabel(pace: Pace, theme: Theme): string {
  return theme.pace(pace)(PACE_LABELS[pace]);
}
