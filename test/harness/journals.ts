import fs from 'node:fs';
import path from 'node:path';
import { tempDbPath, tempDir } from '../helpers.js';

/**
 * A new, empty journal at the latest schema: a copy of the template that test/global-setup.ts
 * made with the program's own migrations. For tests that need a journal to exist and do not test
 * its creation; those use tempDbPath(), a path where no journal is yet.
 */
export function newJournal(): string {
  const template = process.env.PERF_TEST_TEMPLATE;
  if (!template) throw new Error('no template journal: test/global-setup.ts did not run');
  const file = path.join(tempDir(), 'journal.db');
  fs.copyFileSync(template, file);
  return file;
}

/**
 * A journal built once per test file by `build` (which starts from a path where no journal is),
 * of which every call returns a fresh copy: tests that start from the same journal do not replay
 * the same commands. The copy takes the journal's whole folder, backups included, so it is the
 * same as building it again.
 */
export function journalFixture(build: (db: string) => Promise<void> | void): () => Promise<string> {
  let built: Promise<string> | undefined;
  return async () => {
    built ??= (async () => {
      const db = tempDbPath();
      await build(db);
      return db;
    })();
    const original = await built;
    const folder = tempDir();
    fs.cpSync(path.dirname(original), folder, { recursive: true });
    return path.join(folder, path.basename(original));
  };
}
