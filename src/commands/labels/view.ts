import type { Day } from '../../domain/calendar.js';
import type { LabelUse } from '../../domain/labels.js';
import { formatRelativeDay, formatShortDay } from '../../terminal/format.js';
import { renderTable } from '../../terminal/table.js';
import type { Theme } from '../../terminal/theme.js';

export interface LabelView {
  kind: 'tag' | 'account';
  theme: Theme;
  width: number;
  today: Day;
}

/** `perf tags` / `perf accounts`: name, notes and last use, most used first. */
export function renderLabelList(labels: readonly LabelUse[], view: LabelView): string {
  const { kind, theme, width, today } = view;
  if (labels.length === 0) {
    return kind === 'tag'
      ? 'No tags yet: add #hashtags to a note, or -t <tag> (perf log "Called Acme #renewal").'
      : 'No accounts yet: name one with -a (perf log "Called Acme" -a Acme).';
  }
  const rows = labels.map((label) => [
    kind === 'tag' ? theme.tag(`#${label.name}`) : label.name,
    String(label.count),
    `${formatShortDay(label.last)} ${theme.dim(`(${formatRelativeDay(label.last, today)})`)}`,
  ]);
  return renderTable(
    [{ header: kind === 'tag' ? 'Tag' : 'Account', flex: true }, { header: 'Notes', align: 'right' }, { header: 'Last used' }],
    rows,
    { theme, width },
  );
}
