import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourRun, firstDifference, plainRun, rawControl, stripSgr } from '../harness/colour.js';
import { tempDbPath, tempDir, stderrAfterCreating } from '../helpers.js';

/**
 * Stored text that tries to act on the terminal: an OSC title, a screen clear, an SGR colour, a
 * right-to-left override, a C1 control, DEL and a lone carriage return.
 */
const NASTY = 'N\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u202eevil\u0085c1\u007fdel\rCR end';

/** Writes that build a journal holding every kind of record, each field carrying NASTY. */
const WRITES: string[][] = [
  ['config', 'set', 'name', `Jordan ${NASTY}`],
  ['config', 'set', 'role', `AE ${NASTY}`],
  ['config', 'set', 'manager', `Maria ${NASTY}`],
  ['goals', 'add', `Objective ${NASTY}`, '--org', '--slug', 'obj', '--start', '2026-01-01'],
  [
    'goals',
    'add',
    `ARR ${NASTY}`,
    '--slug',
    'arr',
    '--target',
    '400000',
    '--unit',
    `U${NASTY}`,
    '--aligns-to',
    'obj',
    '--start',
    '2026-01-01',
    '--due',
    '2026-12-31',
  ],
  ['goals', 'add', `Free ${NASTY}`, '--slug', 'free', '--aligns-to', `Text ${NASTY}`, '--start', '2026-01-01'],
  ['goals', 'add', `Calls ${NASTY}`, '--slug', 'calls', '--target', '100', '--start', '2026-01-01', '--due', '2027-06-30'],
  ['goals', 'update', 'arr', '50000', '--note', NASTY, '--date', '2026-02-01'],
  ['goals', 'update', 'calls', '+10', '--note', NASTY, '--date', '2026-11-20'],
  ['goals', 'edit', 'free', '--title', `Free edited ${NASTY}`],
  [
    'log',
    `Closed ${NASTY}`,
    '--goal',
    'arr',
    '--progress',
    '48000',
    '--type',
    'win',
    '-a',
    `Acme ${NASTY}`,
    '--star',
    '-t',
    'q4',
    '-c',
    'negotiation',
    '-d',
    '2026-11-20',
  ],
  ['log', NASTY, '-a', NASTY, '-d', '2026-11-25', '--type', 'challenge'],
  ['log', `Third ${NASTY}`, '-d', '2026-11-26'],
  ['notes', 'edit', '3', `Edited ${NASTY}`],
  ['notes', 'rm', '3', '--yes'],
  ['competencies', 'add', `Comp ${NASTY}`, '--description', NASTY, '--target', '4'],
  ['competencies', 'add', `Gone ${NASTY}`, '--slug', 'gone'],
  ['competencies', 'edit', 'gone', '--description', NASTY],
  ['competencies', 'rm', 'gone'],
  ['rate', 'negotiation', '3', '--note', NASTY, '-d', '2026-06-01'],
  ['rate', 'negotiation', '4', '--note', NASTY, '-d', '2026-11-01'],
  ['rate', 'closing', '5', '--source', 'manager', '--by', NASTY, '--note', NASTY, '-d', '2026-10-01'],
  ['rate', 'closing', '2', '--source', 'manager', '--by', NASTY, '-d', '2026-03-01'],
  ['feedback', 'add', `Great ${NASTY}`, '--from', NASTY, '--relationship', 'peer', '--competency', 'negotiation', '-d', '2026-11-01'],
  ['feedback', 'add', `Also ${NASTY}`, '--from', 'Tom', '--relationship', 'customer', '-d', '2026-11-10'],
  ['dev', 'add', `Read ${NASTY}`, '--competency', 'discovery', '--assigned-by', NASTY, '--due', '2026-11-01'],
  ['dev', 'add', `Course ${NASTY}`, '--competency', 'negotiation', '--due', '2027-01-31'],
  ['dev', 'start', '2', '--note', NASTY],
  ['dev', 'add', `Done ${NASTY}`],
  ['dev', 'done', '3', '--note', NASTY],
  ['dev', 'add', `Dropped ${NASTY}`],
  ['dev', 'drop', '4', '--note', NASTY],
  ['goals', 'add', `Finished ${NASTY}`, '--slug', 'finished', '--target', '5', '--start', '2026-01-01'],
  ['goals', 'done', 'finished'],
  ['goals', 'add', `Dropped ${NASTY}`, '--slug', 'dropped', '--start', '2026-01-01'],
  ['goals', 'drop', 'dropped'],
  ['goals', 'reopen', 'dropped'],
  ['goals', 'drop', 'dropped'],
  ['checkin', '--done', '--note', NASTY],
];

/** Every read command and view. */
const READS: string[][] = [
  ['notes'],
  ['notes', '--type', 'challenge'],
  ['notes', '-q', 'closed'],
  ['notes', 'show', '1'],
  ['notes', 'show', '2'],
  ['goals'],
  ['goals', '--all'],
  ['goals', 'show', 'arr'],
  ['goals', 'show', 'obj'],
  ['goals', 'show', 'free'],
  ['goals', 'show', 'calls'],
  ['goals', 'show', 'finished'],
  ['competencies'],
  ['competencies', 'show', 'negotiation'],
  ['competencies', 'show', 'closing'],
  ['competencies', 'show', '13'],
  ['feedback'],
  ['feedback', '--by', 'x'],
  ['feedback', 'show', '1'],
  ['dev'],
  ['dev', '--all'],
  ['status'],
  ['summary'],
  ['summary', '--period', '2026'],
  ['summary', '--format', 'md'],
  ['checkin'],
  ['checkin', '--since', '2026-01-01'],
  ['checkin', '--since', '2026-01-01', '--format', 'md'],
  ['config'],
  ['config', 'get', 'name'],
  ['export', '--format', 'md'],
  ['export', '--format', 'csv'],
];

interface Seen {
  args: string[];
  colour: string;
  plain: string;
}

/** Runs `args` on both journals and checks what colour and plain terminals are shown. */
async function both(args: string[], colourDb: string, plainDb: string, seen: Seen[]): Promise<void> {
  const colour = await colourRun(args, { db: colourDb });
  const plain = await plainRun(args, { db: plainDb });
  const label = `perf ${args.join(' ')}`;
  expect(stderrAfterCreating(plain.stderr, plainDb), label).toBe('');
  expect(colour.code, label).toBe(0);
  expect(plain.code, label).toBe(0);
  seen.push({ args, colour: colour.stdout, plain: plain.stdout });
}

function check(seen: readonly Seen[]): void {
  const problems: string[] = [];
  for (const { args, colour, plain } of seen) {
    const label = `perf ${args.join(' ')}`;
    if (stripSgr(colour) !== plain) {
      problems.push(
        `${label}: colour output differs from plain once colour codes are stripped, ${firstDifference(stripSgr(colour), plain)}`,
      );
    }
    const rawPlain = rawControl(plain, false);
    if (rawPlain) problems.push(`${label}: plain output holds raw ${rawPlain}`);
    const rawColour = rawControl(colour, true);
    if (rawColour) problems.push(`${label}: colour output holds raw ${rawColour}`);
  }
  expect(problems).toEqual([]);
}

describe('every view with colour on reads like the plain one, and stored controls stay inert', () => {
  it('confirmations of writes and every read command', async () => {
    const colourDb = tempDbPath();
    const plainDb = tempDbPath();
    const seen: Seen[] = [];
    for (const args of WRITES) await both(args, colourDb, plainDb, seen);
    // An import confirmation names the file as typed.
    const folder = tempDir();
    const file = path.join(folder, `jrnl \u001b[2J\u202e.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({
        tags: {},
        entries: [{ date: '2026-05-01', time: '09:00', title: `From jrnl ${NASTY}`, body: NASTY, tags: [], starred: false }],
      }),
    );
    await both(['import', file, '--format', 'jrnl'], colourDb, plainDb, seen);
    for (const args of READS) await both(args, colourDb, plainDb, seen);

    // The harness sees colour: without codes in the colour runs it would compare nothing.
    expect(seen.filter((s) => s.colour !== s.plain).length).toBeGreaterThan(20);
    check(seen);
    // The stored text reaches the views, shown inertly.
    expect(seen.find((s) => s.args.join(' ') === 'notes show 2')?.plain).toContain(
      'N^[]0;pwned^G^[[2J^[[31mred<U+202E>evil<U+0085>c1^?del',
    );
  });
});
