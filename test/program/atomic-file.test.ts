import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomicWith } from '../../src/atomic-file.js';
import { tempDir } from '../helpers.js';

/** `perf export -o` writes its document in pieces as it reads it: the file appears whole or not at all. */
describe('writeFileAtomicWith', () => {
  it('writes every piece, in order, and places the file once done', () => {
    const folder = tempDir();
    const target = path.join(folder, 'export.json');
    writeFileAtomicWith(target, (write) => ['{\n', '  "a": "é"', '\n}\n'].forEach(write), { overwrite: false });
    expect(fs.readFileSync(target, 'utf8')).toBe('{\n  "a": "é"\n}\n');
    expect(fs.readdirSync(folder)).toEqual(['export.json']);
  });

  it('places nothing and leaves no temporary file when the document fails half-way', () => {
    const folder = tempDir();
    const target = path.join(folder, 'export.json');
    fs.writeFileSync(target, 'the previous export');
    expect(() =>
      writeFileAtomicWith(
        target,
        (write) => {
          write('{\n');
          throw new Error('the journal could not be read');
        },
        { overwrite: true },
      ),
    ).toThrow('the journal could not be read');
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export');
    expect(fs.readdirSync(folder)).toEqual(['export.json']);
  });
});
