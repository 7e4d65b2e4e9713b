import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('connections', () => {
  // In the bundles users run, better-sqlite3 cannot find its addon by itself: a `new Database`
  // anywhere but connect.ts works in the tests (which import the sources) and fails for users.
  it('are all made by storage/connect.ts, which names the native addon', () => {
    const offenders = sources(path.join(ROOT, 'src'))
      .filter((file) => !file.endsWith(path.join('storage', 'connect.ts')))
      .filter((file) => /new Database\(|from 'better-sqlite3';/.test(fs.readFileSync(file, 'utf8').replace(/import type [^;]+;/g, '')))
      .map((file) => path.relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
