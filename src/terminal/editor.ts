import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CancelledError, RuntimeFailure, UsageError } from '../errors.js';

/** Opens `$VISUAL` / `$EDITOR` on `initial` and returns what the user saved. */
export function editText(initial: string, env: Record<string, string | undefined>): string {
  const editor = env.VISUAL || env.EDITOR;
  if (!editor) throw new UsageError('no editor set: set $EDITOR (e.g. export EDITOR=nano) or give the text as arguments');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-'));
  const file = path.join(dir, 'note.md');
  // Ctrl-C reaches the editor and us alike: handled, it no longer ends perf before the finally
  // below removes the draft; the editor's exit then says what happened.
  const stay = () => {};
  process.on('SIGINT', stay);
  try {
    fs.writeFileSync(file, initial, { mode: 0o600 });
    // The editor command may carry arguments ("code --wait"), so the shell splits it, as git
    // does; the path goes in as "$@", never into the command text, whatever $TMPDIR holds.
    const result = spawnSync('/bin/sh', ['-c', `${editor} "$@"`, 'editor', file], { stdio: 'inherit' });
    if (result.error) throw new RuntimeFailure(`cannot run the editor ${JSON.stringify(editor)}: ${result.error.message}`);
    if (result.signal === 'SIGINT' || result.status === 130) throw new CancelledError();
    if (result.status !== 0)
      throw new UsageError(`the editor ${JSON.stringify(editor)} exited with code ${result.status}; nothing was saved`);
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    process.off('SIGINT', stay);
  }
}
