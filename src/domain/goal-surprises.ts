/**
 * Updates that are probably typing slips (one zero too many, a misplaced decimal point), found
 * before they are saved so that the rep is asked rather than left with "603% achieved" for ever.
 *
 * - Far past the target: the progress an update makes from the baseline is more than 5 times the
 *   distance from the baseline to the target. From a baseline of 0 (most goals) that is a value
 *   more than 5x the target. A falling goal (churn 5 → 2) trips it by falling more than five times
 *   as far as planned (below -10), which only a slipped sign or decimal point does; a value that
 *   moves the wrong way is left to the second rule. A goal without a target has only the second rule.
 * - A jump: an update that moves the value more than 10 times as far as the largest move before
 *   it (in replay order). A goal's first update, or one after only zero moves, has nothing to
 *   compare with.
 */
import { replaySteps, type UpdateEntry } from './goal-progress.js';

export const TARGET_LIMIT = 5;
export const JUMP_LIMIT = 10;

export type Surprise = { kind: 'target'; value: number; ratio: number } | { kind: 'jump'; change: number; largest: number; ratio: number };

/** What is surprising about `updates[index]`, the update about to be saved, among the goal's updates. */
export function findSurprises(
  goal: { baseline: number; target: number | null },
  updates: readonly UpdateEntry[],
  index: number,
): Surprise[] {
  const steps = replaySteps(goal.baseline, updates);
  const step = steps[index];
  if (!step) return [];
  const surprises: Surprise[] = [];
  const { baseline, target } = goal;
  if (target !== null && target !== baseline) {
    const ratio = (step.value - baseline) / (target - baseline);
    if (ratio > TARGET_LIMIT) surprises.push({ kind: 'target', value: step.value, ratio });
  }
  // The largest earlier move by size, kept with its sign (a falling goal's moves are negative).
  const largest = steps
    .filter((s) => s.position < step.position)
    .reduce((most, s) => (Math.abs(s.change) > Math.abs(most) ? s.change : most), 0);
  if (largest !== 0 && Math.abs(step.change) > JUMP_LIMIT * Math.abs(largest)) {
    surprises.push({ kind: 'jump', change: step.change, largest, ratio: Math.abs(step.change) / Math.abs(largest) });
  }
  return surprises;
}
