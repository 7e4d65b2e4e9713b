/**
 * Import skips only the same record imported twice (issue 8, defect 6): each imported record
 * keeps the key it has in its source, so distinct records with the same content all arrive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDbPath, tempDir, stderrAfterCreating } from '../../helpers.js';

const JRNL_FIXTURE = '/work/shared/fixtures/jrnl-export.json';
const fixturePath = fs.existsSync(JRNL_FIXTURE)
  ? JRNL_FIXTURE
  : path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'fixtures', 'jrnl-export.json');

function writeJson(value: unknown): string {
  const file = path.join(tempDir(), 'import.json');
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

async function notes(db: string): Promise<any[]> {
  const result = await run(['notes', '--json', '--limit', '1000'], { db });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

async function importFile(db: string, file: string): Promise<any> {
  const result = await run(['import', file, '--json'], { db });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('jrnl entries (defect 6)', () => {
  const jrnl = JSON.parse(fs.readFileSync(fixturePath, 'utf8'));
  const entry = { title: 'Call with Acme.', body: 'Left a voicemail.', date: '2026-11-16', tags: [], starred: false };
  // Same day and title, different times: three calls; and an exact repeat in the file, kept as jrnl kept it.
  const entries = [
    ...jrnl.entries,
    { ...entry, time: '09:00' },
    { ...entry, time: '11:30' },
    { ...entry, time: '16:45' },
    { ...entry, time: '16:45' },
  ];
  const file = writeJson({ ...jrnl, entries });

  it('keeps entries that share date and title but not time, even into an empty journal', async () => {
    const db = tempDbPath();
    const first = await importFile(db, file);
    expect(first.added).toBe(entries.length);
    expect((await notes(db)).filter((n) => n.text.startsWith('Call with Acme.'))).toHaveLength(4);
  });

  it('skips every entry when the same file is imported again, and adds a new one', async () => {
    const db = tempDbPath();
    await importFile(db, file);
    const again = await importFile(db, file);
    expect(again).toMatchObject({ added: 0, skipped: entries.length });
    const more = await importFile(db, writeJson({ ...jrnl, entries: [...entries, { ...entry, time: '18:00' }] }));
    expect(more).toMatchObject({ added: 1, skipped: entries.length });
    expect(await notes(db)).toHaveLength(entries.length + 1);
  });
});

describe('perf exports (defect 6)', () => {
  async function journalWithTwins(): Promise<string> {
    const db = tempDbPath();
    for (let i = 0; i < 2; i++) expect((await run(['log', 'Called Acme', '-d', '2026-11-20'], { db })).code).toBe(0);
    return db;
  }

  it('keeps two identical notes with different ids when merged into another journal', async () => {
    const source = await journalWithTwins();
    const file = path.join(tempDir(), 'twins.json');
    expect((await run(['export', '-o', file], { db: source })).code).toBe(0);
    const target = tempDbPath();
    // Another moment than the source's notes: a record typed here is known by its id and creation instant.
    expect((await run(['log', 'something else'], { db: target, now: '2026-11-25T09:00:00' })).code).toBe(0);
    const merged = await importFile(target, file);
    expect(merged.counts.notes).toEqual({ added: 2, skipped: 0 });
    expect((await notes(target)).filter((n) => n.text === 'Called Acme')).toHaveLength(2);
    // The same records again are duplicates; so is the file imported into the journal it came from.
    expect((await importFile(target, file)).counts.notes).toEqual({ added: 0, skipped: 2 });
    expect((await importFile(source, file)).counts.notes).toEqual({ added: 0, skipped: 2 });
  });

  it('export -> import -> export round-trips source keys', async () => {
    const db = tempDbPath();
    await importFile(db, writeJson(JSON.parse(fs.readFileSync(fixturePath, 'utf8'))));
    const first = await run(['export'], { db });
    const dump = JSON.parse(first.stdout);
    expect(dump.notes.every((n: any) => typeof n.sourceKey === 'string' && n.sourceKey.startsWith('jrnl:'))).toBe(true);
    const copy = tempDbPath();
    const file = path.join(tempDir(), 'copy.json');
    fs.writeFileSync(file, first.stdout);
    expect((await importFile(copy, file)).mode).toBe('restore');
    const second = JSON.parse((await run(['export'], { db: copy })).stdout);
    expect({ ...second, exportedAt: null }).toEqual({ ...dump, exportedAt: null });
    // The copy still knows the jrnl entries it holds.
    expect((await importFile(copy, fixturePath)).added).toBe(0);
  });
});

describe('every table keeps source keys (defect 6)', () => {
  const instant = '2026-03-01T09:00:00.000Z';
  // Two records of each kind with the same content and different ids: distinct records, both kept.
  const twice = <T>(record: T) => [
    { ...record, id: 1 },
    { ...record, id: 2 },
  ];
  const file = () =>
    writeJson({
      format: 'perf-journal',
      version: 1,
      journalId: '0123456789abcdef0123456789abcdef',
      config: {},
      competencies: [{ id: 1, slug: 'negotiation', name: 'Negotiation', position: 1, createdAt: instant, updatedAt: instant }],
      goals: [
        { id: 1, slug: 'calls', title: 'Calls', baseline: 0, target: 100, start: '2026-01-01', createdAt: instant, updatedAt: instant },
        { id: 2, slug: 'calls-2', title: 'Calls', baseline: 0, target: 100, start: '2026-01-01', createdAt: instant, updatedAt: instant },
      ],
      goalCheckins: twice({ goalId: 1, date: '2026-03-02', kind: 'add', amount: 5, note: null, noteId: null, createdAt: instant }),
      ratings: twice({ competencyId: 1, date: '2026-03-02', rating: 3, source: 'self', ratedBy: null, note: null, createdAt: instant }),
      feedback: twice({
        date: '2026-03-02',
        from: 'Maria',
        relationship: 'manager',
        competencyId: null,
        text: 'Good call',
        createdAt: instant,
      }),
      development: twice({ title: 'Course', status: 'planned', createdAt: instant, updatedAt: instant }),
      checkins: twice({ date: '2026-03-02', note: 'Weekly', createdAt: instant }),
    });
  const tables = ['goals', 'goalCheckins', 'ratings', 'feedback', 'development', 'checkins'];

  it('keeps twin records of every table when merged, skips them all the second time, and exports their keys', async () => {
    const db = tempDbPath();
    expect((await run(['log', 'Already here'], { db })).code).toBe(0);
    const first = await importFile(db, file());
    for (const table of tables) expect(first.counts[table]).toEqual({ added: 2, skipped: 0 });
    const again = await importFile(db, file());
    for (const table of tables) expect(again.counts[table]).toEqual({ added: 0, skipped: 2 });
    const dump = JSON.parse((await run(['export'], { db })).stdout);
    for (const table of tables) {
      expect(dump[table].map((r: any) => r.sourceKey)).toEqual([
        `perf:0123456789abcdef0123456789abcdef:${table}:1:${instant}`,
        `perf:0123456789abcdef0123456789abcdef:${table}:2:${instant}`,
      ]);
    }
  });

  it('an export of the merged journal restores with the same keys and re-imports as duplicates', async () => {
    const db = tempDbPath();
    expect((await run(['log', 'Already here'], { db })).code).toBe(0);
    await importFile(db, file());
    const exported = path.join(tempDir(), 'merged.json');
    expect((await run(['export', '-o', exported], { db })).code).toBe(0);
    const copy = tempDbPath();
    expect((await importFile(copy, exported)).mode).toBe('restore');
    const before = JSON.parse(fs.readFileSync(exported, 'utf8'));
    const after = JSON.parse((await run(['export'], { db: copy })).stdout);
    expect({ ...after, exportedAt: null }).toEqual({ ...before, exportedAt: null });
    // The original file and the copy's own export are both known to the copy.
    expect((await importFile(copy, file())).added).toBe(0);
    expect((await importFile(copy, exported)).added).toBe(0);
  });

  it('keeps the rule for records without a key: one equal keyless record stands for one incoming record', async () => {
    const db = tempDbPath();
    // Typed here, so without a key, the same content as the file's two one-to-ones.
    expect((await run(['checkin', '--done', '--note', 'Weekly'], { db, now: '2026-03-02T10:00:00' })).code).toBe(0);
    const merged = await importFile(db, file());
    expect(merged.counts.checkins).toEqual({ added: 1, skipped: 1 });
  });
});

describe('journal identity (defect 6)', () => {
  it('records of two journals with the same ids and instants are not taken for each other', async () => {
    const now = '2026-11-20T10:00:00';
    const a = tempDbPath();
    const b = tempDbPath();
    expect((await run(['log', 'Called Acme'], { db: a, now })).code).toBe(0);
    expect((await run(['log', 'Called Globex'], { db: b, now })).code).toBe(0);
    const fromA = path.join(tempDir(), 'a.json');
    expect((await run(['export', '-o', fromA], { db: a })).code).toBe(0);
    expect((await importFile(b, fromA)).counts.notes).toEqual({ added: 1, skipped: 0 });
    expect((await notes(b)).map((n) => n.text).sort()).toEqual(['Called Acme', 'Called Globex']);
  });

  it('a restore into an empty journal keeps the identity of the journal it came from', async () => {
    const a = tempDbPath();
    expect((await run(['log', 'Called Acme', '-d', '2026-11-20'], { db: a })).code).toBe(0);
    const fromA = path.join(tempDir(), 'a.json');
    expect((await run(['export', '-o', fromA], { db: a })).code).toBe(0);
    const copy = tempDbPath();
    await importFile(copy, fromA);
    const idA = JSON.parse(fs.readFileSync(fromA, 'utf8')).journalId;
    expect(JSON.parse((await run(['export'], { db: copy })).stdout).journalId).toBe(idA);
    // A new journal has an identity of its own.
    const other = tempDbPath();
    expect((await run(['log', 'x'], { db: other })).code).toBe(0);
    expect(JSON.parse((await run(['export'], { db: other })).stdout).journalId).not.toBe(idA);
  });
});

describe('a record without a key is the same record only if every field is the same', () => {
  it('a rating by another person on the same day is added, not taken for the one the journal has', async () => {
    const source = tempDbPath();
    expect((await run(['rate', 'negotiation', '3', '--source', 'manager', '--by', 'Bob'], { db: source })).code).toBe(0);
    const file = path.join(tempDir(), 'export.json');
    fs.writeFileSync(file, (await run(['export'], { db: source })).stdout);
    const target = tempDbPath();
    expect((await run(['rate', 'negotiation', '3', '--source', 'manager', '--by', 'Maria'], { db: target })).code).toBe(0);
    expect((await run(['import', file], { db: target })).code).toBe(0);
    const ratings = JSON.parse((await run(['ratings', '--json'], { db: target })).stdout) as { by: string }[];
    expect(ratings.map((r) => r.by).sort()).toEqual(['Bob', 'Maria']);
  });
});
