import { describe, expect, it } from 'vitest';
import { journalFixture } from '../../harness/journals.js';
import { expectRefused, run } from '../../helpers.js';

const seed = journalFixture(async (db) => {
  for (const args of [
    ['log', 'Called about the renewal', '-a', 'acme corp'],
    ['log', 'Demo', '-a', 'ACME Corp'],
    ['log', 'Signed', '-a', 'Acme Corp'],
    ['log', 'Intro', '-a', 'Globex'],
    ['log', '訪問', '-a', 'Ｓｏｎｙ'],
  ]) {
    expect((await run(args, { db })).code).toBe(0);
  }
});

async function accounts(db: string): Promise<(string | null)[]> {
  const result = await run(['notes', '--json'], { db });
  return (JSON.parse(result.stdout) as { id: number; account: string | null }[]).sort((a, b) => a.id - b.id).map((n) => n.account);
}

describe('perf accounts rename', () => {
  it('merges every spelling of the old name, in any case, into the new one, and says how many notes changed', async () => {
    const db = await seed();
    const result = await run(['accounts', 'rename', 'ACME CORP', 'Acme Corp'], { db });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Renamed "acme corp", "ACME Corp" to "Acme Corp" on 2 notes. To reverse it: perf undo\n',
    });
    expect(await accounts(db)).toEqual(['Acme Corp', 'Acme Corp', 'Acme Corp', 'Globex', 'Ｓｏｎｙ']);
  });

  it('fixes a spelling, with --json, and perf undo reverses it in one step', async () => {
    const db = await seed();
    const before = (await run(['notes', '--json'], { db })).stdout;
    const result = await run(['accounts', 'rename', 'globex', 'Globex Inc', '--json'], { db });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ from: ['Globex'], to: 'Globex Inc', notes: 1 });
    expect(await accounts(db)).toEqual(['acme corp', 'ACME Corp', 'Acme Corp', 'Globex Inc', 'Ｓｏｎｙ']);
    expect((await run(['undo', '--yes'], { db })).code).toBe(0);
    expect((await run(['notes', '--json'], { db })).stdout).toBe(before);
    expect((await run(['notes', '--search', 'Globex', '--json'], { db })).stdout).toMatch(/"account": "Globex"/);
  });

  it('matches letters beyond ASCII without regard to case', async () => {
    const db = await seed();
    expect((await run(['accounts', 'rename', 'ｓｏｎｙ', 'Sony'], { db })).code).toBe(0);
    expect((await accounts(db))[4]).toBe('Sony');
  });

  it('perf notes -a finds an account in any case beyond ASCII too', async () => {
    const db = await seed();
    expect((await run(['log', 'Visit', '-a', 'Zürich Versicherung'], { db })).code).toBe(0);
    const ids = async (account: string) =>
      (JSON.parse((await run(['notes', '-a', account, '--json'], { db })).stdout) as { id: number }[]).map((n) => n.id).sort();
    expect(await ids('ZÜRICH')).toEqual([6]);
    expect(await ids('ｓｏｎｙ')).toEqual([5]);
    expect(await ids('acme')).toEqual([1, 2, 3]);
  });

  it.each([
    [
      ['accounts', 'rename', 'Initech', 'Initech Ltd'],
      /^perf: unknown account "Initech": no note has it \(any case\); see the accounts with perf accounts\n$/,
    ],
    [
      ['accounts', 'rename', 'acme corpp', 'Acme'],
      /^perf: unknown account "acme corpp": no note has it \(any case\); did you mean "acme corp"/,
    ],
    [['accounts', 'rename', 'Globex', 'Globex'], /^perf: nothing to rename: every note under "Globex" already says "Globex"\n$/],
    [['accounts', 'rename', 'Globex', '  '], /^perf: the new name for "Globex" is empty/],
  ])('refuses %j with exit 2 and writes nothing', async (args, message) => {
    await expectRefused(args, await seed(), message);
  });
});
