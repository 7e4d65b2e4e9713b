import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefused, run, stderrAfterCreating, tempDir } from '../../helpers.js';
import { newJournal } from '../../harness/journals.js';
import { colourRun, plainRun, stripSgr } from '../../harness/colour.js';

// NOW is 2026-11-26; the default review cycle is the calendar year.
describe('perf reflect', () => {
  it('stores the text for the current cycle by default, with its resolved range', async () => {
    const db = newJournal();
    const result = await run(['reflect', 'A strong year:', 'two largest deals', '--json'], { db });
    expect(stderrAfterCreating(result.stderr, db)).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 1,
      from: '2026-01-01',
      to: '2026-12-31',
      text: 'A strong year: two largest deals',
    });
  });

  it('replaces the reflection for the same range, undoably in one step', async () => {
    const db = newJournal();
    await run(['reflect', '--period', '2026-Q3', 'First draft'], { db });
    await run(['reflect', '--from', '2026-01-01', '--to', '2026-12', 'The year'], { db });
    const replaced = await run(['reflect', '--period', '2026-Q3', 'Second draft'], { db });
    expect(replaced.stdout).toMatch(/^Replaced your reflection for .*Jul.* – .*Sep/);
    let list = JSON.parse((await run(['reflect', '--list', '--json'], { db })).stdout) as { from: string; to: string; text: string }[];
    expect(list.map(({ from, to, text }) => [from, to, text])).toEqual([
      ['2026-07-01', '2026-09-30', 'Second draft'],
      ['2026-01-01', '2026-12-31', 'The year'],
    ]);
    expect((await run(['undo', '--yes'], { db })).code).toBe(0);
    list = JSON.parse((await run(['reflect', '--list', '--json'], { db })).stdout);
    expect(list.map((r) => r.text)).toEqual(['First draft', 'The year']);
  });

  it('lists them, the same with colour on and off', async () => {
    const db = newJournal();
    expect((await run(['reflect', '--list'], { db })).stdout).toMatch(/No reflections yet/);
    await run(['reflect', 'Rebuilt the pipeline'], { db });
    const plain = await plainRun(['reflect', '--list'], { db });
    expect(plain.stdout).toMatch(/2026.*\n {2}Rebuilt the pipeline/);
    const colour = await colourRun(['reflect', '--list'], { db });
    expect(colour.stdout).not.toBe(plain.stdout);
    expect(stripSgr(colour.stdout)).toBe(plain.stdout);
  });

  it('confirms a save the same with colour on and off (no escape code shown as text)', async () => {
    const plainDb = newJournal();
    const colourDb = newJournal();
    const plain = await plainRun(['reflect', 'Rebuilt the pipeline'], { db: plainDb });
    const colour = await colourRun(['reflect', 'Rebuilt the pipeline'], { db: colourDb });
    expect(plain.stdout).toMatch(/^Saved your reflection for /);
    expect(colour.stdout).not.toContain('^[');
    expect(colour.stdout).not.toBe(plain.stdout);
    expect(stripSgr(colour.stdout)).toBe(plain.stdout);
  });

  it('names the summary that opens with it: the period as typed, or none for the current cycle', async () => {
    const db = newJournal();
    const said = async (args: string[]) => (await run(['reflect', 'Fine', ...args], { db, columns: 200, tty: true })).stdout;
    expect(await said([])).toMatch(/ · perf summary opens with it\n$/);
    expect(await said(['--period', '2026-Q3'])).toMatch(/ · perf summary --period 2026-Q3 opens with it\n$/);
    expect(await said(['--from', '2026-03-01', '--to', '2026-05'])).toMatch(
      / · perf summary --from 2026-03-01 --to 2026-05-31 opens with it\n$/,
    );
  });

  it('opens $EDITOR with the current text in a terminal', async () => {
    const db = newJournal();
    await run(['reflect', 'Old words'], { db });
    const dir = tempDir();
    const seen = path.join(dir, 'seen.txt');
    const editor = path.join(dir, 'editor.sh');
    fs.writeFileSync(editor, `#!/bin/sh\ncp "$1" "${seen}"\nprintf 'New words\\n' > "$1"\n`, { mode: 0o755 });
    const result = await run(['reflect'], { db, tty: true, env: { EDITOR: editor } });
    expect(result.stderr).toBe('');
    expect(fs.readFileSync(seen, 'utf8')).toBe('Old words\n');
    const list = JSON.parse((await run(['reflect', '--list', '--json'], { db })).stdout) as { text: string }[];
    expect(list.map((r) => r.text)).toEqual(['New words']);
  });

  it.each([
    [['reflect', '--period', 'bogus', 'text'], /unknown period "bogus": use .*cycle or last-cycle/],
    [['reflect'], /no reflection given for 2026-01-01 – 2026-12-31: give the text as words/],
    [['reflect', '--from', '2026-01-01', 'text'], /give both --from and --to, or --period/],
    [['reflect', '   '], /the reflection is empty/],
  ])('refuses %j and writes nothing', async (args, message) => {
    const db = newJournal();
    await run(['reflect', '--period', '2026-Q1', 'Kept'], { db });
    await expectRefused(args, db, message);
  });
});
