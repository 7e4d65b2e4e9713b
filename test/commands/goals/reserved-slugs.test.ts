import { describe, expect, it } from 'vitest';
import { expectRefused, run } from '../../helpers.js';
import { newJournal } from '../../harness/journals.js';

const WORDS = ['add', 'edit', 'rm', 'show', 'list', 'update', 'updates', 'done', 'drop', 'reopen', 'roll', 'history', 'last'];

async function slugOf(db: string, args: string[]): Promise<string> {
  const result = await run([...args, '--json'], { db });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout).slug;
}

describe('subcommand words are never goal slugs', () => {
  it.each(WORDS)('--slug %s is refused on add and edit', async (word) => {
    const db = newJournal();
    const message = new RegExp(
      `^perf: slug "${word}" is a command word \\(add, edit, rm, show, list, update, updates, done, drop, reopen, roll, history, last\\): choose another, e.g\\. goal-${word}\\n$`,
    );
    await expectRefused(['goals', 'add', 'Close new ARR', '--slug', word], db, message);
    await expectRefused(['goals', 'add', 'Close new ARR', '--slug', ` ${word.toUpperCase()} `], db, /is a command word/);
    expect((await run(['goals', 'add', 'Close new ARR', '--slug', 'arr'], { db })).code).toBe(0);
    await expectRefused(['goals', 'edit', 'arr', '--slug', word], db, message);
  });

  it('a title that slugifies to one gets goal- in front, then a number if that is taken', async () => {
    const db = newJournal();
    expect(await slugOf(db, ['goals', 'add', 'Update'])).toBe('goal-update');
    expect(await slugOf(db, ['goals', 'add', 'update!'])).toBe('goal-update-2');
    expect(await slugOf(db, ['goals', 'add', 'Last'])).toBe('goal-last');
    expect(await slugOf(db, ['goals', 'add', 'Last quarter'])).toBe('last-quarter');
    expect(await slugOf(db, ['goals', 'add', 'goal update', '--slug', 'goal-update-3'])).toBe('goal-update-3');
  });
});

describe('subcommand words are never competency slugs', () => {
  it('--slug is refused on add and edit', async () => {
    const db = newJournal();
    await expectRefused(
      ['competencies', 'add', 'Listening', '--slug', 'list'],
      db,
      /^perf: slug "list" is a command word \(add, .*\): choose another, e\.g\. competency-list\n$/,
    );
    await expectRefused(['competencies', 'edit', 'closing', '--slug', 'history'], db, /^perf: slug "history" is a command word/);
  });

  it('a name that slugifies to one gets competency- in front', async () => {
    const db = newJournal();
    expect(await slugOf(db, ['competencies', 'add', 'History'])).toBe('competency-history');
    expect(await slugOf(db, ['competencies', 'add', 'Show!'])).toBe('competency-show');
  });
});
