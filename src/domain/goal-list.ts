/** The arrangement of `perf goals`: goals nested under the objectives they serve, and the tally of how they stand. */
import type { Pace } from './goal-progress.js';
import type { GoalView } from './goals.js';

export type GoalRow =
  | { kind: 'goal'; view: GoalView; depth: number }
  /** A free-text objective that goals align to: a heading, not a goal. */
  | { kind: 'objective'; text: string; depth: number };

/**
 * The human order of `perf goals`: organisational objectives, each with the goals aligned to it
 * beneath (nesting as deep as the alignment goes), then free-text objectives with theirs, then
 * everything else. A goal whose parent is not shown (finished, without `--all`) starts its own tree.
 */
export function arrangeGoals(views: readonly GoalView[]): { objectives: GoalRow[]; others: GoalRow[] } {
  const shown = new Set(views.map((v) => v.goal.id));
  const children = new Map<number, GoalView[]>();
  const roots: GoalView[] = [];
  for (const view of views) {
    const parent = view.goal.alignsToId;
    if (parent !== null && shown.has(parent) && parent !== view.goal.id) {
      const siblings = children.get(parent) ?? [];
      siblings.push(view);
      children.set(parent, siblings);
    } else {
      roots.push(view);
    }
  }
  const placed = new Set<number>();
  // Walked with a stack of its own, not by recursion: an alignment chain thousands deep is data, not a bug.
  const tree = (root: GoalView, rootDepth: number): GoalRow[] => {
    const rows: GoalRow[] = [];
    const stack: [GoalView, number][] = [[root, rootDepth]];
    for (let top = stack.pop(); top; top = stack.pop()) {
      const [view, depth] = top;
      // A cycle cannot be created through the program, but a hand-edited file should not hang it.
      if (placed.has(view.goal.id)) continue;
      placed.add(view.goal.id);
      rows.push({ kind: 'goal', view, depth });
      const kids = children.get(view.goal.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i] as GoalView, depth + 1]);
    }
    return rows;
  };

  const objectives: GoalRow[] = [];
  const others: GoalRow[] = [];
  const byText = new Map<string, { text: string; views: GoalView[] }>();
  for (const root of roots) {
    const text = root.goal.alignsToId === null ? root.goal.alignsToText : null;
    if (text !== null) {
      const key = text.toLowerCase();
      const group = byText.get(key) ?? { text, views: [] };
      group.views.push(root);
      byText.set(key, group);
    } else if (root.goal.org) {
      objectives.push(...tree(root, 0));
    } else {
      others.push(...tree(root, 0));
    }
  }
  for (const { text, views: members } of byText.values()) {
    objectives.push({ kind: 'objective', text, depth: 0 }, ...members.flatMap((view) => tree(view, 1)));
  }
  // Goals caught in a hand-made cycle have no root; show them rather than lose them.
  for (const view of views) if (!placed.has(view.goal.id)) others.push(...tree(view, 0));
  return { objectives, others };
}

/** Paces from the most to the least worrying, the order tallies are told in. */
export const PACE_ORDER: readonly Pace[] = ['overdue', 'behind', 'on-track', 'ahead', 'achieved', 'no-target'];

export interface GoalTally {
  total: number;
  active: number;
  /** Active goals by pace, in PACE_ORDER, only paces that occur. */
  paces: [Pace, number][];
  done: number;
  dropped: number;
}

/** How a set of goals stands: active ones by pace, finished ones by status. */
export function tallyGoals(views: readonly GoalView[]): GoalTally {
  const counts = new Map<Pace, number>();
  let done = 0;
  let dropped = 0;
  for (const { goal, assessment } of views) {
    if (goal.status === 'done') done += 1;
    else if (goal.status === 'dropped') dropped += 1;
    else counts.set(assessment.pace, (counts.get(assessment.pace) ?? 0) + 1);
  }
  const paces = PACE_ORDER.filter((p) => counts.has(p)).map((p): [Pace, number] => [p, counts.get(p) ?? 0]);
  return { total: views.length, active: views.length - done - dropped, paces, done, dropped };
}
