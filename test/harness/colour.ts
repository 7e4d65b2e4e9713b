/**
 * What a colour terminal shows, checked against the plain rendering: the same command is run with
 * colour forced on and with NO_COLOR, and once the colour codes are stripped the two must match.
 */
import { run, type RunOptions, type RunResult } from '../helpers.js';

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

export function stripSgr(text: string): string {
  return text.replace(SGR, '');
}

/**
 * The first raw control character in `text` that a terminal would act on: anything below U+0020
 * but newline and tab, DEL, the C1 controls, and the bidirectional overrides and isolates. With
 * `colour`, ESC is allowed as the start of an SGR colour code (and nothing else). CRLF is a line end
 * (a CSV document's), so a CR right before a newline is allowed too.
 */
export function rawControl(text: string, colour: boolean): string | null {
  const scanned = (colour ? stripSgr(text) : text).replace(/\r\n/g, '\n');
  // eslint-disable-next-line no-control-regex
  const found = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.exec(scanned);
  if (!found) return null;
  const at = found.index;
  return `U+${found[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} in ${JSON.stringify(scanned.slice(Math.max(0, at - 20), at + 20))}`;
}

export function colourRun(args: string[], options: RunOptions): Promise<RunResult> {
  return run(args, { ...options, env: { ...options.env, NO_COLOR: undefined, FORCE_COLOR: '1' } });
}

export function plainRun(args: string[], options: RunOptions): Promise<RunResult> {
  return run(args, { ...options, env: { ...options.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
}

/** The first line where `a` and `b` differ, both shown, for a failure message. */
export function firstDifference(a: string, b: string): string {
  const as = a.split('\n');
  const bs = b.split('\n');
  const i = as.findIndex((line, n) => line !== bs[n]);
  const at = i === -1 ? as.length : i;
  return `line ${at + 1}: ${JSON.stringify(as[at])} vs ${JSON.stringify(bs[at])}`;
}
