import { describe, it } from 'vitest';
import { journalFixture } from '../harness/journals.js';
import { expectRefused, run } from '../helpers.js';

/**
 * An edit that leaves a record exactly as it was changes nothing: it is refused like an edit with
 * no option (one line, exit 2), writes nothing, and leaves nothing in the undo log to reverse.
 */
const journal = journalFixture(async (db) => {
  for (const args of [
    ['goals', 'add', 'Q4 ARR', '--target', '100000', '--unit', 'USD', '--slug', 'q4-arr'],
    ['log', 'Called Acme', '--type', 'call', '-t', 'acme', '-c', 'closing', '--goal', 'q4-arr:5000'],
    ['rate', 'negotiation', '3'],
    ['feedback', 'add', 'Sharp demo', '--from', 'Ana', '--relationship', 'peer'],
    ['dev', 'add', 'Negotiation course', '--due', '2027-03-31'],
    ['checkin', '--done', '--note', 'Agreed on Acme'],
  ]) {
    const result = await run(args, { db });
    if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  }
});

describe('an edit that changes nothing', () => {
  it.each([
    [['notes', 'edit', '1', '--type', 'call'], /^perf: nothing to change: note #1 is already so\n$/],
    [['notes', 'edit', '1', '-t', 'acme', '--goal', 'q4-arr:5000'], /^perf: nothing to change: note #1 is already so\n$/],
    [['goals', 'edit', 'q4-arr', '--target', '100000'], /^perf: nothing to change: goal q4-arr is already so\n$/],
    [['ratings', 'edit', '1', '--rating', '3'], /^perf: nothing to change: rating #1 is already so\n$/],
    [['feedback', 'edit', '1', '--from', 'Ana'], /^perf: nothing to change: feedback #1 is already so\n$/],
    [['dev', 'edit', '1', '--due', '2027-03-31'], /^perf: nothing to change: development activity #1 is already so\n$/],
    [['checkin', 'edit', '1', '--note', 'Agreed on Acme'], /^perf: nothing to change: one-to-one #1 is already so\n$/],
    [['competencies', 'edit', 'negotiation', '--name', 'Negotiation'], /^perf: nothing to change: competency negotiation is already so\n$/],
  ])('refuses %j: one line, exit 2, nothing written', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });
});
