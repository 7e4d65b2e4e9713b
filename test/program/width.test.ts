import { describe, expect, it } from 'vitest';
import { ACCEPT_DEFAULT, createScriptedPrompter } from '../../src/terminal/prompts.js';
import { run, tempDbPath, type RunResult } from '../helpers.js';
import { newJournal } from '../harness/journals.js';

const LONG_NAME = 'Strategic account planning and executive relationship building across the buying committee';
const LONG_PERSON = 'Bartholomew Montgomery-Wellington III, Chief Procurement Officer at Initech';
const LONG_MANAGER = 'Maria Lopez-Fernandez de la Vega y Castillo';
const LONG_TITLE = 'Executive presence workshop with the regional enablement team in Madrid, two days on site';
const LONG_TEXT = 'Jane mapped our whole buying committee and got us in front of the CFO, something nobody managed in three years';

function expectFits(args: readonly string[], result: RunResult): void {
  expect(result.stderr, args.join(' ')).toBe('');
  for (const line of result.stdout.split('\n')) {
    expect(line.length, `perf ${args.join(' ')}:\n${line}`).toBeLessThanOrEqual(80);
  }
}

/** Every command is run and its output checked, the set-up's confirmations included. */
async function check(db: string, args: string[]): Promise<void> {
  expectFits(args, await run(args, { db }));
}

describe('competencies, rate, feedback, dev and config in 80 columns', () => {
  it('fit with long names, titles, people and notes', async () => {
    const db = newJournal();
    for (const args of [
      ['competencies', 'add', LONG_NAME, '--description', `${LONG_TEXT}; ${LONG_TEXT}`, '--target', '4'],
      ['competencies', 'add', 'Forecasting accuracy for the quarterly business review with finance'],
      ['competencies', 'edit', 'forecasting', '--name', 'Forecasting accuracy for the monthly and quarterly business reviews with finance'],
      ['competencies', 'edit', 'forecasting', '--slug', 'forecasting-accuracy-for-the-monthly-and-quarterly-business'],
      ['config', 'set', 'manager', LONG_MANAGER],
      ['config', 'set', 'role', 'Senior Enterprise Account Executive, Strategic Accounts, EMEA North and Benelux'],
      ['rate', 'strategic', '3', '--source', 'manager', '--note', `${LONG_TEXT} and more`, '-d', '2026-06-30'],
      ['rate', 'strategic', '2', '--source', 'manager', '-d', '2026-04-02'],
      ['rate', 'strategic', '4', '--source', 'customer', '--by', LONG_PERSON, '-d', '2026-07-01'],
      ['rate', 'strategic', '3', '--source', 'peer', '--by', LONG_PERSON, '-d', '2026-03-01'],
      ['rate', 'negotiation', '2', '--note', LONG_TEXT],
      ['feedback', 'add', LONG_TEXT, '--from', LONG_PERSON, '--relationship', 'customers', '-c', 'strategic', '-d', '2026-11-20'],
      ['feedback', 'add', 'Short and sweet', '--from', 'Ana', '--relationship', 'peer'],
      ['dev', 'add', LONG_TITLE, '-c', 'strategic', '--due', '2026-11-01', '--assigned-by', `${LONG_MANAGER} (2026 appraisal)`],
      ['dev', 'add', 'Negotiation workshop', '-c', 'negotiation', '--assigned-by', '2026 appraisal', '--due', '2027-02-01'],
      ['dev', 'add', LONG_TITLE, '-c', 'forecasting', '--due', '2027-01-15', '--assigned-by', LONG_MANAGER],
      ['dev', 'start', '2', '-d', '2026-11-02'],
      ['dev', 'start', '1', '-d', '2026-10-01'],
      ['dev', 'drop', '1', '--note', `${LONG_TEXT}, so I will pick another`],
      ['dev', 'done', '2', '--note', LONG_TEXT],
      ['dev', 'start', '3'],
    ]) {
      await check(db, args);
    }
    // perf log is not one of these commands: only the note it links as evidence is shown here.
    const log = [
      'log',
      'Mapped the buying committee at Initech',
      '-a',
      'Initech Global Holdings International Corporation Limited (EMEA)',
      '-c',
      'strategic',
      '--type',
      'meeting',
    ];
    expect((await run(log, { db })).code).toBe(0);
    const views = [
      ['competencies'],
      ['competencies', 'show', 'strategic'],
      ['competencies', 'show', 'negotiation'],
      ['competencies', 'show', 'forecasting'],
      ['competencies', 'show', 'prospecting'],
      ['feedback'],
      ['feedback', '--by', 'nobody at all with a very long name that matches nothing in this journal', '--period', 'last-quarter'],
      ['feedback', 'show', '1'],
      ['dev'],
      ['dev', '--all'],
      ['config'],
      ['config', 'get', 'role'],
    ];
    for (const args of views) await check(db, args);
    await check(db, ['competencies', 'rm', 'strategic', '--force']);
  });

  it('fit in the walk-through of a manager appraisal', async () => {
    const db = newJournal();
    await check(db, ['competencies', 'add', LONG_NAME]);
    await check(db, ['rate', 'strategic', '4', '--source', 'manager', '-d', '2026-06-30']);
    const prompter = createScriptedPrompter([2, ...Array.from({ length: 11 }, () => ACCEPT_DEFAULT), 3]);
    const args = ['rate', '--source', 'manager', '--by', LONG_MANAGER, '--date', '2026-03-02', '--note', '2025 appraisal'];
    const result = await run(args, { db, tty: true, prompter });
    expectFits(args, result);
    expect(result.stdout).toContain('history');
  });

  it('fit in the empty state', async () => {
    const db = tempDbPath();
    for (const args of [['competencies'], ['competencies', 'show', 'negotiation'], ['feedback'], ['dev'], ['dev', '--all'], ['config']]) {
      await check(db, args);
    }
  });

  it.each([
    'rate',
    'competencies',
    'competencies list',
    'competencies show',
    'competencies add',
    'competencies edit',
    'competencies rm',
    'feedback',
    'feedback list',
    'feedback add',
    'feedback show',
    'dev',
    'dev list',
    'dev add',
    'dev start',
    'dev done',
    'dev drop',
    'config',
    'config list',
    'config get',
    'config set',
  ])('perf %s --help fits', async (command) => {
    const args = [...command.split(' '), '--help'];
    expectFits(args, await run(args));
  });
});
