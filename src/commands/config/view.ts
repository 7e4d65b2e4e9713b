import type { ConfigEntry } from '../../domain/config.js';
import { wrapText } from '../../terminal/format.js';
import type { Theme } from '../../terminal/theme.js';

// A longer value (a long role) gets the line to itself, its description under it.
const MAX_VALUE_WIDTH = 24;

/** `perf config`: key, value and description in aligned columns, the description wrapped to fit. */
export function renderConfigList(entries: readonly ConfigEntry[], view: { theme: Theme; width: number }): string {
  const { theme, width } = view;
  const shown = entries.map((e) => ({
    entry: e,
    plain: e.value === null ? '(not set)' : e.isDefault ? `${e.value} (${e.origin ?? 'default'})` : e.value,
  }));
  const keyWidth = Math.max(...entries.map((e) => e.key.length));
  const valueWidth = Math.max(0, ...shown.map((s) => s.plain.length).filter((n) => n <= MAX_VALUE_WIDTH));
  const column = keyWidth + 2 + valueWidth + 2;
  const descriptionWidth = width - column;
  const lines: string[] = [];
  for (const { entry, plain } of shown) {
    const value =
      entry.value === null
        ? theme.dim(plain)
        : entry.isDefault
          ? `${entry.value} ${theme.dim(`(${entry.origin ?? 'default'})`)}`
          : entry.value;
    const key = theme.bold(entry.key.padEnd(keyWidth));
    const under = ' '.repeat(keyWidth + 2);
    if (plain.length > valueWidth || descriptionWidth < 20) {
      const values = plain.length > valueWidth ? wrapText(plain, width - under.length) : [value];
      lines.push(
        ...values.map((l, i) => (i === 0 ? `${key}  ${l}` : `${under}${l}`)),
        ...wrapText(entry.description, width - under.length).map((l) => `${under}${theme.dim(l)}`),
      );
      continue;
    }
    const head = `${key}  ${value}`;
    const description = wrapText(entry.description, descriptionWidth).map((line) => theme.dim(line));
    const [first = '', ...rest] = description;
    lines.push(`${head}${' '.repeat(valueWidth - plain.length + 2)}${first}`, ...rest.map((l) => `${' '.repeat(column)}${l}`));
  }
  return lines.join('\n');
}
