import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { NARROW_RANGES, cutToWidth, displayWidth, needsWidths } from '../../src/terminal/widths.js';

describe('display widths', () => {
  it('counts every character of the no-library ranges as one column, as string-width does', () => {
    const ranges = [...NARROW_RANGES.matchAll(/\\x([0-9a-f]{2})-\\x([0-9a-f]{2})|\\u([0-9a-f]{4})-\\u([0-9a-f]{4})/g)].map((m) => [
      Number.parseInt(m[1] ?? m[3] ?? '', 16),
      Number.parseInt(m[2] ?? m[4] ?? '', 16),
    ]);
    expect(ranges.length).toBeGreaterThan(5);
    for (const [from = 0, to = 0] of ranges) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCodePoint(code);
        expect(needsWidths(ch), ch).toBe(false);
        expect(stringWidth(ch), `U+${code.toString(16)}`).toBe(1);
      }
    }
  });

  it('needs no library for the symbols the views print (★ ◆ ◇ ✓ ✗ −), each one column as string-width says', () => {
    for (const ch of ['★', '◆', '◇', '✓', '✗', '−']) {
      expect(needsWidths(ch), ch).toBe(false);
      expect(stringWidth(ch), ch).toBe(1);
    }
  });

  it.each([
    ['Called Acme', 11],
    ['\u001b[1mbold\u001b[22m · …', 8],
    ['売上目標', 8],
    ['👍🏽 ok', 5],
    ['café', 4],
    ['é', 1],
    ['한국', 4],
    ['ｱｲ', 2],
  ])('%j is %d columns', (text, columns) => {
    expect(displayWidth(text)).toBe(columns);
  });

  it('cuts by columns without splitting a wide character or an emoji', () => {
    expect(cutToWidth('売上目標', 5)).toBe('売上');
    expect(cutToWidth('a👍🏽b', 2)).toBe('a');
    expect(cutToWidth('a👍🏽b', 3)).toBe('a👍🏽');
  });
});
