/**
 * Stored text shown to a terminal must not act on it: an escape sequence in a note could retitle
 * the window, clear the screen or hide text, and a bidirectional override could make a line read
 * differently from what it holds. Such characters are shown as visible, inert stand-ins instead.
 */

// C0 controls but tab and newline, DEL, C1 controls, and the invisible direction marks, embeddings,
// overrides and isolates (Trojan Source, CVE-2021-42574).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// The same characters as UNSAFE, for a test that keeps no state between strings.
// eslint-disable-next-line no-control-regex
const HAS_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// The colour codes the theme writes (Select Graphic Rendition), and nothing else that starts with ESC.
// eslint-disable-next-line no-control-regex
const SGR_OR_UNSAFE = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `^[` for ESC, `^?` for DEL (caret notation); `<U+202E>` for the C1 controls and direction marks. */
function standIn(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** `text` with every control character shown inertly, tab and newline aside (a CR is `^M`). */
export function inert(text: string): string {
  return text.replace(UNSAFE, standIn);
}

/**
 * The last guard before the terminal, for whatever a view did not make inert itself: every
 * control character but newline and tab is shown inertly, and with `colour` the SGR colour codes
 * pass. CRLF passes too, as the line end of a CSV document.
 */
export function terminalSafe(text: string, colour: boolean): string {
  // Most text holds nothing to change (an export is megabytes of it): one test, no replace.
  if (!HAS_UNSAFE.test(text)) return text;
  return text.replace(SGR_OR_UNSAFE, (match, offset: number, whole: string) => {
    if (match.length > 1) return colour ? match : match.replace(UNSAFE, standIn);
    if (match === '\r' && whole[offset + 1] === '\n') return match;
    return standIn(match);
  });
}

/**
 * A record (or list, or map of records) with every string in it made inert, for a view to lay out:
 * the stand-ins then count in the widths, and a stored colour code cannot pass as one of ours.
 * What holds no such character is returned as it is, not copied: a year's summary is ~20k strings,
 * nearly all harmless, and copying the whole model cost ~25 ms and its garbage (issue 12).
 */
export function inertDeep<T>(value: T): T {
  return deep(value) as T;
}

function deep(value: unknown): unknown {
  if (typeof value === 'string') return HAS_UNSAFE.test(value) ? inert(value) : value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = deep(value[i]);
      if (item === value[i]) continue;
      copy ??= [...value];
      copy[i] = item;
    }
    return copy ?? value;
  }
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [deep(k), deep(v)]));
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | null = null;
    for (const key of Object.keys(record)) {
      const item = deep(record[key]);
      if (item === record[key]) continue;
      copy ??= { ...record };
      copy[key] = item;
    }
    return copy ?? value;
  }
  return value;
}
