import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { Context } from '../../src/context.js';
import { buildProgram } from '../../src/program.js';
import { run, tempDbPath, tempDir } from '../helpers.js';

/** Every command path of the program, e.g. ['notes', 'show']: new commands are covered as they come. */
async function commandPaths(): Promise<string[][]> {
  const ctx = new Context({
    io: { stdout: { write: () => true }, stderr: { write: () => true }, stdin: (async function* () {})(), env: {} },
  });
  const walk = (command: Command, prefix: string[]): string[][] =>
    command.commands.flatMap((sub) => [[...prefix, sub.name()], ...walk(sub, [...prefix, sub.name()])]);
  return walk((await buildProgram(ctx)) as unknown as Command, []);
}

const COMMAND_PATHS = await commandPaths();

const ANSI = /\u001b\[/;

describe('help and version', () => {
  it.each(COMMAND_PATHS.map((p) => [p.join(' '), p]))('perf %s --help has examples and opens nothing', async (_, args) => {
    const db = path.join(tempDir(), 'missing', 'journal.db');
    const result = await run([...args, '--help'], { db });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Usage: perf ${args.join(' ')} `));
    expect(result.stdout).toMatch(/\nExamples:\n {2}\$ perf /);
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });

  it.each([['--help'], ['-h']])('lists the commands with perf %s', async (flag) => {
    const db = tempDbPath();
    const result = await run([flag], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: perf \[options\] \[command\]/);
    expect(result.stdout).toMatch(/\n {2}log \[options\] \[text\.\.\.\]/);
    expect(result.stdout).toMatch(/\n {2}notes \[options\]/);
    expect(result.stdout).toMatch(/\n {2}config \[options\]/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('shows the status with perf alone, without creating the journal', async () => {
    const db = tempDbPath();
    const alone = await run([], { db });
    expect(alone.code).toBe(0);
    expect(alone.stdout).toBe((await run(['status'], { db })).stdout);
    expect(alone.stdout).toMatch(/^Journal status/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it.each([['--version'], ['-V']])('prints the version with perf %s', async (flag) => {
    const db = tempDbPath();
    expect(await run([flag], { db })).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('mistyped commands and options', () => {
  it.each([
    [['lgo'], "perf: unknown command 'lgo' (Did you mean log?)"],
    [['note'], "perf: unknown command 'note' (Did you mean notes?)"],
    [['notes', 'shwo', '1'], "perf: unknown command 'notes shwo' (Did you mean notes show? use show, edit, rm)"],
    [['config', 'sett', 'name', 'x'], "perf: unknown command 'config sett' (Did you mean config set? use list, get, set, unset)"],
    [['notes', '--tpye', 'win'], "perf: unknown option '--tpye' (Did you mean --type?)"],
    [['log', 'x', '--stra'], "perf: unknown option '--stra' (Did you mean --star?)"],
    [['--bogus'], "perf: unknown option '--bogus'"],
    [['notes', 'show'], "perf: missing required argument 'id'"],
    [['notes', '--db'], "perf: option '--db <path>' argument missing"],
    [['notes', 'show', '1', '--db'], "perf: option '--db <path>' argument missing"],
  ])('perf %j exits 2 with one line', async (args, message) => {
    const db = tempDbPath();
    expect(await run(args, { db })).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('global options', () => {
  it.each([
    [(db: string) => ['--db', db, 'log', 'Called Acme']],
    [(db: string) => ['log', 'Called Acme', '--db', db]],
    [(db: string) => ['log', '--db', db, 'Called Acme']],
    [(db: string) => ['log', 'Called Acme', `--db=${db}`]],
  ])('--db is taken before or after the command (%#)', async (argsFor) => {
    const db = tempDbPath();
    const other = tempDbPath();
    // --db wins over PERF_DB.
    expect((await run(argsFor(db), { db: other })).code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
    expect(fs.existsSync(other)).toBe(false);
  });

  it('--db works after a subcommand and its options', async () => {
    const db = tempDbPath();
    await run(['log', 'Called Acme', '--db', db]);
    const shown = await run(['notes', 'show', '1', '--json', '--db', db]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: 1, text: 'Called Acme' });
  });

  it('everything after -- is text, even what looks like an option', async () => {
    const db = tempDbPath();
    const result = await run(['log', '--json', '--', '-10%', 'discount', 'asked', '--db', 'x'], { db });
    expect(JSON.parse(result.stdout)).toMatchObject({ text: '-10% discount asked --db x' });
  });

  it('"help" inside a note is text', async () => {
    const db = tempDbPath();
    const result = await run(['log', 'help', 'Acme', 'with', 'pricing', '--json'], { db });
    expect(JSON.parse(result.stdout)).toMatchObject({ text: 'help Acme with pricing' });
  });
});

describe('colour', () => {
  const colourEnv = { NO_COLOR: undefined, FORCE_COLOR: undefined };

  it('is on in a terminal', async () => {
    const db = tempDbPath();
    const result = await run(['log', 'Called Acme', '--type', 'call'], { db, tty: true, env: colourEnv });
    expect(result.stdout).toMatch(ANSI);
    expect(result.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe('Logged · #1 · Thu 26 Nov 2026 · call\n');
  });

  it.each([
    ['stdout is not a terminal', [], { tty: false, env: colourEnv }],
    ['NO_COLOR is set', [], { tty: true, env: { ...colourEnv, NO_COLOR: '1' } }],
    ['--no-color is given', ['--no-color'], { tty: true, env: colourEnv }],
    ['--no-color is given after the command', ['__after__', '--no-color'], { tty: true, env: colourEnv }],
  ] as const)('is off when %s', async (_, extra, options) => {
    const db = tempDbPath();
    await run(['log', 'Called Acme', '--type', 'call', '-s', '-t', 'q4'], { db });
    const args = extra[0] === '__after__' ? ['notes', ...extra.slice(1)] : [...extra, 'notes'];
    const result = await run(args, { db, ...options });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toBe('Thu 26 Nov\n  #1  call  ★  #q4\n    Called Acme\n');
  });
});
