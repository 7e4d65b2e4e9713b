import { describe, expect, it } from 'vitest';
import { newJournal } from '../harness/journals.js';
import { expectRefused, run } from '../helpers.js';

/** An option that takes one value, given twice, would silently keep the last: it is refused. */
describe('an option given twice', () => {
  it.each([
    [['log', 'Called Acme', '-d', 'yesterday', '--date', 'today'], /--date given twice \("yesterday", "today"\): give it once/],
    [['log', 'Called Acme', '-a', 'Acme', '-a', 'Globex'], /--account given twice \("Acme", "Globex"\): give it once/],
    [['goals', 'add', 'Calls', '--target', '5', '--target', '50'], /--target given twice \("5", "50"\): give it once/],
    [['rate', 'negotiation', '3', '--source', 'self', '--source', 'manager'], /--source given twice/],
    [['notes', '-n', '5', '-n', 'all'], /--limit given twice \("5", "all"\): give it once/],
    [['--db', 'a.db', 'notes', '--db', 'b.db'], /--db given twice \("a.db", "b.db"\): give it once/],
  ])('refuses %j with one line, exit 2, nothing written', async (args, message) => {
    const db = await newJournal();
    await expectRefused(args, db, message);
  });

  it('still takes a repeatable option many times', async () => {
    const db = await newJournal();
    const result = await run(['log', 'Called Acme', '-t', 'a', '-t', 'b', '-c', 'closing', '-c', 'negotiation', '--json'], { db });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ tags: ['a', 'b'], competencies: expect.arrayContaining(['closing', 'negotiation']) });
  });
});
