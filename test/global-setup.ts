import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One folder for every journal the tests make (helpers.ts tempDir), removed when the run ends,
 * so that test runs do not pile up folders in the system temp dir.
 */
export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'perf-tests-'));
  process.env.PERF_TEST_TMP = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
