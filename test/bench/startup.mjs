#!/usr/bin/env node
// Start-up benchmark: `perf log` and friends against bare `node -e ""`, timed with hyperfine
// (Debian package `hyperfine`), with NODE_EXTRA_CA_CERTS unset as on a user's machine.
// Usage: npm run bench [-- --runs 30 --notes 5000]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'perf.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const runs = option('runs', 30);
const noteCount = option('notes', 2000);

if (spawnSync('hyperfine', ['--version']).error) {
  console.error('bench: hyperfine is not installed (apt-get install hyperfine)');
  process.exitCode = 1;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-bench-'));
  const db = path.join(dir, 'journal.db');
  const env = { ...process.env, PERF_DB: db, NO_COLOR: '1' };
  delete env.NODE_EXTRA_CA_CERTS;

  // A journal of realistic size: `noteCount` notes over the last two years, through the program itself.
  const lines = [];
  const types = ['call', 'meeting', 'demo', 'proposal', 'win', 'note'];
  for (let i = 0; i < noteCount; i++) {
    lines.push(
      JSON.stringify({
        title: `Call ${i} with Account ${i % 97} about the renewal`,
        body: '',
        date: day(i % 700),
        time: '09:00',
        tags: [`@${types[i % types.length]}`],
        starred: i % 50 === 0,
      }),
    );
  }
  const seed = path.join(dir, 'seed.json');
  fs.writeFileSync(seed, `{"tags":{},"entries":[${lines.join(',')}]}`);
  const imported = spawnSync(process.execPath, [bin, 'import', seed], { env, encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`bench: could not build the journal: ${imported.stderr.trim()}`);

  const commands = {
    'node -e ""': `${process.execPath} -e ""`,
    'perf --version': `${process.execPath} ${bin} --version`,
    'perf log': `${process.execPath} ${bin} log "Called Acme about the renewal #q4" -a Acme --type call`,
    'perf notes': `${process.execPath} ${bin} notes`,
    'perf notes -q': `${process.execPath} ${bin} notes -q renewal`,
    'perf goals': `${process.execPath} ${bin} goals`,
    'perf status': `${process.execPath} ${bin} status`,
  };
  const out = path.join(dir, 'hyperfine.json');
  const hyperfineArgs = ['-N', '--warmup', '3', '--runs', String(runs), '--export-json', out, '-i'];
  for (const [name, command] of Object.entries(commands)) hyperfineArgs.push('-n', name, command);
  spawnSync('hyperfine', hyperfineArgs, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const results = JSON.parse(fs.readFileSync(out, 'utf8')).results;
  const baseline = results[0].median;
  console.log(`perf-journal start-up, ${runs} runs each, journal of ${noteCount} notes, Node ${process.version}`);
  console.log('command            median    ratio to node -e ""   max RSS');
  for (const r of results) {
    const rss = maxRss(commands[r.command], env);
    console.log(
      `${r.command.padEnd(18)} ${(r.median * 1000).toFixed(1).padStart(6)} ms  ${(r.median / baseline).toFixed(2).padStart(6)}x              ${rss}`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** `offset` days before today (UTC), so the journal never holds a day in the future. */
function day(offset) {
  const d = new Date(Date.now() - (offset + 1) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function maxRss(command, env) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'sh', '-c', `${command} > /dev/null`], { env, encoding: 'utf8' });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? `${(kb / 1024).toFixed(1)} MB` : 'n/a';
}
