import { describe, expect, it } from 'vitest';
import { journalFixture } from '../../harness/journals.js';
import { expectRefused, run } from '../../helpers.js';

const seed = journalFixture(async (db) => {
  for (const args of [
    ['log', '今期の売上目標を達成するための提案をした', '-a', '株式会社アクメ'],
    ['log', '売上は前年比で伸びた'],
    ['log', 'Called Acme about the renewal'],
    ['log', '한국 고객과 미팅', '-a', 'Samsung'],
  ]) {
    expect((await run(args, { db })).code).toBe(0);
  }
});

async function found(db: string, search: string): Promise<number[]> {
  const result = await run(['notes', '--search', search, '--json'], { db });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as { id: number }[]).map((note) => note.id).sort();
}

describe('searching inside Japanese, Chinese and Korean notes', () => {
  it.each([
    ['売上目標', [1]],
    ['売上', [1, 2]],
    ['売', [1, 2]],
    ['提案 売上', [1]],
    ['"売上目標を達成"', [1]],
    ['アクメ', [1]],
    ['前年比', [2]],
    ['目標 前年', []],
    ['고객', [4]],
    ['販売', []],
  ])('%s finds %j', async (search, ids) => {
    expect(await found(await seed(), search)).toEqual(ids);
  });

  // OR and NOT were dropped from a search with CJK words: "NOT 売上" found the notes with 売上.
  it.each([
    ['売上目標 OR 前年比', [1, 2]],
    ['売上 OR Samsung', [1, 2, 4]],
    ['売上 NOT 前年', [1]],
    ['売上目標 NOT 達成', []],
    ['Acme NOT 売上', [3]],
    ['고객 OR 提案', [1, 4]],
    ['売上 AND 提案', [1]],
    ['前年 OR 提案 NOT 株式', [2]],
    ['売上目標* OR 前年*', [1, 2]],
    ['売上*', [1, 2]],
  ])('%s finds %j: OR, NOT and AND work as in an English search', async (search, ids) => {
    expect(await found(await seed(), search)).toEqual(ids);
  });

  it.each(['NOT 売上', '売上 OR', '売上 NOT OR 提案', '"売上'])('%s is refused as in an English search', async (search) => {
    const db = await seed();
    await expectRefused(['notes', '--search', search], db, /^perf: invalid search ".*": /);
  });

  it('searches English by words as before: a prefix of a word, not any part of it', async () => {
    const db = await seed();
    expect(await found(db, 'renew')).toEqual([3]);
    expect(await found(db, 'newal')).toEqual([]);
    expect(await found(db, 'acme')).toEqual([3]);
  });
});
