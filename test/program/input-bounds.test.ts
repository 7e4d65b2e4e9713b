/**
 * Numbers, dates and shapes at the edge of what the journal holds (issue 8, defects 4 and 14):
 * the CLI and import apply the same rules, and a refusal is one line, exit 2, nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, expectRefused, run, tempDbPath, tempDir } from '../helpers.js';
import { journalFixture } from '../harness/journals.js';

let db: string;

const journal = journalFixture(async (file) => {
  expect((await run(['log', 'first note'], { db: file })).code).toBe(0);
  expect((await run(['goals', 'add', 'Book demos', '--slug', 'demos', '--target', '40'], { db: file })).code).toBe(0);
});

beforeEach(async () => {
  db = await journal();
});

async function exportJson(): Promise<any> {
  const result = await run(['export'], { db });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

function writeFile(text: string): string {
  const file = path.join(tempDir(), 'import.json');
  fs.writeFileSync(file, text);
  return file;
}

const HUGE = '9'.repeat(309);

describe('numbers are finite and at most 1e15 in size (defect 4)', () => {
  it.each([
    [['goals', 'add', 'Huge', '--target', HUGE]],
    [['goals', 'add', 'Huge', '--target', '10000000000000001']],
    [['goals', 'add', 'Huge', '--baseline', `-${HUGE}`, '--target', '5']],
    [['goals', 'edit', 'demos', '--target', '2000000000000000']],
    [['goals', 'update', 'demos', HUGE]],
    [['goals', 'update', 'demos', `+${HUGE}`]],
    [['log', 'big deal', '--goal', 'demos', '--progress', HUGE]],
    [['notes', 'edit', '1', '--goal', 'demos', '--progress', HUGE]],
  ])('%j is refused', async (args) => {
    await expectRefused(args, db, /1e15|1,000,000,000,000,000/);
  });

  it('refuses a change whose result would pass 1e15', async () => {
    expect((await run(['goals', 'update', 'demos', '900000000000000'], { db })).code).toBe(0);
    await expectRefused(['goals', 'update', 'demos', '+200000000000000'], db, /1e15|1,000,000,000,000,000/);
    await expectRefused(['log', 'more', '--goal', 'demos', '--progress', '200000000000000'], db, /1e15|1,000,000,000,000,000/);
  });

  it('accepts 1e15 itself', async () => {
    expect((await run(['goals', 'add', 'Max', '--target', '1000000000000000'], { db })).code).toBe(0);
  });

  const importCases: [string, (dump: any) => void, RegExp][] = [
    ['a target of 1.8e308', (d) => (d.goals[0].target = 'RAW:1.8e308'), /invalid target .* in goals\[0\] \(id 1\)/],
    ['a target of -1.8e308', (d) => (d.goals[0].target = 'RAW:-1.8e308'), /invalid target .* in goals\[0\] \(id 1\)/],
    ['a baseline of 1e16', (d) => (d.goals[0].baseline = 1e16), /invalid baseline .* in goals\[0\] \(id 1\)/],
    [
      'a target equal to the baseline',
      (d) => ((d.goals[0].baseline = 40), (d.goals[0].target = 40)),
      /target .* in goals\[0\] \(id 1\).*baseline/,
    ],
    ['a digit-only goal slug', (d) => (d.goals[0].slug = '123'), /slug "123" in goals\[0\] \(id 1\)/],
    ['a goal slug with spaces', (d) => (d.goals[0].slug = 'Not A Slug'), /slug "Not A Slug" in goals\[0\] \(id 1\)/],
    ['a digit-only competency slug', (d) => (d.competencies[0].slug = '7'), /slug "7" in competencies\[0\]/],
    ['a competency target above the scale', (d) => (d.competencies[0].target = 9), /invalid target 9 in competencies\[0\]/],
    [
      'a check-in amount of 1e300',
      (d) =>
        d.goalCheckins.push({
          id: 1,
          goalId: 1,
          date: '2026-11-20',
          kind: 'set',
          amount: 1e300,
          note: null,
          noteId: null,
          createdAt: '2026-11-20T10:00:00.000Z',
        }),
      /invalid amount .* in goalCheckins\[0\] \(id 1\)/,
    ],
    [
      'check-ins adding up past 1e15',
      (d) =>
        d.goalCheckins.push(
          {
            id: 1,
            goalId: 1,
            date: '2026-11-20',
            kind: 'set',
            amount: 9e14,
            note: null,
            noteId: null,
            createdAt: '2026-11-20T10:00:00.000Z',
          },
          {
            id: 2,
            goalId: 1,
            date: '2026-11-21',
            kind: 'add',
            amount: 9e14,
            note: null,
            noteId: null,
            createdAt: '2026-11-21T10:00:00.000Z',
          },
        ),
      /goalCheckins\[1\] \(id 2\).*1e15|goalCheckins\[1\] \(id 2\).*1,000,000,000,000,000/,
    ],
  ];
  it.each(importCases)('import refuses %s, as the CLI does', async (_name, change, message) => {
    const dump = await exportJson();
    change(dump);
    const target = tempDbPath();
    expect((await run(['log', 'x'], { db: target })).code).toBe(0);
    // A number past Number.MAX_VALUE cannot be made by JSON.stringify: it is written as the text a file would hold.
    const text = JSON.stringify(dump).replace(/"RAW:([^"]*)"/g, '$1');
    await expectRefused(['import', writeFile(text)], target, message);
  });
});

describe('dates and shapes beyond the calendar the journal keeps (defect 14)', () => {
  it.each([
    [['summary', '--to', '9999-12-31']],
    [['summary', '--period', '9999']],
    [['summary', '--period', '9999-Q4']],
    [['summary', '--from', '9999']],
    [['goals', 'add', 'X', '--start', '9999-12-31', '--target', '5']],
    [['goals', 'add', 'X', '--due', '9999-12-31', '--target', '5']],
    [['log', 'old', '-d', '0099-01-01']],
  ])('%j is refused with the range of days', async (args) => {
    await expectRefused(args, db, /1000-01-01.*9998-12-31/);
  });

  it('import refuses a day beyond the range', async () => {
    const dump = await exportJson();
    dump.goals[0].due = '9999-12-31';
    await expectRefused(['import', writeFile(JSON.stringify(dump))], db, /due .* in goals\[0\] \(id 1\)/);
  });

  it('import refuses JSON nested 100,000 deep without overflowing the stack', async () => {
    const deep = `{"format":"perf-journal","version":1,"notes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    await expectRefused(['import', writeFile(deep)], db, /deep|nest/);
    const deepJrnl = `{"entries":[{"date":"2026-01-01","title":"t","body":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}]}`;
    await expectRefused(['import', writeFile(deepJrnl)], db, /deep|nest/);
  });

  it('a 2,000-deep alignment chain imports, lists and exports', async () => {
    const dump = await exportJson();
    const template = dump.goals[0];
    dump.goals = Array.from({ length: 2000 }, (_, i) => ({
      ...template,
      id: i + 1,
      slug: `g-${i + 1}`,
      title: `Goal ${i + 1}`,
      alignsToId: i === 0 ? null : i,
    }));
    // Children first, so that ordering them parents-first has to walk the whole chain.
    dump.goals.reverse();
    const target = tempDbPath();
    expect((await run(['log', 'x'], { db: target })).code).toBe(0);
    const imported = await run(['import', writeFile(JSON.stringify(dump))], { db: target });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const listed = await run(['goals', '--json'], { db: target });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveLength(2000);
    expect((await run(['goals'], { db: target })).code).toBe(0);
    expect((await run(['goals', 'show', 'g-2000'], { db: target })).code).toBe(0);
    expect((await run(['summary', '--period', '2026'], { db: target })).code).toBe(0);
  });

  it('a 2,000-deep cycle in a file is refused, not overflowed', async () => {
    const dump = await exportJson();
    const template = dump.goals[0];
    dump.goals = Array.from({ length: 2000 }, (_, i) => ({
      ...template,
      id: i + 1,
      slug: `g-${i + 1}`,
      title: `Goal ${i + 1}`,
      alignsToId: i === 0 ? 2000 : i,
    }));
    await expectRefused(['import', writeFile(JSON.stringify(dump))], db, /circle/);
  });

  it('text starting with NUL on stdin is refused and creates no journal', async () => {
    const fresh = tempDbPath();
    await expectRefused(['log'], fresh, /NUL|control/, { input: '\0abc' });
    expect(fs.existsSync(fresh)).toBe(false);
    expect(dumpDb(fresh)).toBeNull();
  });
});

describe('a note holds at most 1 MiB of text (defect 19)', () => {
  const MiB = 1024 * 1024;
  // "é" is two bytes in UTF-8: the limit counts bytes, not characters.
  const tooBig = `${'é'.repeat(MiB / 2)}x`;

  it('refuses a larger note from stdin, the arguments and notes edit, naming size and limit', async () => {
    const fresh = tempDbPath();
    await expectRefused(['log'], fresh, /1\.0 MiB \(1,048,577 bytes\).*at most 1 MiB/, { input: tooBig });
    expect(fs.existsSync(fresh)).toBe(false);
    await expectRefused(['log', tooBig], db, /1,048,577 bytes.*at most 1 MiB/);
    await expectRefused(['notes', 'edit', '1', tooBig], db, /1,048,577 bytes.*at most 1 MiB/);
  });

  it('accepts a note of exactly 1 MiB', async () => {
    const result = await run(['log', '--json'], { db, input: 'é'.repeat(MiB / 2) });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).text).toHaveLength(MiB / 2);
  });

  it('import refuses a larger note from a perf export or a jrnl file, naming the record', async () => {
    const dump = await exportJson();
    dump.notes[0].text = tooBig;
    await expectRefused(['import', writeFile(JSON.stringify(dump))], db, /text .* in notes\[0\] \(id 1\).*at most 1 MiB/);
    const jrnl = { entries: [{ date: '2026-11-20', time: '09:00', title: 'Big', body: tooBig, tags: [], starred: false }] };
    await expectRefused(['import', writeFile(JSON.stringify(jrnl))], db, /body .* in entries\[0\].*at most 1 MiB/);
  });
});
