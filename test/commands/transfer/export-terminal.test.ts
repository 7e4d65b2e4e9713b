import { describe, expect, it } from 'vitest';
import { unsafeUtf8 } from '../../../src/commands/transfer/export.js';
import { terminalSafe } from '../../../src/terminal/inert.js';

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
