import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { APPLICATION_ID, MIGRATIONS } from '../../src/storage/migrations.js';
import { BIN, fileHash, run, tempDbPath, tempDir } from '../helpers.js';
import { giveToUser, runsAsRoot, spawnAsUser, startPerf, userId } from '../harness/as-user.js';

function folderOf(file: string): string[] {
  return fs.readdirSync(path.dirname(file)).sort();
}

/** An SQLite file made by `sql`, in WAL mode or not, closed so that only the file remains. */
function sqliteFile(sql: string, wal = false): string {
  const file = tempDbPath();
  const db = new Database(file);
  if (wal) db.pragma('journal_mode = WAL');
  db.exec(sql);
  db.close();
  return file;
}

/** A journal at `version` made by the program's own migrations. */
function journalAt(version: number): string {
  const file = tempDbPath();
  openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, version) }).close();
  return file;
}

async function expectNotAJournal(file: string): Promise<void> {
  const hash = fileHash(file);
  for (const args of [['notes'], ['log', 'Called Acme'], ['config', 'set', 'name', 'Jane']]) {
    const result = await run(args, { db: file });
    expect(result.stderr).toMatch(new RegExp(`^perf: ${file} is not a perf journal \\(.+\\); it was not changed\\n$`));
    expect(result.stderr).not.toMatch(/newer/);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(fileHash(file)).toBe(hash);
    expect(folderOf(file)).toEqual(['journal.db']);
  }
}

describe('another program’s SQLite file (defect 5)', () => {
  it.each([
    ['user_version 1', 'PRAGMA user_version = 1; CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);', false],
    ['user_version 2 in WAL mode', 'PRAGMA user_version = 2; CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT);', true],
    ['user_version 99', 'PRAGMA user_version = 99; CREATE TABLE contacts (id INTEGER PRIMARY KEY);', false],
    ['user_version 3 and no application id', 'PRAGMA user_version = 3; CREATE TABLE notes (id INTEGER PRIMARY KEY);', false],
    ['another application id and no tables', 'PRAGMA application_id = 1234; ', false],
    ['another application id and user_version 1', 'PRAGMA application_id = 1234; PRAGMA user_version = 1; CREATE TABLE t (x);', true],
  ])('with %s is refused untouched', async (_, sql, wal) => {
    await expectNotAJournal(sqliteFile(sql, wal));
  });

  it('with a version-1 journal’s tables but another application id is refused untouched', async () => {
    const file = journalAt(1);
    const db = new Database(file);
    db.pragma('application_id = 1234');
    db.close();
    await expectNotAJournal(file);
  });

  it('with user_version 2 but not our version-2 tables is refused untouched', async () => {
    const file = journalAt(1);
    const db = new Database(file);
    db.pragma('user_version = 2'); // version 2 has sqlite_sequence; these are version 1's tables
    db.close();
    await expectNotAJournal(file);
  });

  it('with our version-1 tables and one more is refused untouched', async () => {
    const file = journalAt(1);
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (id INTEGER PRIMARY KEY)');
    db.close();
    await expectNotAJournal(file);
  });

  it.each([1, 2])('a version-%i journal is still migrated, and marked as a journal', async (version) => {
    const file = journalAt(version);
    expect((await run(['log', 'Called Acme'], { db: file })).code).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    expect(folderOf(file)).toContain(`journal.db.bak-v${version}`);
  });

  it('a journal from a newer program is still called newer', async () => {
    const file = journalAt(MIGRATIONS.length);
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const hash = fileHash(file);
    expect((await run(['notes'], { db: file })).stderr).toMatch(/is from a newer perf-journal/);
    expect(fileHash(file)).toBe(hash);
    expect(folderOf(file)).toEqual(['journal.db']);
  });
});

describe('a kill during the backup before a migration (defect 7)', () => {
  it('never leaves an incomplete file under the backup’s name', async () => {
    const file = journalAt(1);
    const db = new Database(file);
    // Big enough that the copy takes a while, so the kill lands in the middle of it.
    db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
      INSERT INTO notes (date, text, created_at, updated_at) SELECT '2026-01-01', printf('%0500d', i), 'x', 'x' FROM n`);
    db.close();
    const folder = path.dirname(file);
    const child = startPerf(['notes'], { db: file });
    await new Promise<void>((resolve) => {
      const watcher = fs.watch(folder, (_, name) => {
        if (name?.includes('.bak')) {
          child.kill('SIGKILL');
          watcher.close();
        }
      });
      child.on('close', () => {
        watcher.close();
        resolve();
      });
    });
    const backup = `${file}.bak-v1`;
    if (fs.existsSync(backup)) {
      const copy = new Database(backup, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 60000 });
      copy.close();
    }
    // Whatever the kill left, the next run migrates and keeps every note.
    const again = await run(['notes', '--json', '--limit', '1'], { db: file });
    expect(again.code).toBe(0);
    expect(fs.existsSync(backup)).toBe(true);
  });
});

describe('a journal path that is not a regular file (defect 13)', () => {
  it.each([
    ['/dev/null', () => '/dev/null'],
    [
      'a folder',
      () => {
        const folder = path.join(tempDir(), 'journal.db');
        fs.mkdirSync(folder);
        return folder;
      },
    ],
    [
      'a FIFO',
      () => {
        const fifo = path.join(tempDir(), 'journal.db');
        execFileSync('mkfifo', [fifo]);
        return fifo;
      },
    ],
  ])('%s is refused with one line, exit 2, nothing created', (_, make) => {
    const target = make();
    const before = fs.readdirSync(path.dirname(target)).sort();
    for (const args of [['log', 'Called Acme'], ['notes']]) {
      // The real binary, with a time limit: opening a FIFO used to wait forever for a writer.
      const result = spawnSync(process.execPath, [BIN, ...args], {
        encoding: 'utf8',
        timeout: 10_000,
        env: { ...process.env, PERF_DB: target, NO_COLOR: '1' },
      });
      expect(result.stderr).toMatch(/^perf: .* is not a regular file \(.+\): the journal must be a file\n$/);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
    }
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(before);
  });

  it.skipIf(!runsAsRoot)('run as root, gives the migration backup to the journal’s owner', async () => {
    const file = journalAt(1);
    fs.chownSync(file, 65534, 65534);
    expect((await run(['notes'], { db: file })).code).toBe(0);
    const owner = fs.statSync(`${file}.bak-v1`);
    expect([owner.uid, owner.gid]).toEqual([65534, 65534]);
  });
});

describe('a journal path that is empty, blank or relative (defect 17)', () => {
  // The real binary with HOME and the current folder in temp folders: the old code used the
  // default journal (under HOME) or one under the current folder.
  function spawnWithout(
    env: Record<string, string | undefined>,
    args: string[] = [],
  ): { result: ReturnType<typeof spawnSync>; cwd: string; home: string } {
    const cwd = tempDir();
    const home = tempDir();
    const result = spawnSync(process.execPath, [BIN, 'log', 'Called Acme', ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, HOME: home, PERF_DB: undefined, XDG_DATA_HOME: undefined, NO_COLOR: '1', ...env },
    });
    return { result, cwd, home };
  }

  it('--db "" is refused', () => {
    const { result, cwd, home } = spawnWithout({}, ['--db', '']);
    expect(result.stderr).toBe("perf: --db is empty: give the journal's path, e.g. --db ~/journal.db\n");
    expect(result.status).toBe(2);
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('a blank PERF_DB is refused', () => {
    const { result, cwd, home } = spawnWithout({ PERF_DB: '  ' });
    expect(result.stderr).toBe('perf: PERF_DB is blank: set it to the journal’s path, or unset it to use the default journal\n');
    expect(result.status).toBe(2);
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('an empty HOME is refused, nothing created under the current folder', () => {
    const { result, cwd, home } = spawnWithout({ HOME: '' });
    expect(result.stderr).toBe('perf: HOME is empty, so there is no default journal: set HOME, or give one with --db or PERF_DB\n');
    expect(result.status).toBe(2);
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(fs.readdirSync(home)).toEqual([]);
  });

  it('a relative XDG_DATA_HOME is refused, nothing created under the current folder', () => {
    const { result, cwd, home } = spawnWithout({ XDG_DATA_HOME: 'data' });
    expect(result.stderr).toBe(
      'perf: XDG_DATA_HOME is not an absolute path ("data"): make it absolute, or give the journal with --db or PERF_DB\n',
    );
    expect(result.status).toBe(2);
    expect(fs.readdirSync(cwd)).toEqual([]);
    expect(fs.readdirSync(home)).toEqual([]);
  });
});

describe('journal permissions (defect 18)', () => {
  function userJournal(): string {
    const file = tempDbPath();
    giveToUser(path.dirname(file));
    expect(spawnAsUser(['log', 'First note'], { db: file }).code).toBe(0);
    return file;
  }

  it('a read-only run leaves nothing that keeps the journal unwritable once it is writable again', () => {
    const file = userJournal();
    fs.chmodSync(file, 0o400);
    const read = spawnAsUser(['notes'], { db: file });
    expect(read.stderr).toBe('');
    expect(read.stdout).toContain('First note');
    expect(folderOf(file)).toEqual(['journal.db']);
    fs.chmodSync(file, 0o600);
    const write = spawnAsUser(['log', 'Second note'], { db: file });
    expect(write.stderr).toBe('');
    expect(write.code).toBe(0);
  });

  it('a read-only journal file is named as such when writing', () => {
    const file = userJournal();
    fs.chmodSync(file, 0o400);
    const hash = fileHash(file);
    const result = spawnAsUser(['log', 'Second note'], { db: file });
    expect(result.stderr).toBe(
      `perf: cannot write the journal ${file}: the file is read-only (mode 0400, owner uid ${userId}): fix its permissions\n`,
    );
    expect(result.code).toBe(1);
    expect(fileHash(file)).toBe(hash);
  });

  it('bad input on a read-only journal is refused for what it is, the journal untouched', () => {
    const file = userJournal();
    fs.chmodSync(file, 0o400);
    const hash = fileHash(file);
    const result = spawnAsUser(['goals', 'done', 'nosuch'], { db: file });
    expect(result.stderr).toBe('perf: unknown goal "nosuch": name a goal by its id or slug (see perf goals --all)\n');
    expect(result.code).toBe(2);
    expect(fileHash(file)).toBe(hash);
    expect(folderOf(file)).toEqual(['journal.db']);
  });

  it('a read-only folder is named, not called damaged; reading still works', () => {
    const file = userJournal();
    fs.chmodSync(path.dirname(file), 0o500);
    try {
      const result = spawnAsUser(['log', 'Second note'], { db: file });
      expect(result.stderr).toBe(
        `perf: cannot write the journal ${file}: the folder ${path.dirname(file)} is read-only: fix its permissions\n`,
      );
      expect(result.code).toBe(1);
      const read = spawnAsUser(['notes'], { db: file });
      expect(read.stderr).toBe('');
      expect(read.stdout).toContain('First note');
    } finally {
      fs.chmodSync(path.dirname(file), 0o700);
    }
  });

  it('a -wal file the user cannot write is named', () => {
    const file = userJournal();
    fs.writeFileSync(`${file}-wal`, '');
    fs.chmodSync(`${file}-wal`, 0o400);
    if (runsAsRoot) fs.chownSync(`${file}-wal`, 0, 0);
    const result = spawnAsUser(['log', 'Second note'], { db: file });
    expect(result.stderr).toMatch(
      new RegExp(
        `^perf: cannot write the journal ${file}: the file ${file}-wal is not writable \\(mode 0400, owner uid \\d+\\): fix its permissions\\n$`,
      ),
    );
    expect(result.code).toBe(1);
  });
});
