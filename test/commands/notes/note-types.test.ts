import { describe, expect, it } from 'vitest';
import { expectRefused, run, tempDbPath } from '../../helpers.js';
import { newJournal } from '../../harness/journals.js';

const OWN = 'call,email,demo,meeting,proposal,renewal,upsell,qbr,win,loss,learning,challenge,note';

async function ok(args: string[], db: string) {
  const result = await run(args, { db });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

describe('note types (issue 13 item 5)', () => {
  it('email is a built-in type, and -T is short for --type on log, notes and notes edit', async () => {
    const db = newJournal();
    const note = JSON.parse((await ok(['log', 'Sent Acme the proposal', '-T', 'email', '--json'], db)).stdout);
    expect(note.type).toBe('email');
    await ok(['log', 'Called Globex', '-T', 'call'], db);
    const emails = JSON.parse((await ok(['notes', '-T', 'email', '--json'], db)).stdout) as { text: string }[];
    expect(emails.map((n) => n.text)).toEqual(['Sent Acme the proposal']);
    const edited = JSON.parse((await ok(['notes', 'edit', '2', '-T', 'demo', '--json'], db)).stdout);
    expect(edited.type).toBe('demo');
  });

  it('note.types replaces the list: own types are accepted, types left out are refused naming the list', async () => {
    const db = newJournal();
    const set = await ok(['config', 'set', 'note.types', 'Call, email,RENEWAL,win,loss,note', '--json'], db);
    expect(JSON.parse(set.stdout)).toEqual({ 'note.types': 'call, email, renewal, win, loss, note' });
    expect(JSON.parse((await ok(['log', 'Acme renewed', '--type', 'renewal', '--json'], db)).stdout).type).toBe('renewal');
    await expectRefused(
      ['log', 'Demo for Initech', '--type', 'demo'],
      db,
      /^perf: unknown note type "demo": use one of call, email, renewal, win, loss, note \(your own types: perf config set note\.types\)\n$/,
    );
    await expectRefused(['notes', '--type', 'demo'], db, /^perf: unknown note type "demo": use one of call, email, renewal/);
    await expectRefused(['notes', 'edit', '1', '-T', 'qbr'], db, /^perf: unknown note type "qbr"/);
    expect(JSON.parse((await ok(['notes', '-T', 'renewal', '--json'], db)).stdout)).toHaveLength(1);
  });

  it('note, the default type, is accepted even when the list leaves it out', async () => {
    const db = newJournal();
    await ok(['config', 'set', 'note.types', 'call,renewal'], db);
    expect(JSON.parse((await ok(['log', 'Thought about pricing', '--json'], db)).stdout).type).toBe('note');
  });

  it('the whole suggested list of the issue is accepted', async () => {
    const db = newJournal();
    await ok(['config', 'set', 'note.types', OWN], db);
    for (const type of ['qbr', 'upsell', 'renewal']) await ok(['log', `A ${type}`, '-T', type], db);
    expect(JSON.parse((await ok(['config', 'get', 'note.types', '--json'], db)).stdout)).toBe(OWN.replaceAll(',', ', '));
  });

  it.each([
    ['', /^perf: invalid note\.types "": it names no type; use comma-separated lowercase words/],
    [' , ', /^perf: invalid note\.types " , ": it names no type/],
    ['call,two words', /^perf: invalid note\.types "call,two words": "two words" is not a word; use comma-separated lowercase words/],
    ['call;email', /^perf: invalid note\.types "call;email": "call;email" is not a word/],
    ['call,3d', /^perf: invalid note\.types "call,3d": "3d" is not a word/],
  ])('note.types %j is refused', async (value, message) => {
    await expectRefused(['config', 'set', 'note.types', value], newJournal(), message);
  });

  it('a list that leaves out a type notes still have is refused, naming the type and how many', async () => {
    const db = newJournal();
    await ok(['log', 'Demo for Initech', '--type', 'demo'], db);
    await ok(['log', 'Demo for Globex', '--type', 'demo'], db);
    await ok(['log', 'Mail to Acme', '--type', 'email'], db);
    await expectRefused(
      ['config', 'set', 'note.types', 'call,win'],
      db,
      /^perf: invalid note\.types "call,win": it leaves out demo \(2 notes\), email \(1 note\); keep them in the list, or change those notes first \(perf notes --type demo\)\n$/,
    );
    await ok(['config', 'set', 'note.types', 'renewal,demo,email'], db);
    await ok(['log', 'Renewal call', '-T', 'renewal'], db);
    await expectRefused(
      ['config', 'unset', 'note.types'],
      db,
      /^perf: cannot unset note\.types \(back to the built-in types\): it leaves out renewal \(1 note\)/,
    );
  });

  it('win, loss and challenge keep their meaning in the summary and check-in whether listed or not', async () => {
    const db = newJournal();
    await ok(['log', 'Signed Globex', '--type', 'win'], db);
    await ok(['log', 'Lost Initech on price', '--type', 'loss'], db);
    await ok(['config', 'set', 'note.types', 'call,renewal,win,loss,challenge'], db);
    const summary = JSON.parse((await ok(['summary', '--json'], db)).stdout) as { highlights: { text: string }[] };
    expect(summary.highlights.map((n) => n.text)).toEqual(['Signed Globex']);
    const checkin = JSON.parse((await ok(['checkin', '--json'], db)).stdout) as { challenges: { text: string }[] };
    expect(checkin.challenges.map((n) => n.text)).toEqual(['Lost Initech on price']);
  });

  it('--help lists the built-ins, names note.types, and opens no journal', async () => {
    const db = tempDbPath();
    for (const args of [
      ['log', '--help'],
      ['notes', '--help'],
      ['notes', 'edit', '--help'],
    ]) {
      const result = await run(args, { db, columns: 200 });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/-T, --type <type>/);
      expect(result.stdout.replace(/\s+/g, ' ')).toContain(
        'call, email, meeting, demo, proposal, win, loss, learning, challenge, note, or your own (perf config set note.types)',
      );
    }
    const { existsSync } = await import('node:fs');
    expect(existsSync(db)).toBe(false);
  });

  it('an export with an own type imports into a fresh journal, with the setting', async () => {
    const db = newJournal();
    await ok(['config', 'set', 'note.types', 'renewal,call'], db);
    await ok(['log', 'Acme renewed', '-T', 'renewal'], db);
    const dump = (await ok(['export'], db)).stdout;
    const { writeFileSync } = await import('node:fs');
    const file = `${tempDbPath()}.json`;
    writeFileSync(file, dump);
    const fresh = tempDbPath();
    const imported = await run(['import', file], { db: fresh });
    expect(imported.code).toBe(0);
    expect(JSON.parse((await ok(['notes', '-T', 'renewal', '--json'], fresh)).stdout)).toHaveLength(1);
  });
});
