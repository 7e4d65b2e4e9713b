import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NOW, dumpDb, tempDbPath, tempDir, createdLine } from '../../helpers.js';

/** `perf log --edit` with EDITOR set to a script, in its own process group (for Ctrl-C). */
function logWithEditor(
  script: string,
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const editor = path.join(tempDir(), 'editor.sh');
  fs.writeFileSync(editor, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'log', '--edit'], {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', PERF_NOW: NOW, EDITOR: editor, VISUAL: '', ...env },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

describe('perf log --edit (issue 8, defect 12)', () => {
  it('a TMPDIR holding $(...) runs nothing: the path is never part of a shell command', async () => {
    const cwd = tempDir();
    const tmp = path.join(cwd, 'a$(touch pwned)b');
    fs.mkdirSync(tmp);
    const db = tempDbPath();
    const result = await logWithEditor(`printf 'Met Acme' > "$1"`, { TMPDIR: tmp, PERF_DB: db }, cwd);
    expect(fs.existsSync(path.join(cwd, 'pwned'))).toBe(false);
    expect(result.stderr).toBe(createdLine(db));
    expect(result.code).toBe(0);
    expect(dumpDb(db)).toContain('Met Acme');
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('Ctrl-C while the editor runs removes the draft and saves nothing', async () => {
    const cwd = tempDir();
    const record = path.join(cwd, 'draft-path');
    const db = tempDbPath();
    // The terminal sends SIGINT to the whole foreground group: perf and its editor alike.
    const result = await logWithEditor(
      `printf '%s' "$1" > '${record}'; printf 'half a note' > "$1"; kill -INT 0; sleep 1`,
      { TMPDIR: cwd, PERF_DB: db },
      cwd,
    );
    const draft = fs.readFileSync(record, 'utf8');
    expect(draft).toContain('note.md');
    expect(fs.existsSync(draft)).toBe(false);
    expect(fs.existsSync(path.dirname(draft))).toBe(false);
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/^perf: cancelled, nothing was written\n$/);
    expect(dumpDb(db)).toBeNull();
  });
});
