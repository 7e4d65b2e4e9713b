import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newJournal } from '../../harness/journals.js';
import { BIN, expectRefused, run, tempDir } from '../../helpers.js';

/** A folder with `perf` on it, as an installed perf would be, for the shells to call. */
function binFolder(): string {
  const dir = tempDir('perf-bin-');
  fs.writeFileSync(path.join(dir, 'perf'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  return dir;
}

let db: string;
let bin: string;

beforeAll(async () => {
  db = newJournal();
  bin = binFolder();
  for (const args of [
    ['goals', 'add', 'Win 3 logos from Competitor X', '--target', '3', '--slug', 'win-3-logos-from-competitor-x'],
    ['goals', 'add', 'Q4 ARR', '--target', '100000', '--slug', 'q4-arr'],
    ['log', 'Called Acme #renewal', '-a', 'Acme Corp'],
    ['log', 'Met Globex #pricing', '-a', 'Globex'],
    ['log', 'Visited Müller', '-a', 'Müller AG'],
    ['log', 'Called Müller', '-a', 'MÜLLER AG'],
    ['config', 'set', 'note.types', 'call,renewal,qbr,win,note'],
    ['deals', 'add', 'Acme renewal', '-a', 'Acme Corp', '--value', '48000'],
  ]) {
    const result = await run(args, { db });
    expect(result.code, result.stderr).toBe(0);
  }
});

function shellEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PERF_DB: db, NO_COLOR: '1' };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Runs the real bash completion function on `line` (the cursor at its end) and returns COMPREPLY. */
function bashComplete(line: string): string[] {
  const words = line.split(' ');
  const sh = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
  const script = [
    'source <(perf completion bash)',
    `COMP_WORDS=(${words.map(sh).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    `COMP_LINE=${sh(line)}`,
    `COMP_POINT=${line.length}`,
    'complete -p perf',
    '_perf_complete',
    `printf "%s\\n" "\${COMPREPLY[@]}"`,
  ].join('\n');
  const result = spawnSync('bash', ['-c', script], { env: shellEnv(), encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const [registered, ...reply] = result.stdout.split('\n').filter(Boolean);
  expect(registered).toBe('complete -o filenames -F _perf_complete perf');
  return reply;
}

describe('perf completion bash, run in a real bash (issue 13 item 1)', () => {
  it.each([
    ['perf ', ['log', 'notes', 'tags', 'accounts', 'goals', 'completion']],
    ['perf no', ['notes']],
    ['perf notes ', ['show', 'edit', 'rm']],
    ['perf goals show ', ['win-3-logos-from-competitor-x', 'q4-arr']],
    ['perf log -g win', ['win-3-logos-from-competitor-x']],
    ['perf log --goal ', ['q4-arr', 'win-3-logos-from-competitor-x']],
    ['perf log -a ', ['Acme Corp', 'Globex']],
    ['perf log -t ', ['pricing', 'renewal']],
    ['perf log -T ', ['call', 'renewal', 'qbr', 'win', 'note']],
    ['perf notes --type q', ['qbr']],
    ['perf rate neg', ['negotiation']],
    ['perf feedback add Great --relationship ', ['manager', 'peer', 'other-manager', 'admin', 'customer', 'direct-report']],
    ['perf config set note', ['note.types']],
    ['perf summary --period this-', ['this-year', 'this-quarter', 'this-month']],
    ['perf summary --format ', ['text', 'md', 'json']],
    ['perf completion ', ['bash', 'zsh', 'fish']],
    ['perf log --temp', ['--template']],
    ['perf log --template ', ['call', 'weekly', 'win', 'list']],
    ['perf log --deal ', ['acme-renewal']],
    ['perf deals show ac', ['acme-renewal']],
    // The spelling to fix, and the one to merge it into.
    ['perf accounts rename ', ['Acme Corp', 'Globex']],
    ['perf accounts rename Globex Ac', ['Acme Corp']],
    ['perf goals roll ', ['q4-arr', 'win-3-logos-from-competitor-x']],
    ['perf config set dates.order ', ['dmy', 'mdy', 'ymd']],
    ['perf config set numbers.decimal ', ['.', ',']],
    ['perf config set backup.auto f', ['false']],
    // A rep quotes an account with spaces before typing it: the quote is not part of the name.
    ['perf log -a "Acme', ['Acme Corp']],
    ["perf notes --account 'Glo", ['Globex']],
  ])('%j offers %j', (line, expected) => {
    const reply = bashComplete(line);
    for (const word of expected) expect(reply).toContain(word);
  });

  it('one account in any case is offered once, as first spelled (Müller AG, not also MÜLLER AG)', () => {
    expect(bashComplete('perf log -a M')).toEqual(['Müller AG']);
  });

  it('reads the journal named by --db, written apart or with =', async () => {
    const other = newJournal();
    expect((await run(['log', 'Met Initech', '-a', 'Initech'], { db: other })).code).toBe(0);
    expect(bashComplete(`perf --db ${other} log -a I`)).toEqual(['Initech']);
    // zsh and fish hand over --db=PATH as one word; bash splits it at the = (COMP_WORDBREAKS).
    expect(bashComplete(`perf --db=${other} log -a I`)).toEqual(['Initech']);
    expect(bashComplete(`perf --db = ${other} log -a I`)).toEqual(['Initech']);
    expect(bashComplete('perf log --goal = ')).toContain('q4-arr');
  });

  it('options of the command typed, and only those that start with what is typed', () => {
    const reply = bashComplete('perf notes --t');
    expect(reply.sort()).toEqual(['--tag', '--to', '--today-in-history', '--type']);
  });

  it('file names where a file goes', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'export-2026.json'), '{}');
    expect(bashComplete(`perf import ${dir}/exp`)).toEqual([`${dir}/export-2026.json`]);
  });

  it('a hidden command answers, and is not in perf --help', async () => {
    const help = await run(['--help'], { db });
    expect(help.stdout).toContain('completion');
    expect(help.stdout).not.toContain('__complete');
    const answer = await run(['__complete', '--', 'log', '-a', 'gl'], { db });
    expect(answer).toEqual({ code: 0, stdout: 'Globex\n', stderr: '' });
  });

  it('a missing journal offers commands and options, and no values, without creating it', async () => {
    const missing = path.join(tempDir(), 'journal.db');
    expect((await run(['__complete', '--', 'log', '-a', ''], { db: missing })).stdout).toBe('');
    expect((await run(['__complete', '--', 'log', '-T', 'ca'], { db: missing })).stdout).toBe('call\n');
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('an unknown shell is refused with the list', async () => {
    await expectRefused(['completion', 'powershell'], db, /^perf: unknown shell "powershell": use bash, zsh, fish\n$/);
  });
});

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

describe.skipIf(!has('zsh'))('perf completion zsh, in a real zsh (skipped when zsh is not installed: apt-get install zsh)', () => {
  it('completes goal slugs and subcommands through compadd', () => {
    // compadd is replaced by one that prints what it was given: the completion system needs a terminal.
    const script = [
      'autoload -U compinit && compinit -u',
      'source <(perf completion zsh)',
      'compadd() { shift 1; print -l -- "$@" }',
      'words=(perf goals show ""); CURRENT=4; _perf_complete',
      'words=(perf notes ""); CURRENT=3; _perf_complete',
    ].join('\n');
    const result = spawnSync('zsh', ['-f', '-c', script], { env: shellEnv(), encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual(['q4-arr', 'win-3-logos-from-competitor-x', 'show', 'edit', 'rm']);
  });
});

describe.skipIf(!has('fish'))('perf completion fish, in a real fish (skipped when fish is not installed: apt-get install fish)', () => {
  it('completes goal slugs and accounts through complete -C', () => {
    const script = ['perf completion fish | source', "complete -C 'perf goals show '", "complete -C 'perf log -a Gl'"].join('\n');
    const result = spawnSync('fish', ['--no-config', '-c', script], { env: shellEnv(), encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const offered = result.stdout.split('\n').map((line) => line.split('\t')[0]);
    expect(offered).toEqual(expect.arrayContaining(['win-3-logos-from-competitor-x', 'q4-arr', 'Globex']));
  });
});
