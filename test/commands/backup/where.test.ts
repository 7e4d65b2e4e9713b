import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefused, filesBeside, run, spawnPerf, tempDbPath, tempDir } from '../../helpers.js';

/** Every file in the journal's folder, -wal and -shm included: `where` must leave none behind. */
function everyFile(db: string): string[] | null {
  const folder = path.dirname(db);
  return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : null;
}

async function ok(args: string[], db: string): Promise<string> {
  const result = await run(args, { db });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** A journal holding one or more of every kind of record. */
async function fullJournal(): Promise<string> {
  const db = tempDbPath();
  await ok(['log', 'Called Acme'], db);
  await ok(['log', 'Demo for Globex', '--type', 'demo'], db);
  await ok(['goals', 'add', 'Q4 ARR', '--target', '100000'], db);
  await ok(['goals', 'update', 'q4-arr', '25000'], db);
  await ok(['goals', 'update', 'q4-arr', '+5000'], db);
  await ok(['rate', 'negotiation', '3'], db);
  await ok(['feedback', 'add', 'Great demo', '--from', 'Maria', '--relationship', 'manager'], db);
  await ok(['dev', 'add', 'Negotiation course'], db);
  await ok(['checkin', '--done'], db);
  return db;
}

describe('perf where', () => {
  it('names a missing journal, says the first write creates it, and creates nothing', async () => {
    const db = path.join(tempDir(), 'typo', 'journal.db');
    const result = await run(['where'], { db });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: `No journal at ${db} (from PERF_DB): the first command that writes, such as perf log, creates it.\n`,
    });
    expect(fs.existsSync(path.dirname(db))).toBe(false);
  });

  it('--json on a missing journal: exists false, 0 bytes, counts null', async () => {
    const db = tempDbPath();
    const before = everyFile(db);
    const result = await run(['where', '--json'], { db });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ path: db, exists: false, bytes: 0, counts: null });
    expect(everyFile(db)).toEqual(before);
  });

  it('--json on a journal: its size and a count of every kind of record, changing nothing', async () => {
    const db = await fullJournal();
    const competencies = (JSON.parse(await ok(['competencies', '--json'], db)) as unknown[]).length;
    const before = everyFile(db);
    const bytes = fs.statSync(db).size;
    const result = await run(['where', '--json'], { db });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      path: db,
      exists: true,
      bytes,
      counts: { notes: 2, goals: 1, goalUpdates: 2, ratings: 1, feedback: 1, development: 1, oneToOnes: 1, competencies },
    });
    expect(competencies).toBeGreaterThan(0);
    expect(everyFile(db)).toEqual(before);
    expect(fs.statSync(db).size).toBe(bytes);
  });

  it('in text: the path and where it came from, the size and what the journal holds', async () => {
    const db = await fullJournal();
    const result = await run(['--db', db, 'where'], { env: { PERF_DB: undefined } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^Journal +${db.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(from --db\\)\nSize +\\d+\\.\\d KiB\nRecords +2 notes, 1 goal, 2 goal updates, 1 rating, 1 feedback, 1 development, 1 one-to-one, \\d+ competencies\n$`,
      ),
    );
  });

  it('an empty file at the path is named as such, with no counts', async () => {
    const db = tempDbPath();
    fs.writeFileSync(db, '');
    const result = await run(['where', '--json'], { db });
    expect(JSON.parse(result.stdout)).toEqual({ path: db, exists: true, bytes: 0, counts: null });
  });
});

describe('the first write that creates the journal', () => {
  it('says so on stderr, once, and stdout of log --json stays one JSON document', async () => {
    const db = path.join(tempDir(), 'new', 'journal.db');
    const first = await run(['log', '--json', 'Called Acme'], { db });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`Created a new journal at ${db}\n`);
    expect((JSON.parse(first.stdout) as { text: string }).text).toBe('Called Acme');
    const second = await run(['log', '--json', 'Called Globex'], { db });
    expect(second.stderr).toBe('');
    expect((JSON.parse(second.stdout) as { text: string }).text).toBe('Called Globex');
  });

  it('a refused first write creates nothing and says nothing of the kind', async () => {
    const db = tempDbPath();
    await expectRefused(['log', '--date', 'someday', 'Called Acme'], db, /someday/);
    expect(filesBeside(db)).toEqual([]);
  });

  it('an import into a missing journal says so too', async () => {
    const source = await fullJournal();
    const file = path.join(tempDir(), 'export.json');
    await run(['export', '-o', file], { db: source });
    const db = tempDbPath();
    const result = await run(['import', file], { db });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`Created a new journal at ${db}\n`);
  });
});

describe('perf where with neither --db nor PERF_DB', () => {
  it('says the path is the default one, and creates nothing there', () => {
    const home = tempDir();
    const data = path.join(home, 'data');
    const result = spawnPerf(['where'], { env: { PERF_DB: undefined, HOME: home, XDG_DATA_HOME: data } });
    expect(result).toEqual({
      code: 0,
      stdout: `No journal at ${path.join(data, 'perf-journal', 'journal.db')} (the default: no --db or PERF_DB): the first command that writes, such as perf log, creates it.\n`,
      stderr: '',
    });
    expect(fs.readdirSync(home)).toEqual([]);
  });
});
