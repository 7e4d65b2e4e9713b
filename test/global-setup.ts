import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/storage/db.js';

/**
 * One folder for every journal the tests make (helpers.ts tempDir), removed when the run ends,
 * so that test runs do not pile up folders in the system temp dir. In it, the template journal
 * that newJournal() copies: made once per run by the program's own openDatabase, so it is exactly
 * the file a first write makes, without migrating it again for every test (~13 ms each).
 */
export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'perf-tests-'));
  process.env.PERF_TEST_TMP = root;
  const template = path.join(root, 'template', 'journal.db');
  // Closing the only connection checkpoints the write-ahead log: the template is one file.
  openDatabase(template, { create: true }).close();
  process.env.PERF_TEST_TEMPLATE = template;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
