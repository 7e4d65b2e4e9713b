/**
 * Import skips only the same record imported twice (issue 8, defect 6): each imported record
 * keeps the key it has in its source, so distinct records with the same content all arrive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDbPath, tempDir } from '../../helpers.js';

const JRNL_FIXTURE = '/work/shared/fixtures/jrnl-export.json';
const fixturePath = fs.existsSync(JRNL_FIXTURE) ? JRNL_FIXTURE : path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'fixtures', 'jrnl-export.json');

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
  expect(result.stderr).toBe('');
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
