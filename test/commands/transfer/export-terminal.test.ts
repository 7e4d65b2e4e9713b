import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { unsafeUtf8 } from '../../../src/commands/transfer/export.js';
import { terminalSafe } from '../../../src/terminal/inert.js';
import { run, tempDbPath, tempDir } from '../../helpers.js';

/**
 * `perf export` to stdout skips the search for what to make inert when the UTF-8 SQLite wrote
 * holds none of it (issue 12). JSON escapes the C0 controls, so past them the byte test must say
 * yes exactly for the characters terminalSafe changes: every one of them, and nothing else.
 */
describe('the export’s byte test for characters a terminal would act on', () => {
  it('agrees with terminalSafe on every character from U+0020 up, alone and between others', () => {
    const disagree: string[] = [];
    for (let code = 0x20; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      const changed = terminalSafe(char, false) !== char;
      if (unsafeUtf8(Buffer.from(char)) !== changed || unsafeUtf8(Buffer.from(`é${char}日`)) !== changed) {
        disagree.push(code.toString(16));
      }
    }
    expect(disagree).toEqual([]);
  });

  it('finds one after harmless characters that share its first byte', () => {
    // — (E2 80 94) and £ (C2 A3) lead with the same bytes as the direction marks and C1 controls.
    expect(unsafeUtf8(Buffer.from('— £ — £ plain'))).toBe(false);
    expect(unsafeUtf8(Buffer.from('— £ — £ \u202e'))).toBe(true);
    expect(unsafeUtf8(Buffer.from('— £ — £ \u0085'))).toBe(true);
    // A lead byte at the very end (a character cut by a chunk's end) is not read past.
    expect(unsafeUtf8(Buffer.from([0x61, 0xe2, 0x80]))).toBe(false);
    expect(unsafeUtf8(Buffer.from([0x61, 0xc2]))).toBe(false);
  });
});

describe('perf export to stdout of text that is not UTF-8 (a journal edited outside perf)', () => {
  it('never writes a stray byte a terminal could take for a control: it reads as U+FFFD, as perf notes shows it', async () => {
    const db = tempDbPath();
    await run(['log', 'Called Acme'], { db });
    // 41 9B 33 31 6D: "A", then 0x9B (CSI to an 8-bit terminal) and "31m" — not valid UTF-8.
    const raw = new Database(db);
    raw.prepare("UPDATE notes SET text = CAST(X'419B33316D' AS TEXT) WHERE id = 1").run();
    raw.close();
    const bytes: Buffer[] = [];
    const code = await main(['export'], {
      io: {
        stdout: {
          isTTY: false,
          write: (chunk: string | Uint8Array) => {
            bytes.push(Buffer.from(chunk));
            return true;
          },
        },
        stderr: { write: () => true },
        stdin: { isTTY: false, async *[Symbol.asyncIterator]() {} },
        env: { PERF_DB: db, NO_COLOR: '1' },
      },
    });
    const out = Buffer.concat(bytes);
    expect(code).toBe(0);
    expect(out.includes(0x9b)).toBe(false);
    expect(out.toString('utf8')).toContain('"text": "A\uFFFD31m"');
    // A file gets the same text: valid UTF-8 JSON, the bytes perf notes and an import read.
    const file = path.join(tempDir(), 'journal.json');
    expect((await run(['export', '-o', file], { db })).code).toBe(0);
    const written = fs.readFileSync(file);
    expect(isUtf8(written)).toBe(true);
    expect(written.toString('utf8')).toContain('"text": "A\uFFFD31m"');
  });
});
