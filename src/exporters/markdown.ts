/**
 * Markdown building blocks for the GitHub-flavoured renderings. User text is escaped so that it
 * reads as written: a `|` never splits a table cell, a `*` never starts emphasis, a line starting
 * with `#` or `-` never becomes a heading or a list, and `<tag>` never becomes HTML. A lone CR is a
 * line break to Markdown, so it is made one before the line starts are escaped; other control
 * characters are shown inertly, as in the terminal.
 */
import { inert } from '../terminal/inert.js';

// Punctuation that can start inline syntax anywhere on a line.
const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;

export function escapeInline(text: string): string {
  return inert(lineBreaks(text)).replace(INLINE_SPECIAL, '\\$&');
}

/** CRLF and a lone CR as the newline Markdown reads them as. */
function lineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** One line with its inline syntax escaped and any block marker at its start (a heading, a list, a rule) too. */
function escapeLine(line: string): string {
  const text = escapeInline(line.trim());
  if (/^#{1,6}(\s|$)/.test(text) || /^[-+](\s|$)/.test(text) || /^[-=][-=\s]*$/.test(text)) return `\\${text}`;
  const number = /^\d{1,9}(?=[.)](\s|$))/.exec(text);
  if (number) return `${number[0]}\\${text.slice(number[0].length)}`;
  return text;
}

/** Text on one line (a table cell, a heading): line breaks become spaces. */
export function mdText(text: string): string {
  return escapeLine(
    lineBreaks(text)
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
  );
}

/** Text that keeps its lines, each continued under `indent` (e.g. inside a list item). */
export function mdLines(text: string, indent: string): string {
  return lineBreaks(text)
    .split('\n')
    .map((line, i) => {
      const escaped = escapeLine(line);
      if (!escaped) return '';
      return i === 0 ? escaped : `${indent}${escaped}`;
    })
    .join('\n');
}

export function mdTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[] = [],
): string {
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}

/** A blockquote of `text`, every line quoted. */
export function mdQuote(text: string): string {
  return lineBreaks(text)
    .split('\n')
    .map((line) => (line.trim() ? `> ${escapeLine(line)}` : '>'))
    .join('\n');
}
