import { describe, expect, it } from 'vitest';
import { ACCEPT_DEFAULT, createScriptedPrompter } from '../../src/terminal/prompts.js';
import { run, tempDbPath } from '../helpers.js';

/** Every command of competencies, rate, feedback, dev and config that changes the journal takes --json. */
describe('--json on the commands that change something', () => {
  async function journal(): Promise<string> {
    const db = tempDbPath();
    for (const args of [
      ['rate', 'negotiation', '3', '-d', '2026-10-01'],
      ['dev', 'add', 'Negotiation workshop', '-c', 'negotiation'],
      ['dev', 'add', 'Read SPIN Selling'],
      ['dev', 'add', 'Course that got cancelled'],
      ['competencies', 'add', 'Forecasting'],
    ]) {
      expect((await run(args, { db })).code).toBe(0);
    }
    return db;
  }

  it('prints exactly one JSON document for each', async () => {
    const db = await journal();
    for (const args of [
      ['rate', 'closing', '4', '--json'],
      ['competencies', 'add', 'Social selling', '--json'],
      ['competencies', 'edit', 'social', '--target', '4', '--json'],
      ['competencies', 'rm', 'forecasting', '--json'],
      ['feedback', 'add', 'Great demo', '--from', 'Maria', '--relationship', 'manager', '--json'],
      ['dev', 'add', 'Shadow Ana', '--json'],
      ['dev', 'start', '1', '--json'],
      ['dev', 'done', '1', '--note', 'Trading terms now', '--json'],
      ['dev', 'drop', '3', '--json'],
      ['config', 'set', 'manager', 'Maria', '--json'],
      ['config', 'unset', 'manager', '--json'],
    ]) {
      const result = await run(args, { db });
      expect(result.stderr, args.join(' ')).toBe('');
      expect(() => JSON.parse(result.stdout), args.join(' ')).not.toThrow();
    }
  });

  it('rate --json prints the rating with its competency', async () => {
    const db = await journal();
    const result = await run(['rate', 'negotiation', '4', '--source', 'manager', '--by', 'Maria', '--note', 'better', '--json'], { db });
    expect(JSON.parse(result.stdout)).toEqual({
      competency: 'negotiation',
      id: 2,
      date: '2026-11-26',
      rating: 4,
      source: 'manager',
      by: 'Maria',
      note: 'better',
    });
  });

  it('rate --json in a terminal prints the ratings answered as an array, and no header', async () => {
    const db = await journal();
    const prompter = createScriptedPrompter([
      2,
      ...Array.from({ length: 3 }, () => ACCEPT_DEFAULT),
      4,
      ...Array.from({ length: 8 }, () => ACCEPT_DEFAULT),
    ]);
    const result = await run(['rate', '--json'], { db, tty: true, prompter });
    expect(JSON.parse(result.stdout)).toEqual([
      { competency: 'prospecting', id: 2, date: '2026-11-26', rating: 2, source: 'self', by: null, note: null },
      { competency: 'negotiation', id: 3, date: '2026-11-26', rating: 4, source: 'self', by: null, note: null },
    ]);
    const none = createScriptedPrompter(Array.from({ length: 13 }, () => ACCEPT_DEFAULT));
    expect((await run(['rate', '--json'], { db, tty: true, prompter: none })).stdout).toBe('[]\n');
  });

  it('dev start, done and drop --json print the activity in the CLI.md shape', async () => {
    const db = await journal();
    expect(JSON.parse((await run(['dev', 'start', '1', '-d', 'yesterday', '--json'], { db })).stdout)).toMatchObject({
      id: 1,
      competency: 'negotiation',
      status: 'in-progress',
      startedAt: '2026-11-25',
      completedAt: null,
      outcome: null,
    });
    expect(JSON.parse((await run(['dev', 'done', '1', '--note', 'Trading terms now', '--json'], { db })).stdout)).toMatchObject({
      id: 1,
      status: 'done',
      completedAt: '2026-11-26',
      outcome: 'Trading terms now',
    });
    expect(JSON.parse((await run(['dev', 'drop', '2', '--note', 'No time', '--json'], { db })).stdout)).toMatchObject({
      id: 2,
      status: 'dropped',
      outcome: 'No time',
    });
  });

  it('competencies rm --json prints what was removed and what was unlinked', async () => {
    const db = await journal();
    const result = await run(['competencies', 'rm', 'negotiation', '--force', '--json'], { db });
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 5,
      slug: 'negotiation',
      latest: { rating: 3, date: '2026-10-01', source: 'self' },
      removedRatings: 1,
      unlinked: { feedback: 0, notes: 0, development: 1 },
    });
  });
});
