import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { newJournal } from '../../harness/journals.js';
import { dumpDb, expectRefused, run, tempDir } from '../../helpers.js';

/** An $EDITOR: a shell script that runs `body` with the file to edit as $1. */
function editorScript(body: string): string {
  const file = path.join(tempDir('perf-editor-'), 'editor.sh');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

/** A config folder holding the rep's own templates. */
function configWith(templates: Record<string, string> = {}): string {
  const dir = tempDir('perf-config-');
  fs.mkdirSync(path.join(dir, 'templates'));
  for (const [name, text] of Object.entries(templates)) fs.writeFileSync(path.join(dir, 'templates', `${name}.md`), text);
  return dir;
}

async function logFrom(args: string[], editor: string, options: { db?: string; config?: string } = {}) {
  const db = options.db ?? newJournal();
  const result = await run(['log', ...args, '--json'], {
    db,
    env: { EDITOR: editor, VISUAL: '', PERF_CONFIG_DIR: options.config ?? configWith() },
  });
  return { ...result, db };
}

describe('perf log --template (issue 13 item 6)', () => {
  it('call opens the MEDDPICC skeleton; the sections written are kept, empty ones dropped, the type set', async () => {
    const seen = path.join(tempDir(), 'seen.md');
    const editor = editorScript(
      `cp "$1" '${seen}'; sed -i -e 's/^Call with $/Call with Acme/' -e 's/^## Champion$/## Champion\\nMaria, VP Sales/' "$1"`,
    );
    const result = await logFrom(['--template', 'call', '-a', 'Acme'], editor);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const opened = fs.readFileSync(seen, 'utf8');
    for (const heading of [
      'Metrics',
      'Economic buyer',
      'Decision criteria',
      'Decision process',
      'Paper process',
      'Identified pain',
      'Champion',
      'Competition',
    ])
      expect(opened).toContain(`## ${heading}`);
    expect(opened).not.toContain('---');
    const note = JSON.parse(result.stdout);
    expect(note).toMatchObject({ type: 'call', account: 'Acme', text: 'Call with Acme\n\n## Champion\nMaria, VP Sales' });
  });

  it('weekly has wins, losses, learned and next week, and tags the note', async () => {
    const seen = path.join(tempDir(), 'seen.md');
    const editor = editorScript(`cp "$1" '${seen}'; printf 'Week 47\\n\\n## Wins\\nGlobex signed\\n' > "$1"`);
    const result = await logFrom(['--template', 'weekly'], editor);
    expect(result.code).toBe(0);
    expect(fs.readFileSync(seen, 'utf8')).toMatch(/## Wins\n## Losses\n## What I learned\n## Next week/);
    expect(JSON.parse(result.stdout)).toMatchObject({ type: 'learning', tags: ['weekly'], text: 'Week 47\n\n## Wins\nGlobex signed' });
  });

  it('win sets the type win; -T and -t typed on the line go over and beside the front matter', async () => {
    const editor = editorScript(`printf 'Won Globex\\n' > "$1"`);
    expect(JSON.parse((await logFrom(['--template', 'win'], editor)).stdout)).toMatchObject({ type: 'win', text: 'Won Globex' });
    const typed = JSON.parse((await logFrom(['--template', 'weekly', '-T', 'note', '-t', 'q4'], editor)).stdout);
    expect(typed).toMatchObject({ type: 'note', tags: ['q4', 'weekly'] });
  });

  it("the rep's own template, with front matter setting type, tags and goal", async () => {
    const db = newJournal();
    expect((await run(['goals', 'add', 'Renewals', '--target', '10', '--slug', 'renewals'], { db })).code).toBe(0);
    const config = configWith({ renewal: '---\ntype: renewal\ntags: [renewal, "q4"]\ngoal: renewals\n---\nRenewal with \n\n## Risks\n' });
    expect((await run(['config', 'set', 'note.types', 'call,renewal,win,note'], { db })).code).toBe(0);
    const editor = editorScript(`printf 'Renewal with Acme, 2 years\\n' > "$1"`);
    const result = await logFrom(['--template', 'renewal'], editor, { db, config });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({
      type: 'renewal',
      tags: ['q4', 'renewal'],
      goal: 'renewals',
      text: 'Renewal with Acme, 2 years',
    });
  });

  it('front matter names the deal; --deal typed on the line goes over it', async () => {
    const db = newJournal();
    for (const name of ['Acme renewal', 'Globex expansion'])
      expect((await run(['deals', 'add', name, '-a', 'Acme', '--value', '1000'], { db })).code).toBe(0);
    const config = configWith({ dealcall: '---\ntype: call\ndeal: acme-renewal\n---\nCall about \n' });
    const editor = editorScript(`printf 'Call about pricing\\n' > "$1"`);
    expect(JSON.parse((await logFrom(['--template', 'dealcall'], editor, { db, config })).stdout)).toMatchObject({ deal: 'acme-renewal' });
    const typed = await logFrom(['--template', 'dealcall', '--deal', 'globex-expansion'], editor, { db, config });
    expect(JSON.parse(typed.stdout)).toMatchObject({ deal: 'globex-expansion' });
  });

  it('a template left as it was saves nothing (exit 130)', async () => {
    const db = newJournal();
    const before = dumpDb(db);
    const result = await logFrom(['--template', 'call'], editorScript('true'), { db });
    expect(result.code).toBe(130);
    expect(result.stderr).toBe('perf: the template call was left as it was; nothing was saved\n');
    expect(result.stdout).toBe('');
    expect(dumpDb(db)).toEqual(before);
  });

  it('--template list names the built-ins and your own, with where they are', async () => {
    const config = configWith({ renewal: 'Renewal with \n', call: 'My own call\n' });
    const result = await run(['log', '--template', 'list'], { env: { PERF_CONFIG_DIR: config }, db: newJournal() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`your own: ${config}/templates/NAME.md`);
    expect(result.stdout).toMatch(/ {2}call {5}your own \(yours, in place of the built-in\): .*call\.md/);
    expect(result.stdout).toMatch(/ {2}renewal {2}your own: .*renewal\.md/);
    expect(result.stdout).toMatch(/ {2}weekly {3}the week: wins, losses/);
    expect(result.stdout).toMatch(/ {2}win {6}a deal won/);
    const json = await run(['log', '--template', 'list', '--json'], { env: { PERF_CONFIG_DIR: config }, db: newJournal() });
    expect((JSON.parse(json.stdout) as { name: string }[]).map((t) => t.name)).toEqual(['call', 'renewal', 'weekly', 'win']);
  });

  it('in a terminal without $EDITOR it asks for each section', async () => {
    const prompter = createScriptedPrompter(['Acme', '', 'Maria', '', '', '', '', '', '', 'Send the proposal']);
    const result = await run(['log', '--template', 'call', '--json'], {
      db: newJournal(),
      tty: true,
      prompter,
      env: { EDITOR: '', VISUAL: '', PERF_CONFIG_DIR: configWith() },
    });
    expect(result.stderr).toBe('');
    expect(prompter.asked.slice(0, 3)).toEqual(['Call with', 'Metrics (optional)', 'Economic buyer (optional)']);
    expect(JSON.parse(result.stdout).text).toBe('Call with Acme\n\n## Economic buyer\nMaria\n\n## Next steps\nSend the proposal');
  });

  it.each([
    [
      ['--template', 'qbr'],
      /^perf: unknown template "qbr": use call, weekly, win \(your own: .*\/templates\/NAME\.md; perf log --template list\)\n$/,
    ],
    [['--template', '../etc/passwd'], /^perf: unknown template "\.\.\/etc\/passwd": use call, weekly, win/],
    [['--template', 'call', 'Called Acme'], /^perf: --template call writes the note in \$EDITOR: give no text with it\n$/],
  ])('log %j is refused', async (args, message) => {
    await expectRefused(['log', ...args], newJournal(), message, {
      env: { EDITOR: editorScript('exit 9'), PERF_CONFIG_DIR: configWith() },
    });
  });

  it('a template whose front matter names an unknown key or type is refused, nothing written', async () => {
    const config = configWith({ bad: '---\ncolour: red\n---\nx\n', odd: '---\ntype: party\n---\nx\n' });
    const env = { EDITOR: editorScript(`printf 'Changed\\n' > "$1"`), PERF_CONFIG_DIR: config };
    await expectRefused(
      ['log', '--template', 'bad'],
      newJournal(),
      /^perf: invalid front matter in template "bad" \(.*bad\.md\): "colour: red"; use type:/,
      { env },
    );
    // The rep typed no type: the message says where "party" comes from.
    await expectRefused(
      ['log', '--template', 'odd'],
      newJournal(),
      /^perf: unknown note type "party" in template "odd" \(.*odd\.md\): use one of call, email/,
      {
        env,
      },
    );
  });
});
