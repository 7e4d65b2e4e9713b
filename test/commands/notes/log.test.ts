import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../../src/errors.js';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, run, tempDbPath, tempDir } from '../../helpers.js';
import { newJournal } from '../../harness/journals.js';

async function logJson(args: string[], db = newJournal()) {
  const result = await run(['log', ...args, '--json'], { db });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/** An $EDITOR: a shell script that runs `body` with the file to edit as $1. */
function editorScript(body: string): string {
  const file = path.join(tempDir('perf-editor-'), 'editor.sh');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

describe('perf log', () => {
  it('prints the note as JSON with the fields in CLI.md', async () => {
    const note = await logJson(['Signed', 'Globex,', '3-year', 'deal', '#Q4', '--type', 'win', '-a', 'Globex', '-s']);
    expect(note).toEqual({
      id: 1,
      date: '2026-11-26',
      text: 'Signed Globex, 3-year deal #Q4',
      tags: ['q4'],
      type: 'win',
      account: 'Globex',
      starred: true,
      deal: null,
      goals: [],
      goal: null,
      progress: null,
      competencies: [],
      createdAt: '2026-11-26T15:00:00.000Z',
      updatedAt: '2026-11-26T15:00:00.000Z',
    });
  });

  it('defaults to today, type note, no account, not starred, no tags', async () => {
    expect(await logJson(['Called Acme'])).toMatchObject({ date: '2026-11-26', type: 'note', account: null, starred: false, tags: [] });
  });

  it.each([
    ['2026-11-01', '2026-11-01'],
    ['today', '2026-11-26'],
    ['yesterday', '2026-11-25'],
    ['3 days ago', '2026-11-23'],
    ['last friday', '2026-11-20'],
    ['march 3', '2026-03-03'],
    ['december 25', '2025-12-25'],
    ['2024-02-29', '2024-02-29'],
  ])('-d %j is %s', async (when, date) => {
    expect((await logJson(['Called Acme', '-d', when])).date).toBe(date);
    expect((await logJson(['Called Acme', '--date', when])).date).toBe(date);
  });

  it('takes tags from -t and #hashtags, lower-cased and de-duplicated', async () => {
    const note = await logJson([
      'Renewal call with #Acme about #PRICING and #acme again',
      '-t',
      'Acme',
      '-t',
      '#Q4',
      '-t',
      'q4',
      '--tag',
      'pricing',
    ]);
    expect(note.tags).toEqual(['acme', 'pricing', 'q4']);
  });

  it.each(['call', 'meeting', 'demo', 'proposal', 'win', 'loss', 'learning', 'challenge', 'note'])('--type %s', async (type) => {
    expect((await logJson(['Something happened', '--type', type])).type).toBe(type);
  });

  it('tidies the account and the text', async () => {
    const note = await logJson(['  Called Acme  ', '-a', '  Acme   Corp  ']);
    expect(note).toMatchObject({ text: 'Called Acme', account: 'Acme Corp' });
  });

  it('prints one confirmation line: id, day, type, account, tags', async () => {
    const db = newJournal();
    await run(['log', 'First'], { db });
    const result = await run(['log', 'Demo for Initech #demo', '-d', 'yesterday', '--type', 'demo', '-a', 'Initech', '-s', '-t', 'q4'], {
      db,
    });
    expect(result).toEqual({ code: 0, stdout: 'Logged · #2 · Wed 25 Nov 2026 · demo · Initech · ★ · #demo #q4\n', stderr: '' });
  });

  it('creates the journal and its folder on the first note', async () => {
    const db = path.join(tempDir(), 'new', 'folder', 'journal.db');
    expect((await run(['log', 'First call'], { db })).code).toBe(0);
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
  });

  it('reads the text from stdin when it is not a terminal', async () => {
    const db = newJournal();
    const result = await run(['log', '--type', 'meeting', '--json'], {
      db,
      input: 'Pipeline review with Maria\nNext: forecast call #pipeline\n\n',
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      text: 'Pipeline review with Maria\nNext: forecast call #pipeline',
      type: 'meeting',
      tags: ['pipeline'],
    });
  });
});

describe('perf log in a terminal', () => {
  it('asks for the note with prompts', async () => {
    const db = newJournal();
    const prompter = createScriptedPrompter([
      'Called Acme about the renewal #renewal',
      'yesterday',
      'call',
      ' Acme ',
      'Q4 #pricing',
      'nego',
      true,
    ]);
    const result = await run(['log'], { db, tty: true, prompter });
    expect(result).toEqual({
      code: 0,
      // 85 columns on one line: broken between parts to fit 80.
      stdout: 'Logged · #1 · Wed 25 Nov 2026 · call · Acme · ★ · #pricing #q4 #renewal\n  ◆ negotiation\n',
      stderr: '',
    });
    // No goals yet, so no goal is asked for.
    expect(prompter.asked).toEqual([
      'What happened?',
      'When?',
      'Type',
      'Account (optional)',
      'Tags (optional, space-separated)',
      'Competencies it shows (optional, e.g. negotiation closing)',
      'Star it as a highlight?',
    ]);
    const [note] = JSON.parse((await run(['notes', '--json'], { db })).stdout) as Record<string, unknown>[];
    expect(note).toMatchObject({
      text: 'Called Acme about the renewal #renewal',
      date: '2026-11-25',
      type: 'call',
      account: 'Acme',
      starred: true,
      competencies: ['negotiation'],
    });
  });

  it('offers the active goals and asks what the note added', async () => {
    const db = newJournal();
    await run(['goals', 'add', 'New ARR', '--target', '500000', '--unit', 'USD', '--start', '2026-01-01', '--due', '2026-12-31'], { db });
    await run(['goals', 'add', 'Grow EMEA', '--org'], { db });
    const prompter = createScriptedPrompter(['Signed Acme', 'today', 'win', 'Acme', '', 'new-arr', '25,000', '', true]);
    const result = await run(['log', '--json'], { db, tty: true, prompter });
    expect(prompter.asked).toContain('Goal it moves (optional)');
    expect(prompter.asked).toContain('What did it add to new-arr? (optional, e.g. 25000)');
    expect(JSON.parse(result.stdout)).toMatchObject({ goal: 'new-arr', progress: 25000, type: 'win', starred: true });
    const [goal] = JSON.parse((await run(['goals', '--json'], { db })).stdout) as { slug: string; current: number }[];
    expect(goal).toMatchObject({ slug: 'new-arr', current: 25000 });
  });

  it('does not ask again for what the options gave', async () => {
    const db = newJournal();
    const prompter = createScriptedPrompter(['Demo for Initech', 'demo', '', '', false]);
    await run(['log', '-d', 'yesterday', '-c', 'presentation'], { db, tty: true, prompter });
    expect(prompter.asked).not.toContain('When?');
    expect(prompter.asked).not.toContain('Competencies it shows (optional, e.g. negotiation closing)');
  });

  it('keeps the date given with -d', async () => {
    const db = newJournal();
    const prompter = createScriptedPrompter(['Demo for Initech', 'demo', '', '', '', false]);
    const result = await run(['log', '-d', 'yesterday', '--json'], { db, tty: true, prompter });
    expect(JSON.parse(result.stdout)).toMatchObject({ date: '2026-11-25', type: 'demo', account: null, tags: [], starred: false });
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('Ctrl-C at prompt %d exits 130 and writes nothing', async (at) => {
    // The scripted prompter consumes its answers, so each run gets its own list.
    const answers = (): unknown[] => [
      ...['Called Acme', 'today', 'call', 'Acme', 'q4', 'closing', true].slice(0, at),
      new CancelledError(),
    ];
    const missing = tempDbPath();
    const result = await run(['log'], { db: missing, tty: true, prompter: createScriptedPrompter(answers()) });
    expect(result).toEqual({ code: 130, stdout: '', stderr: 'perf: cancelled, nothing was written\n' });
    expect(fs.existsSync(missing)).toBe(false);

    const db = newJournal();
    await run(['log', 'First'], { db });
    const before = dumpDb(db);
    const again = await run(['log'], { db, tty: true, prompter: createScriptedPrompter(answers()) });
    expect(again.code).toBe(130);
    expect(dumpDb(db)).toEqual(before);
  });
});

describe('perf log -e', () => {
  it('takes the note from $EDITOR', async () => {
    const db = newJournal();
    const editor = editorScript(`printf 'Lunch with the Acme CFO #exec\\nShe wants a 3-year deal\\n' > "$1"`);
    const result = await run(['log', '-e', '--type', 'meeting', '--json'], { db, tty: true, env: { EDITOR: editor } });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({
      text: 'Lunch with the Acme CFO #exec\nShe wants a 3-year deal',
      type: 'meeting',
      tags: ['exec'],
    });
  });

  it('ignores the template comment lines', async () => {
    const db = newJournal();
    const editor = editorScript(`{ printf 'Called Initech\\n'; cat "$1"; } > "$1.new" && mv "$1.new" "$1"`);
    const result = await run(['log', '-e', '--json'], { db, tty: true, env: { EDITOR: editor } });
    expect(JSON.parse(result.stdout)).toMatchObject({ text: 'Called Initech', tags: [] });
  });

  it('refuses a note left empty in the editor, without creating the journal', async () => {
    const db = tempDbPath();
    const editor = editorScript('true');
    const result = await run(['log', '-e'], { db, tty: true, env: { EDITOR: editor } });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'perf: the note is empty: give its text as arguments, on stdin, or at the prompt\n',
    });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('refuses when the editor fails', async () => {
    const db = tempDbPath();
    const editor = editorScript(`printf 'Half a note' > "$1"; exit 3`);
    const result = await run(['log', '-e'], { db, tty: true, env: { EDITOR: editor } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^perf: the editor ".*" exited with code 3; nothing was saved\n$/);
    expect(fs.existsSync(db)).toBe(false);
  });
});
