#!/usr/bin/env node
// The speed benchmark of issue 12: every command of its table on a 10-year journal, each run paired
// with a bare `node -e ""` (alternating, after a warm-up), with NODE_EXTRA_CA_CERTS unset as on a
// user's machine. Wall time and CPU time (user + sys) are medians of the runs, peak memory the median
// of the runs' peaks; Python's os.wait4 measures each child (see WAIT4).
// Usage: npm run bench [-- --runs 15 --only summary --out file.json --bin other/bin/perf.js]
// Timings are never asserted in npm test: this prints them and writes them as JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { END_DAY, EVERY_NOTE_WORD, GENERATOR_VERSION, RARE_WORD, benchJournal } from './journal.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args0 = process.argv.slice(2);
// --bin times another build (e.g. a copy of main's) with this bench.
const bin = args0.includes('--bin') ? path.resolve(args0[args0.indexOf('--bin') + 1]) : path.join(root, 'bin', 'perf.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Math.max(10, Number(option('runs', 15)));
const only = option('only', '');
const out = path.resolve(option('out', path.join(root, 'bench-results.json')));
const cacheDir = path.join(root, '.cache', 'bench');

function bench() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-bench-'));
  const env = { ...process.env, HOME: work, PERF_CONFIG_DIR: path.join(work, 'config'), NO_COLOR: '1' };
  for (const name of ['NODE_EXTRA_CA_CERTS', 'PERF_NOW', 'PERF_DB', 'NODE_OPTIONS', 'FORCE_COLOR']) delete env[name];
  const journals = {};
  for (const years of [10, 1]) {
    const cached = benchJournal({ root, bin, env, years, cacheDir });
    journals[years] = path.join(work, `journal-${years}y.db`);
    fs.copyFileSync(cached, journals[years]);
  }
  const yearAgo = new Date(Date.parse(END_DAY) - 364 * 86_400_000).toISOString().slice(0, 10);
  const summaryArgs = ['summary', '--from', yearAgo, '--to', END_DAY];
  const rows = [
    { name: 'perf --version', args: ['--version'], target: 1.6 },
    { name: 'perf log "…"', args: ['log', 'Called Acme about the renewal #q4', '-a', 'Acme', '--type', 'call'], target: 2.2, memory: 50 },
    { name: 'perf notes -n 20', args: ['notes', '-n', '20'], target: 2.3 },
    { name: 'perf goals', args: ['goals'], target: 2.3 },
    { name: 'perf status', args: ['status'], target: 2.3 },
    { name: 'perf competencies', args: ['competencies'], target: 2.3 },
    { name: `perf notes -q ${EVERY_NOTE_WORD} (all)`, args: ['notes', '-q', EVERY_NOTE_WORD], target: 2.5 },
    { name: `perf notes -q ${RARE_WORD} (~100)`, args: ['notes', '-q', RARE_WORD], target: 2.5 },
    { name: 'perf summary (1 year of 10)', args: summaryArgs, target: 3.0, memory: 64 },
    { name: 'perf summary (1-year journal)', args: summaryArgs, years: 1, target: 3.0 },
    { name: 'perf export (all, JSON)', args: ['export'], target: 6, memory: 80 },
    // Issue 14: fast enough for a shell prompt or login.
    { name: 'perf remind', args: ['remind'], target: 2.5, optional: true },
    // Issue 13: a Tab press asks the journal for goal slugs (well under 100 ms wanted).
    { name: 'perf __complete (goal slugs)', args: ['__complete', '--', 'perf', 'goals', 'show', ''], target: 2.5, optional: true },
    { name: 'perf deals', args: ['deals'], target: 2.3, optional: true },
  ].filter((row) => row.name.includes(only));

  const load = os.loadavg();
  console.log(
    `perf-journal bench · Node ${process.version} · ${runs} paired runs · load ${load.map((l) => l.toFixed(2)).join(' ')} · ${os.cpus().length} cores`,
  );
  const results = [];
  for (const row of rows) {
    // The journal comes from PERF_DB, as a user's default journal would: `perf --version` is typed bare.
    const rowEnv = { ...env, PERF_DB: journals[row.years ?? 10] };
    const command = [bin, ...row.args];
    if (row.optional && !exists(row.args[0], rowEnv)) {
      console.log(`${row.name.padEnd(34)} skipped: no such command here`);
      continue;
    }
    const result = paired(command, rowEnv);
    result.name = row.name;
    result.target = row.target;
    result.met = result.ratio <= row.target;
    if (row.memory) {
      result.memoryTargetMiB = row.memory;
      result.memoryMet = result.peakMiB <= row.memory;
    }
    results.push(result);
    console.log(line(result));
  }
  // The two summaries timed against each other, alternating like every row against node: rows
  // measured a minute apart compare the machine's moods as much as the journals (1.21 and 0.89 in
  // two runs in a row on a busy machine, issue 12).
  const growth = rows.some((row) => row.name.startsWith('perf summary')) ? summaryGrowth(journals, summaryArgs, env) : null;
  if (growth)
    console.log(
      `summary, 10-year vs 1-year journal (alternating): ${growth.tenYearMs.toFixed(1)} / ${growth.oneYearMs.toFixed(1)} ms = ${growth.ratio.toFixed(2)}× (target ≤ 1.1×) ${growth.met ? 'met' : 'MISSED'}`,
    );
  const missed = results.filter((r) => !r.met || r.memoryMet === false).length + (growth && !growth.met ? 1 : 0);
  console.log(missed === 0 ? 'every target met' : `${missed} target(s) missed`);
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cores: os.cpus().length,
    loadBefore: load,
    loadAfter: os.loadavg(),
    runs,
    generatorVersion: GENERATOR_VERSION,
    results,
    summaryGrowth: growth,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`figures written to ${out}`);
  fs.rmSync(work, { recursive: true, force: true });
}

/** Whether this build has the command (`perf remind`, `perf deals` and completion are newer than the bench). */
function exists(word, env) {
  // The hidden completion command comes with the visible `perf completion`.
  if (word === '__complete') word = 'completion';
  const help = spawnSync(process.execPath, [bin, '--help'], { env, encoding: 'utf8' }).stdout;
  return new RegExp(`^ +${word}\\b`, 'm').test(help);
}

/**
 * Runs `pairs` of [argv, argv…] alternately and returns, per run, the wall time, user + sys CPU
 * time and peak RSS of the child: Python's os.wait4 gives the child's own resource usage to the
 * microsecond (GNU time prints 10 ms steps, too coarse beside a 40 ms `node -e ""`).
 */
const WAIT4 = `
import json, os, subprocess, sys, time
runs = []
for argv in json.load(sys.stdin):
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    runs.append({"wall": wall * 1000, "cpu": (usage.ru_utime + usage.ru_stime) * 1000, "kb": usage.ru_maxrss, "status": status, "stderr": err.decode()[-500:]})
print(json.dumps(runs))
`;

function timed(argvs, env) {
  const result = spawnSync('python3', ['-c', WAIT4], { env, input: JSON.stringify(argvs), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`bench: the timing helper failed: ${result.stderr.trim()}`);
  const runs = JSON.parse(result.stdout);
  runs.forEach((run, i) => {
    if (run.status !== 0) throw new Error(`bench: ${argvs[i].join(' ')} failed: ${run.stderr.trim()}`);
  });
  return runs;
}

/** The year's summary on the 10-year journal against the same on the 1-year one, alternating (journals by --db). */
function summaryGrowth(journals, summaryArgs, env) {
  const ten = [process.execPath, bin, '--db', journals[10], ...summaryArgs];
  const one = [process.execPath, bin, '--db', journals[1], ...summaryArgs];
  const order = [ten, one, ten, one];
  for (let i = 0; i < runs; i++) order.push(...(i % 2 === 0 ? [ten, one] : [one, ten]));
  const all = timed(order, env).slice(4);
  const tenMs = median(all.filter((_, i) => order[i + 4] === ten).map((r) => r.wall));
  const oneMs = median(all.filter((_, i) => order[i + 4] === one).map((r) => r.wall));
  return { tenYearMs: round(tenMs), oneYearMs: round(oneMs), ratio: round(tenMs / oneMs), target: 1.1, met: tenMs / oneMs <= 1.1 };
}

/** Warm-up, then `runs` pairs of (node -e "", the command), alternating which goes first. */
function paired(command, env) {
  const baseline = [process.execPath, '-e', ''];
  const full = [process.execPath, ...command];
  const order = [baseline, full, baseline, full];
  for (let i = 0; i < runs; i++) order.push(...(i % 2 === 0 ? [baseline, full] : [full, baseline]));
  const all = timed(order, env).slice(4);
  const base = all.filter((_, i) => order[i + 4] === baseline);
  const cmd = all.filter((_, i) => order[i + 4] === full);
  const medianMs = median(cmd.map((r) => r.wall));
  const baseMs = median(base.map((r) => r.wall));
  const cpuMs = median(cmd.map((r) => r.cpu));
  const baseCpuMs = median(base.map((r) => r.cpu));
  return {
    medianMs: round(medianMs),
    baselineMs: round(baseMs),
    ratio: round(medianMs / baseMs),
    pairedRatio: round(median(cmd.map((r, i) => r.wall / base[i].wall))),
    cpuMs: round(cpuMs),
    baselineCpuMs: round(baseCpuMs),
    cpuRatio: round(cpuMs / baseCpuMs),
    peakMiB: round(median(cmd.map((r) => r.kb)) / 1024),
    baselinePeakMiB: round(median(base.map((r) => r.kb)) / 1024),
  };
}

function line(r) {
  const memory = r.memoryTargetMiB ? ` (≤ ${r.memoryTargetMiB} ${r.memoryMet ? 'met' : 'MISSED'})` : '';
  return [
    r.name.padEnd(34),
    `${r.medianMs.toFixed(1).padStart(7)} ms`,
    `node ${r.baselineMs.toFixed(1).padStart(5)} ms`,
    `${r.ratio.toFixed(2).padStart(5)}× (≤ ${r.target}× ${r.met ? 'met' : 'MISSED'})`,
    `cpu ${r.cpuRatio.toFixed(2)}×`,
    `${r.peakMiB.toFixed(1).padStart(6)} MiB${memory}`,
  ].join('  ');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function round(value) {
  return Math.round(value * 100) / 100;
}

if (spawnSync('python3', ['--version']).error) {
  console.error('bench: python3 is needed to time the runs (os.wait4 gives a child its own CPU time and peak memory)');
  process.exitCode = 1;
} else {
  bench();
}
