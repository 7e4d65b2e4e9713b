#!/usr/bin/env node
// Writes docs/reference.md from the program's own --help, command by command, so the reference
// cannot drift from what `perf <command> --help` prints. `npm run docs` writes it; with --check
// (a test runs that) it only says whether the file is current.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `perf <words> --help` as a user sees it on an 80-column screen without colour. */
async function help(main, words) {
  let out = '';
  const io = {
    stdout: { write: (s) => (out += s), isTTY: false, columns: 80 },
    stderr: { write: () => true },
    stdin: { isTTY: false, async *[Symbol.asyncIterator]() {} },
    env: { NO_COLOR: '1', PERF_DB: path.join(root, 'no-such-journal.db') },
  };
  const code = await main([...words, '--help'], { io });
  if (code !== 0) throw new Error(`perf ${words.join(' ')} --help exited ${code}`);
  return out;
}

/** The subcommands a help text lists under "Commands:" (help itself aside). */
function subcommands(text) {
  const section = text.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^ {2}\S/.test(line))
    .map((line) => line.trim().split(/[ |]/)[0])
    .filter((name) => name && name !== 'help');
}

export async function renderReference() {
  const { main } = await import(path.join(root, 'dist', 'cli.js'));
  const sections = [];
  const visit = async (words) => {
    const text = await help(main, words);
    sections.push(`## perf${words.map((w) => ` ${w}`).join('')}\n\n\`\`\`text\n${text.trimEnd()}\n\`\`\`\n`);
    for (const name of subcommands(text)) await visit([...words, name]);
  };
  await visit([]);
  return `# Command reference\n\nGenerated from \`perf <command> --help\` by \`npm run docs\`; do not edit by hand.\n\n${sections.join('\n')}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = path.join(root, 'docs', 'reference.md');
  const text = await renderReference();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== text) {
      process.stderr.write('docs/reference.md is out of date: run npm run docs\n');
      process.exitCode = 1;
    }
  } else fs.writeFileSync(file, text);
}
