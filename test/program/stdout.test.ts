import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writesDirectly } from '../../src/stdout.js';
import { tempDir } from '../helpers.js';

/**
 * Output to a file or to /dev/null is written straight to the descriptor (every byte, or a
 * failure); anything else (a terminal, a pipe, /dev/full) goes through Node's stream.
 */
describe('which stdout is written directly', () => {
  const opened: number[] = [];
  const open = (file: string, flags = 'w') => {
    const fd = fs.openSync(file, flags);
    opened.push(fd);
    return fd;
  };
  afterEach(() => {
    for (const fd of opened.splice(0)) fs.closeSync(fd);
  });

  it('a regular file and /dev/null are', () => {
    expect(writesDirectly(open(path.join(tempDir(), 'out.txt')))).toBe(true);
    expect(writesDirectly(open('/dev/null'))).toBe(true);
  });

  it('another device (/dev/full, /dev/zero), a folder or a closed descriptor is not', () => {
    expect(writesDirectly(open('/dev/full'))).toBe(false);
    expect(writesDirectly(open('/dev/zero', 'r'))).toBe(false);
    expect(writesDirectly(open(tempDir(), 'r'))).toBe(false);
    expect(writesDirectly(999_999)).toBe(false);
  });
});
