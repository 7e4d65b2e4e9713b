import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectRefused, run, tempDbPath } from '../../helpers.js';
import { newJournal } from '../../harness/journals.js';

describe('perf log --competency', () => {
  it('links the note to competencies as evidence', async () => {
    const db = newJournal();
    const result = await run(['log', 'Held the price with Acme', '-c', 'clos', '--competency', 'negotiation', '-c', '5', '--json'], { db });
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 1, competencies: ['negotiation', 'closing'] });
    const logged = await run(['log', 'Asked for the order', '-c', 'closing'], { db });
    expect(logged.stdout).toBe('Logged · #2 · Thu 26 Nov 2026 · ◆ closing\n');
    const show = JSON.parse((await run(['competencies', 'show', 'closing', '--json'], { db })).stdout) as { notes: { id: number }[] };
    expect(show.notes.map((n) => n.id)).toEqual([2, 1]);
  });

  it('refuses an unknown or ambiguous competency, writing nothing', async () => {
    const db = newJournal();
    await run(['log', 'First note'], { db });
    await expectRefused(
      ['log', 'Second note', '-c', 'c'],
      db,
      /competency "c" is ambiguous: it matches closing, communication, collaboration/,
    );
    await expectRefused(['log', 'Second note', '-c', 'negotiation', '-c', 'haggle'], db, /unknown competency "haggle"/);
  });

  it('does not create the journal for a refused note', async () => {
    const db = tempDbPath();
    await expectRefused(['log', 'Note', '-c', 'nope'], db, /unknown competency "nope"/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('links a note read from stdin', async () => {
    const db = newJournal();
    const result = await run(['log', '-c', 'communication', '--json'], { db, input: 'Sent the recap within the hour\n' });
    expect(JSON.parse(result.stdout)).toMatchObject({ text: 'Sent the recap within the hour', competencies: ['communication'] });
  });
});

describe('perf notes edit --competency', () => {
  it('links and unlinks competencies', async () => {
    const db = newJournal();
    await run(['log', 'Demo for Initech', '-c', 'presentation'], { db });
    const edited = await run(['notes', 'edit', '1', '-c', 'product', '--remove-competency', 'pres', '--json'], { db });
    expect(JSON.parse(edited.stdout)).toMatchObject({ competencies: ['product-knowledge'] });
    await expectRefused(
      ['notes', 'edit', '1', '-c', 'p'],
      db,
      /competency "p" is ambiguous: it matches prospecting, presentation, pipeline-management, product-knowledge/,
    );
  });
});

describe('options belong to the command they follow', () => {
  it('gives `--json` after a subcommand to the subcommand', async () => {
    const db = newJournal();
    await run(['log', 'hello'], { db });
    expect(JSON.parse((await run(['notes', 'show', '1', '--json'], { db })).stdout)).toMatchObject({ id: 1, text: 'hello' });
  });

  it('lists only the global options that work after a command in its help', async () => {
    const help = (await run(['dev', 'done', '--help'])).stdout;
    expect(help).toMatch(/Global Options:\n {2}--db <path>[^\n]*\n(?: {10,}[^\n]*\n)* {2}--no-color[^\n]*\n(?: {10,}[^\n]*\n)*\n/);
    expect(help).not.toContain('--all');
  });

  it('still takes the global options anywhere', async () => {
    const db = newJournal();
    expect((await run(['log', 'hello', '--db', db, '--no-color'])).code).toBe(0);
    expect(JSON.parse((await run(['notes', '--json', `--db=${db}`])).stdout)).toHaveLength(1);
  });
});
