import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createConfigRepo } from '../../src/storage/config-repo.js';
import { createDevelopmentRepo } from '../../src/storage/development-repo.js';
import { createGoalsRepo } from '../../src/storage/goals-repo.js';
import { createNotesRepo } from '../../src/storage/notes-repo.js';
import { onFirstUse } from '../../src/storage/on-first-use.js';

describe('onFirstUse', () => {
  it('makes its value on the first call only, and gives the same one after', () => {
    let made = 0;
    const value = onFirstUse(() => ({ made: ++made }));
    expect(made).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(made).toBe(1);
  });
});

describe('the repos prepare their statements when first run, not when made (issue 12)', () => {
  // On a database without the tables, preparing any of their statements fails: making the repo must not.
  it.each([
    ['goals', createGoalsRepo],
    ['notes', createNotesRepo],
    ['development', createDevelopmentRepo],
    ['config', createConfigRepo],
  ] as const)('%s', (_, create) => {
    const db = new Database(':memory:');
    try {
      expect(() => create(db)).not.toThrow();
      // The statement is prepared when the read runs: here it finds no table.
      expect(() => createGoalsRepo(db).list()).toThrow(/no such table: goals/);
    } finally {
      db.close();
    }
  });
});
