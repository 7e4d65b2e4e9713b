import type { Reflection } from '../../domain/reflections.js';
import { formatShortDay, wrapText } from '../../terminal/format.js';
import { wrapParts } from '../../terminal/wrap.js';
import type { Theme } from '../../terminal/theme.js';

function range(r: Reflection): string {
  return `${formatShortDay(r.from)} – ${formatShortDay(r.to)}`;
}

/** The confirmation after `perf reflect`; `summary` is the command whose period it is (`perf summary --period 2026-Q3`). */
export function renderReflectionSaved(r: Reflection, replaced: boolean, theme: Theme, width: number, summary = 'perf summary'): string {
  const verb = replaced ? 'Replaced' : 'Saved';
  // Styled parts wrapped whole: wrapText is for plain journal text (it shows escape codes inertly).
  return wrapParts([`${theme.good(`${verb} your reflection`)} for ${range(r)}`, `${summary} opens with it`], width).join('\n');
}

/** Every reflection, newest period first, each under its range. */
export function renderReflectionList(items: readonly Reflection[], theme: Theme, width: number): string {
  if (items.length === 0) return theme.dim('No reflections yet. Write one for this review cycle:\n  perf reflect "A strong year: …"');
  const out: string[] = [];
  for (const r of items) {
    if (out.length) out.push('');
    out.push(theme.heading(range(r)));
    for (const paragraph of r.text.split('\n')) out.push(...wrapText(paragraph, width - 2).map((line) => `  ${line}`));
  }
  return out.join('\n');
}
