import { describe, it } from 'vitest';
import { expectRefused, tempDir } from '../../helpers.js';

/** doctor and where look at the path before anything else: a folder or a device is not a journal. */
describe('perf doctor and perf where on a path that is not a file', () => {
  it.each([
    ['doctor', 'a folder', () => tempDir(), /is not a regular file \(a folder\): the journal must be a file/],
    ['doctor', 'a device', () => '/dev/null', /is not a regular file \(a character device\): the journal must be a file/],
    ['where', 'a folder', () => tempDir(), /is not a regular file \(a folder\): the journal must be a file/],
    ['where', 'a device', () => '/dev/null', /is not a regular file \(a character device\): the journal must be a file/],
  ])('perf %s on %s: one line, exit 2, nothing changed', async (command, _what, at, message) => {
    const journal = at();
    await expectRefused(['--db', journal, command], `${tempDir()}/unused.db`, message);
  });
});
