import { describe, expect, it } from 'vitest';
import { typedPrompter } from '../harness/typed-prompter.js';
import { dumpDb, run } from '../helpers.js';
import { newJournal } from '../harness/journals.js';

type Row = Record<string, unknown>;
function table(db: string, name: string): Row[] {
  return (JSON.parse(dumpDb(db) ?? '{}') as { dump: Record<string, Row[]> }).dump[name] ?? [];
}

// The seeded framework has twelve competencies; the walk-through asks about each in turn.
const COMPETENCIES = 12;
const enterRest = (answered: number) => Array.from({ length: COMPETENCIES - answered }, () => ['enter']);

describe('perf rate walk-through, typed as a person types', () => {
  it.each([1, 2, 3, 4, 5])('typing %i then Enter saves that rating', async (digit) => {
    const db = newJournal();
    const prompter = typedPrompter([[String(digit), 'enter'], ...enterRest(1)]);
    const result = await run(['rate'], { db, tty: true, prompter });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(table(db, 'ratings').map((r) => r.rating)).toEqual([digit]);
    expect(prompter.answered[0]).toMatch(new RegExp(`❯ ${digit}\\n`));
  });

  it('with a last rating, typing a digit still picks that rating, and Enter alone keeps the last', async () => {
    const db = newJournal();
    expect((await run(['rate', 'prospecting', '2', '-d', '2026-10-01'], { db })).code).toBe(0);
    const prompter = typedPrompter([['enter'], ['4', 'enter'], ...enterRest(2)]);
    expect((await run(['rate'], { db, tty: true, prompter })).code).toBe(0);
    expect(table(db, 'ratings').map((r) => [r.competency_id, r.rating])).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(prompter.screens[0]).toContain('keep 2 (no new rating)');
  });

  it('follows scale.max: typing 7 on a scale of 7 saves 7', async () => {
    const db = newJournal();
    await run(['config', 'set', 'scale.max', '7'], { db });
    const prompter = typedPrompter([['7', 'enter'], ...enterRest(1)]);
    expect((await run(['rate'], { db, tty: true, prompter })).code).toBe(0);
    expect(table(db, 'ratings').map((r) => r.rating)).toEqual([7]);
  });

  it('arrow keys still move through the ratings', async () => {
    const db = newJournal();
    // From "skip" (the default, after the ratings) down wraps to 1, then down to 2.
    const prompter = typedPrompter([['down', 'down', 'enter'], ...enterRest(1)]);
    expect((await run(['rate'], { db, tty: true, prompter })).code).toBe(0);
    expect(table(db, 'ratings').map((r) => r.rating)).toEqual([2]);
  });
});

describe('other prompts, typed as a person types', () => {
  it('perf log: the digit typed at a list picks the choice shown with that number', async () => {
    const db = newJournal();
    await run(['goals', 'add', 'New ARR', '--slug', 'arr'], { db });
    const prompter = typedPrompter([
      ['Called Acme', 'enter'],
      ['enter'],
      ['2', 'enter'],
      ['enter'],
      ['enter'],
      ['2', 'enter'],
      ['enter'],
      ['enter'],
    ]);
    const result = await run(['log'], { db, tty: true, prompter });
    expect(result.stderr).toBe('');
    // Each list shows its numbers; after typing 2 the cursor is on the choice numbered 2, and that is saved.
    const typeShown = /❯ 2\. (\w+)/.exec(prompter.answered[2] ?? '')?.[1];
    const goalShown = /❯ 2\. (.+) \((\S+)\)/.exec(prompter.answered[5] ?? '')?.[2];
    expect(typeShown).toBeDefined();
    expect(goalShown).toBe('arr');
    const [note] = table(db, 'notes');
    expect(note).toMatchObject({ type: typeShown, text: 'Called Acme' });
    expect(table(db, 'goals').map((g) => [g.id, g.slug])).toEqual([[table(db, 'note_goals')[0]?.goal_id, 'arr']]);
  });

  it('perf notes rm: the question shows the note on one line, with its control characters inert', async () => {
    const db = newJournal();
    await run(['log', 'Call\u001b]0;pwned\u0007 with\u202eAcme'], { db });
    const prompter = typedPrompter([['n', 'enter']]);
    const result = await run(['notes', 'rm', '1'], { db, tty: true, prompter });
    expect(result).toEqual({ code: 130, stdout: '', stderr: 'perf: kept it: nothing was deleted\n' });
    expect(prompter.screens[0]).toContain('Call^[]0;pwned^G with<U+202E>Acme');
    expect(table(db, 'notes')).toHaveLength(1);
  });
});
