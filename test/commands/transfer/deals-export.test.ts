import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { journalFixture, newJournal } from '../../harness/journals.js';
import { dumpDb, expectRefused, run, stderrAfterCreating, tempDbPath, tempDir } from '../../helpers.js';

// What migration 8 added, every field of it: deals (one with an external id), notes about a
// deal, starred and constructive feedback, and a reflection. Feedback flags and reflections have
// no command in this branch yet, so they are written as the journal holds them.
const journal = journalFixture(async (db) => {
  for (const args of [
    ['deals', 'add', 'Acme renewal', '-a', 'Acme', '--value', '48000.5', '--stage', 'proposal', '--close', '2026-12-15'],
    ['deals', 'add', 'Hooli', '--value', '30000', '--lost', '2026-11-01', '--reason', 'Budget frozen', '--external-id', 'CRM-9'],
    ['log', 'Pricing call with Acme procurement', '--type', 'call', '--deal', 'acme-renewal', '-d', '2026-11-20'],
    ['log', 'A note about nothing in particular'],
    ['feedback', 'add', 'Great close on Acme', '--from', 'Maria', '--relationship', 'manager', '-d', '2026-11-02'],
    ['feedback', 'add', 'Qualify harder before demos', '--from', 'Maria', '--relationship', 'manager', '-d', '2026-11-03'],
  ]) {
    expect(stderrAfterCreating((await run(args, { db })).stderr, db)).toBe('');
  }
  const sqlite = new Database(db);
  sqlite.exec(`UPDATE feedback SET starred = 1 WHERE id = 1; UPDATE feedback SET constructive = 1 WHERE id = 2;
    INSERT INTO reflections (from_date, to_date, text, created_at, updated_at)
    VALUES ('2026-01-01', '2026-12-31', 'A year of held prices.', '2026-11-26T15:00:00.000Z', '2026-11-26T15:00:00.000Z');`);
  sqlite.close();
});

async function exportJson(db: string): Promise<any> {
  const result = await run(['export'], { db });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

function writeJson(value: unknown): string {
  const file = path.join(tempDir(), 'import.json');
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

const withoutTimestamp = ({ exportedAt: _, ...rest }: Record<string, unknown>) => rest;

describe('perf export (version 3): what migration 8 added', () => {
  it('holds deals, a note deal, feedback flags as booleans, and reflections', async () => {
    const dump = await exportJson(await journal());
    expect(dump.version).toBe(3);
    expect(dump.deals).toEqual([
      {
        id: 1,
        slug: 'acme-renewal',
        name: 'Acme renewal',
        account: 'Acme',
        value: 48000.5,
        stage: 'proposal',
        status: 'open',
        expectedClose: '2026-12-15',
        closedOn: null,
        reason: null,
        externalId: null,
        createdAt: '2026-11-26T15:00:00.000Z',
        updatedAt: '2026-11-26T15:00:00.000Z',
        sourceKey: null,
      },
      expect.objectContaining({
        id: 2,
        slug: 'hooli',
        status: 'lost',
        closedOn: '2026-11-01',
        reason: 'Budget frozen',
        externalId: 'CRM-9',
      }),
    ]);
    expect(dump.notes.map((n: { id: number; dealId: number | null }) => [n.id, n.dealId])).toEqual([
      [1, 1],
      [2, null],
    ]);
    expect(dump.feedback.map((f: { starred: boolean; constructive: boolean }) => [f.starred, f.constructive])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(dump.reflections).toEqual([
      {
        id: 1,
        from: '2026-01-01',
        to: '2026-12-31',
        text: 'A year of held prices.',
        createdAt: '2026-11-26T15:00:00.000Z',
        updatedAt: '2026-11-26T15:00:00.000Z',
        sourceKey: null,
      },
    ]);
  });

  it('round-trips: export, import into an empty journal, export again gives the same document and the same rows', async () => {
    const db = await journal();
    const first = await exportJson(db);
    const restored = tempDbPath();
    const result = await run(['import', writeJson(first), '--json'], { db: restored });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      mode: 'restore',
      counts: { deals: { added: 2, skipped: 0 }, reflections: { added: 1, skipped: 0 } },
    });
    expect(withoutTimestamp(await exportJson(restored))).toEqual(withoutTimestamp(first));
    expect(dumpDb(restored, { undoLog: false })).toEqual(dumpDb(db, { undoLog: false }));
  });

  it('adds nothing when the same export is imported again, into its own journal or into a copy made from it', async () => {
    const db = await journal();
    const file = writeJson(await exportJson(db));
    const again = await run(['import', file, '--json'], { db });
    expect(JSON.parse(again.stdout)).toMatchObject({ mode: 'merge', added: 0 });
    const other = newJournal();
    expect((await run(['log', 'Something else'], { db: other })).code).toBe(0);
    expect(JSON.parse((await run(['import', file, '--json'], { db: other })).stdout)).toMatchObject({
      mode: 'merge',
      counts: { deals: { added: 2 }, notes: { added: 2 }, feedback: { added: 2 }, reflections: { added: 1 } },
    });
    const before = dumpDb(other, { undoLog: false });
    expect(JSON.parse((await run(['import', file, '--json'], { db: other })).stdout)).toMatchObject({ added: 0 });
    expect(dumpDb(other, { undoLog: false })).toEqual(before);
    // The merged note is about the merged deal, under the id it got there.
    const merged = JSON.parse((await run(['deals', 'show', 'acme-renewal', '--json'], { db: other })).stdout);
    expect(merged.notes.map((n: { text: string }) => n.text)).toEqual(['Pricing call with Acme procurement']);
  });

  it('does not enter a deal twice when the journal has one with the same external id', async () => {
    const db = await journal();
    const file = writeJson(await exportJson(db));
    const other = newJournal();
    expect((await run(['deals', 'add', 'Hooli (from the CRM)', '--value', '31000', '--external-id', 'CRM-9'], { db: other })).code).toBe(0);
    const result = JSON.parse((await run(['import', file, '--json'], { db: other })).stdout);
    expect(result.counts.deals).toEqual({ added: 1, skipped: 1 });
    const deals = JSON.parse((await run(['deals', '--all', '--json'], { db: other })).stdout) as { externalId: string | null }[];
    expect(deals.filter((d) => d.externalId === 'CRM-9')).toHaveLength(1);
  });

  it('keeps a reflection the journal already has for the same range', async () => {
    const db = await journal();
    const dump = await exportJson(db);
    dump.reflections[0].text = 'Other words for the same year.';
    dump.reflections[0].sourceKey = 'elsewhere:1';
    const result = JSON.parse((await run(['import', writeJson(dump), '--json'], { db })).stdout);
    expect(result.counts.reflections).toEqual({ added: 0, skipped: 1 });
    expect((await exportJson(db)).reflections[0].text).toBe('A year of held prices.');
  });

  it('still imports a version 2 file, which has no deals, flags or reflections', async () => {
    const dump = await exportJson(await journal());
    const v2 = { ...dump, version: 2 };
    delete v2.deals;
    delete v2.reflections;
    v2.notes = dump.notes.map(({ dealId: _, ...note }: Record<string, unknown>) => note);
    v2.feedback = dump.feedback.map(({ starred: _, constructive: __, ...f }: Record<string, unknown>) => f);
    const restored = tempDbPath();
    const result = await run(['import', writeJson(v2), '--json'], { db: restored });
    expect(result.code).toBe(0);
    const again = await exportJson(restored);
    expect(again.deals).toEqual([]);
    expect(again.notes.map((n: { dealId: number | null }) => n.dealId)).toEqual([null, null]);
    expect(again.feedback.map((f: { starred: boolean }) => f.starred)).toEqual([false, false]);
  });

  it('refuses a note about a deal the file does not have, and a closed deal with no day (exit 2, nothing written)', async () => {
    const db = await journal();
    const dump = await exportJson(db);
    const target = newJournal();
    await expectRefused(
      ['import', writeJson({ ...dump, notes: [{ ...dump.notes[0], dealId: 7 }] })],
      target,
      /invalid dealId 7 in notes\[0\] \(id 1\): there is no deal with that id in the file/,
    );
    await expectRefused(
      ['import', writeJson({ ...dump, deals: [dump.deals[0], { ...dump.deals[1], closedOn: null }] })],
      target,
      /closedOn .*in deals\[1\] \(id 2\): a lost deal needs the day it closed/,
    );
  });
});

describe('perf export --format md', () => {
  it("names a note's deal beside its type", async () => {
    const md = (await run(['export', '--format', 'md'], { db: await journal() })).stdout;
    expect(md).toContain('### 2026-11-20 Pricing call with Acme procurement\n\n*call · deal acme-renewal*');
  });
});
