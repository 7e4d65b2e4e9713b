import { visibleLength } from './format.js';
import { needsWidths, wrapWide } from './widths.js';

export interface WrapPartsOptions {
  /** Printed before the first line. */
  first?: string;
  /** Printed before every following line. */
  indent?: string;
  separator?: string;
}

/**
 * Parts of a line joined by " · ", broken between parts so that no line is wider than `width`
 * columns (colour codes take none). A part too wide for a line of its own is word-wrapped; a single
 * word wider than the line (a URL) stays whole.
 */
export function wrapParts(parts: readonly string[], width: number, options: WrapPartsOptions = {}): string[] {
  const { first = '', indent = '', separator = ' · ' } = options;
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const room = (prefix: string) => Math.max(10, width - visibleLength(prefix));
  const flush = () => {
    lines.push(line);
    line = indent;
    empty = true;
  };
  for (const part of parts.filter((p) => p !== '')) {
    const joined = empty ? `${line}${part}` : `${line}${separator}${part}`;
    if (visibleLength(joined) <= width) {
      line = joined;
      empty = false;
      continue;
    }
    if (!empty) flush();
    if (visibleLength(line) + visibleLength(part) <= width) {
      line += part;
      empty = false;
      continue;
    }
    const words = wrapWords(part, room(line), room(indent));
    words.forEach((text, i) => {
      line += text;
      empty = false;
      if (i < words.length - 1) flush();
    });
  }
  if (!empty || lines.length === 0) lines.push(line);
  return lines.map((l) => l.trimEnd());
}

/** Greedy word wrap by visible length: the first line has `firstWidth` columns, the rest `width`. */
function wrapWords(text: string, firstWidth: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Japanese or Chinese text has no spaces to break at: it breaks between characters instead.
  const wide = needsWidths(text) ? wrapWide(text, Math.min(firstWidth, width)) : undefined;
  if (wide) return wide;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const limit = lines.length === 0 ? firstWidth : width;
    if (line && visibleLength(line) + 1 + visibleLength(word) > limit) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}
