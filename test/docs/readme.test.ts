import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { lexer, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { BIN, NOW, ROOT, tempDir, createdLine } from '../helpers.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The shell blocks under a README heading. */
function shellBlocks(heading: string): string[] {
  const tokens = lexer(readme);
  const start = tokens.findIndex((t) => t.type === 'heading' && (t as Tokens.Heading).text === heading);
  const blocks: string[] = [];
  for (const token of tokens.slice(start + 1)) {
    if (token.type === 'heading') break;
    if (token.type === 'code' && (token as Tokens.Code).lang === 'sh') blocks.push((token as Tokens.Code).text);
  }
  return blocks;
}

describe('the README', () => {
  it('shows the two set-up commands', () => {
    expect(shellBlocks('Set up').join('\n')).toMatch(/^npm install\b.*\nnpm test\b/m);
  });

  it('has a quick start that runs as written on a fresh journal, every command exiting 0', () => {
    const [script] = shellBlocks('Five minutes with perf');
    expect(script).toBeDefined();
    const dir = tempDir();
    // Each line is run by a real shell, as a user would paste it, with `perf` the built binary.
    const result = spawnSync('bash', ['-c', `set -e\nperf() { "${process.execPath}" "${BIN}" "$@"; }\n${script}`], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PERF_DB: path.join(dir, 'journal.db'), PERF_NOW: NOW, NO_COLOR: '1' },
    });
    // The first command says it made the journal, and nothing else is said.
    expect(result.stderr).toBe(createdLine(path.join(dir, 'journal.db')));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Close $500,000 new ARR');
    expect(fs.readFileSync(path.join(dir, 'review.md'), 'utf8')).toMatch(/^# Accomplishments summary: Jane Doe/);
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(([^)#:]+)(#[^)]*)?\)/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(fs.existsSync(path.join(ROOT, link)), link).toBe(true);
  });
});

describe('docs/reference.md', () => {
  it('is what perf <command> --help prints today (npm run docs writes it)', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'reference.mjs'), '--check'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
