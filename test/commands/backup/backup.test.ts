import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendar.js';
import { APPLICATION_ID, LATEST_VERSION } from '../../../src/storage/migrations.js';
import { createScriptedPrompter } from '../../../src/terminal/prompts.js';
import { dumpDb, expectRefused, fileHash, NOW, run, tempDbPath, tempDir } from '../../helpers.js';
import { backupsOf, damage, filesIn, foreignDatabase, modeOf, newerJournal, olderJournal } from '../../harness/journal-files.js';

async function journalWith(...texts: string[]): Promise<string> {
  const db = tempDbPath();
  for (const text of texts) expect((await run(['log', text], { db })).code).toBe(0);
  return db;
}

const at = (day: string) => `${day}T15:00:00`;

describe('perf backup', () => {
  it('copies the journal to a dated file in the backups folder, private to the user', async () => {
    const db = await journalWith('Called Acme');
    const result = await run(['backup'], { db });
    const file = path.join(backupsOf(db), 'journal-2026-11-26T150000.db');
    expect(result).toEqual({ code: 0, stderr: '', stdout: expect.stringMatching(/^Backed up the journal to .+ \(\d+\.\d KiB\)\.\n$/) });
    expect(result.stdout).toContain(file);
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(backupsOf(db))).toBe(0o700);
    expect(dumpDb(file)).toEqual(dumpDb(db));
    // One file: the copy does not depend on a write-ahead log beside it, and no temporary is left.
    expect(filesIn(backupsOf(db))).toEqual(['journal-2026-11-26T150000.db']);
  });

  it('--json prints the path, the size and the instant; a second backup in the same second gets its own name', async () => {
    const db = await journalWith('Called Acme');
    await run(['backup'], { db });
    const result = await run(['backup', '--json'], { db });
    const json = JSON.parse(result.stdout) as { path: string; bytes: number; at: string };
    expect(json).toEqual({
      path: path.join(backupsOf(db), 'journal-2026-11-26T150000-2.db'),
      bytes: fs.statSync(json.path).size,
      at: new Date(NOW).toISOString(),
    });
  });

  it('writes FILE, or a dated file inside a folder given as FILE', async () => {
    const db = await journalWith('Called Acme');
    const out = tempDir();
    expect((await run(['backup', path.join(out, 'copy.db')], { db })).code).toBe(0);
    expect(dumpDb(path.join(out, 'copy.db'))).toEqual(dumpDb(db));
    expect((await run(['backup', out], { db })).code).toBe(0);
    expect(filesIn(out)).toEqual(['copy.db', 'journal-2026-11-26T150000.db']);
  });

  it('refuses an existing FILE without --force, and with it replaces it privately', async () => {
    const db = await journalWith('Called Acme');
    const target = path.join(tempDir(), 'copy.db');
    fs.writeFileSync(target, 'an older copy', { mode: 0o644 });
    await expectRefused(['backup', target], db, /already exists: add --force to replace it/);
    expect(fs.readFileSync(target, 'utf8')).toBe('an older copy');
    expect((await run(['backup', target, '--force'], { db })).code).toBe(0);
    expect(dumpDb(target)).toEqual(dumpDb(db));
    expect(modeOf(target)).toBe(0o600);
  });

  it('never writes through a symbolic link, even with --force', async () => {
    const db = await journalWith('Called Acme');
    const folder = tempDir();
    const real = path.join(folder, 'real.txt');
    fs.writeFileSync(real, 'keep me');
    fs.symlinkSync(real, path.join(folder, 'link.db'));
    await expectRefused(['backup', path.join(folder, 'link.db'), '--force'], db, /it is a symbolic link/);
    expect(fs.readFileSync(real, 'utf8')).toBe('keep me');
    // A dangling link is refused too: writing would create the file it points to.
    fs.symlinkSync(path.join(folder, 'elsewhere.db'), path.join(folder, 'dangling.db'));
    await expectRefused(['backup', path.join(folder, 'dangling.db')], db, /it is a symbolic link/);
    expect(fs.existsSync(path.join(folder, 'elsewhere.db'))).toBe(false);
  });

  it('refuses a FIFO or a device instead of hanging on it', async () => {
    const db = await journalWith('Called Acme');
    const fifo = path.join(tempDir(), 'pipe');
    execFileSync('mkfifo', [fifo]);
    await expectRefused(['backup', fifo, '--force'], db, /not a regular file/);
    await expectRefused(['backup', '/dev/null', '--force'], db, /not a regular file/);
  });

  it('refuses a FILE in a folder that does not exist', async () => {
    const db = await journalWith('Called Acme');
    await expectRefused(['backup', path.join(tempDir(), 'no-such', 'copy.db')], db, /the folder .* does not exist/);
  });

  it('with no journal yet: one line, exit 1, and nothing is created', async () => {
    const db = tempDbPath();
    const result = await run(['backup'], { db });
    expect(result).toEqual({ code: 1, stdout: '', stderr: `perf: no journal at ${db} yet: nothing to back up\n` });
    expect(fs.existsSync(db)).toBe(false);
    expect(fs.existsSync(backupsOf(db))).toBe(false);
  });
});

describe('automatic backups', () => {
  it('the first write of a day backs up the journal as it was, once', async () => {
    const db = await journalWith('Created the journal');
    // The write that created the journal had nothing to back up.
    expect(filesIn(backupsOf(db))).toEqual([]);
    const before = dumpDb(db);
    expect(await run(['log', 'Second note'], { db })).toMatchObject({ code: 0, stderr: '' });
    const auto = path.join(backupsOf(db), 'journal-auto-2026-11-26.db');
    expect(filesIn(backupsOf(db))).toEqual(['journal-auto-2026-11-26.db']);
    expect(dumpDb(auto)).toEqual(before);
    expect(modeOf(auto)).toBe(0o600);
    const hash = fileHash(auto);
    await run(['log', 'Third note'], { db });
    await run(['goals', 'add', 'Close 10 deals', '--target', '10'], { db });
    expect(fileHash(auto)).toBe(hash);
  });

  it('read-only commands make none', async () => {
    const db = await journalWith('Created the journal');
    const tomorrow = at(addDays('2026-11-26', 1));
    for (const args of [['notes'], ['status'], ['goals'], ['config'], ['summary'], ['doctor'], ['notes', 'show', '1']]) {
      expect((await run(args, { db, now: tomorrow })).code).toBe(0);
    }
    expect(filesIn(backupsOf(db))).toEqual([]);
    await run(['log', 'A write'], { db, now: tomorrow });
    expect(filesIn(backupsOf(db))).toEqual(['journal-auto-2026-11-27.db']);
  });

  it('none when backup.auto is false', async () => {
    const db = await journalWith('Created the journal');
    expect((await run(['config', 'set', 'backup.auto', 'false'], { db })).code).toBe(0);
    // Setting it was itself the day's first write, backed up before the setting took effect.
    expect(filesIn(backupsOf(db))).toEqual(['journal-auto-2026-11-26.db']);
    fs.rmSync(backupsOf(db), { recursive: true });
    await run(['log', 'Next day'], { db, now: at('2026-11-27') });
    expect(fs.existsSync(backupsOf(db))).toBe(false);
    await run(['config', 'set', 'backup.auto', 'true'], { db, now: at('2026-11-28') });
    await run(['log', 'Back on'], { db, now: at('2026-11-29') });
    expect(filesIn(backupsOf(db))).toEqual(['journal-auto-2026-11-29.db']);
  });

  it('keeps the last 7 daily and 4 weekly backups, and never a manual one', async () => {
    const db = tempDbPath();
    const first = '2026-09-28';
    for (let i = 0; i < 60; i++) {
      const day = addDays(first, i);
      const created = i === 0 ? `Created a new journal at ${db}\n` : '';
      expect(await run(['log', `Day ${i + 1}`], { db, now: at(day) })).toMatchObject({ code: 0, stderr: created });
      if (i === 1) await run(['backup'], { db, now: at(day) });
    }
    const autos = filesIn(backupsOf(db)).filter((f) => f.includes('-auto-'));
    // 2026-11-26 is a Thursday: 7 days back to Friday 20 November (weeks of 16 and 23 November),
    // then the newest of each of the four weeks before: the Sundays 15, 8, 1 November and 25 October.
    const kept = [
      '2026-10-25',
      '2026-11-01',
      '2026-11-08',
      '2026-11-15',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ];
    expect(autos).toEqual(kept.map((d) => `journal-auto-${d}.db`));
    expect(filesIn(backupsOf(db))).toContain('journal-2026-09-29T150000.db');
  });

  it('follows backup.keep-daily and backup.keep-weekly', async () => {
    const db = tempDbPath();
    await run(['config', 'set', 'backup.keep-daily', '2'], { db, now: at('2026-11-01') });
    await run(['config', 'set', 'backup.keep-weekly', '0'], { db, now: at('2026-11-01') });
    for (const day of ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']) await run(['log', day], { db, now: at(day) });
    expect(filesIn(backupsOf(db))).toEqual(['journal-auto-2026-11-04.db', 'journal-auto-2026-11-05.db']);
  });

  it('a backups folder that cannot be written warns in one line, and the note is still saved', async () => {
    const db = await journalWith('Created the journal');
    // A file where the folder should be: fails for every user, root included.
    fs.writeFileSync(backupsOf(db), 'in the way');
    const result = await run(['log', 'Saved anyway'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Logged · #2/);
    expect(result.stderr).toMatch(
      /^perf: warning: today's automatic backup could not be written \(.+\); carrying on without it \(to turn automatic backups off: perf config set backup.auto false\)\n$/,
    );
    expect(dumpDb(db)).toContain('Saved anyway');
  });

  it.skipIf(process.getuid?.() === 0)('a read-only backups folder warns, and the note is still saved', async () => {
    const db = await journalWith('Created the journal');
    fs.mkdirSync(backupsOf(db), { mode: 0o500 });
    const result = await run(['log', 'Saved anyway'], { db });
    fs.chmodSync(backupsOf(db), 0o700);
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^perf: warning: today's automatic backup could not be written/);
    expect(dumpDb(db)).toContain('Saved anyway');
    expect(filesIn(backupsOf(db))).toEqual([]);
  });

  it("makes the day's backup on a write and none on a read, from a new folder on", async () => {
    const db = path.join(tempDir(), 'data', 'journal.db');
    expect((await run(['log', 'First'], { db })).code).toBe(0);
    expect((await run(['notes'], { db, now: '2026-11-27T09:00:00' })).code).toBe(0);
    expect(filesIn(backupsOf(db))).toEqual([]);
    const logged = await run(['log', 'Second'], { db, now: '2026-11-27T09:00:00' });
    expect(logged).toMatchObject({ code: 0, stderr: '' });
    expect(filesIn(backupsOf(db))).toEqual(['journal-auto-2026-11-27.db']);
    const backup = await run(['backup', '--json'], { db, now: '2026-11-27T10:00:00' });
    expect(backup.code).toBe(0);
    const json = JSON.parse(backup.stdout) as { path: string };
    expect(modeOf(json.path)).toBe(0o600);
    const doctor = await run(['doctor'], { db, now: '2026-11-27T10:00:00' });
    expect(doctor).toMatchObject({ code: 0, stderr: '' });
    expect(doctor.stdout).toContain(json.path);
  });
});

describe('perf restore', () => {
  it('replaces the journal with a checked backup, keeping the one it replaced', async () => {
    const db = await journalWith('Before the backup');
    const copy = path.join(tempDir(), 'copy.db');
    await run(['backup', copy], { db });
    await run(['log', 'After the backup'], { db });
    const replaced = dumpDb(db);
    const result = await run(['restore', copy, '--yes'], { db });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
    expect(dumpDb(db)).toEqual(dumpDb(copy));
    const kept = path.join(backupsOf(db), 'journal-before-restore-2026-11-26T150000.db');
    expect(result.stdout).toBe(
      `Restored the journal from ${copy}: 1 note, 0 goals, 0 goal updates, 0 ratings, 0 feedback, 0 development, 0 one-to-ones, 12 competencies.\nThe journal it replaced is kept at ${kept}.\n`,
    );
    expect(dumpDb(kept)).toEqual(replaced);
    expect(modeOf(db)).toBe(0o600);
    // The restored journal is used as it is from now on.
    expect((await run(['notes', '--json'], { db })).stdout).toContain('Before the backup');
    expect((await run(['notes', '--json'], { db })).stdout).not.toContain('After the backup');
  });

  it('restores over a stale write-ahead log without replaying it', async () => {
    const db = await journalWith('Old journal');
    const copy = path.join(tempDir(), 'copy.db');
    await run(['backup', copy], { db });
    // A process killed after writing leaves its -wal beside the journal, not yet folded in.
    const holder = new Database(db);
    holder.pragma('wal_autocheckpoint = 0');
    holder.prepare("INSERT INTO config (key, value) VALUES ('name', 'From the old log')").run();
    const wal = fs.readFileSync(`${db}-wal`);
    holder.close();
    fs.writeFileSync(`${db}-wal`, wal);
    const result = await run(['restore', copy, '--yes'], { db });
    expect(result.code).toBe(0);
    expect(dumpDb(db)).toEqual(dumpDb(copy));
  });

  it('asks in a terminal; no keeps the journal as it is', async () => {
    const db = await journalWith('Current');
    const copy = path.join(tempDir(), 'copy.db');
    await run(['backup', copy], { db });
    await run(['log', 'Newer'], { db });
    const before = fileHash(db);
    const declined = createScriptedPrompter([false]);
    expect(await run(['restore', copy], { db, tty: true, prompter: declined })).toEqual({
      code: 0,
      stdout: 'Kept the current journal.\n',
      stderr: '',
    });
    expect(declined.asked).toEqual([
      expect.stringMatching(
        /^Restore ".*copy\.db" \(1 note, .*\) and replace the journal at .*\? The current journal is kept as a backup\.$/,
      ),
    ]);
    expect(fileHash(db)).toBe(before);
    expect(fs.readdirSync(path.dirname(db)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const accepted = createScriptedPrompter([true]);
    expect((await run(['restore', copy], { db, tty: true, prompter: accepted })).code).toBe(0);
    expect(dumpDb(db)).toEqual(dumpDb(copy));
  });

  it('needs --yes when not in a terminal', async () => {
    const db = await journalWith('Current');
    const copy = path.join(tempDir(), 'copy.db');
    await run(['backup', copy], { db });
    const before = fileHash(db);
    await expectRefused(['restore', copy], db, /perf restore needs --yes when not run in a terminal/);
    expect(fileHash(db)).toBe(before);
  });

  it.each<[string, (file: string, db: string) => unknown, RegExp]>([
    [
      'a damaged backup',
      async (f, db) => damage((await run(['backup', f], { db }), f)),
      /^perf: cannot restore ".*": it is damaged \(.+\); the journal was not changed\n$/,
    ],
    ['a text file', (f) => fs.writeFileSync(f, 'hello\n'), /it is not a perf journal \(not an SQLite database\)/],
    ['an empty file', (f) => fs.writeFileSync(f, ''), /it is not a perf journal \(not an SQLite database\)/],
    [
      "another program's database with user_version 3",
      (f) => foreignDatabase(f, 3),
      /it is not a perf journal \(application id 0x00000000, a journal has 0x50455246\)/,
    ],
    ["another program's database with user_version 1", (f) => foreignDatabase(f, 1), /it is not a perf journal \(missing table /],
    [
      "another program's database with no version",
      (f) => foreignDatabase(f, 0),
      /it is not a perf journal \(it has no perf-journal schema\)/,
    ],
    [
      'a schema-2 file with a table a journal never had (perf would refuse to open it afterwards)',
      (f) => {
        olderJournal(f, 2, 'Looks like a journal');
        const other = new Database(f);
        other.exec('CREATE TABLE extra (x)');
        other.close();
      },
      /it is not a perf journal \(an SQLite database with user_version 2 and tables that are not a journal's\)/,
    ],
    [
      'a journal from a newer perf-journal',
      (f) => newerJournal(f),
      /it is from a newer perf-journal \(schema \d+, this program knows \d+\)/,
    ],
  ])('refuses %s, leaving the journal and the file untouched', async (_, make, message) => {
    const db = await journalWith('Current');
    const file = path.join(tempDir(), 'candidate.db');
    await make(file, db);
    const journalHash = fileHash(db);
    const fileBefore = fileHash(file);
    await expectRefused(['restore', file, '--yes'], db, message, { code: 1 });
    expect(fileHash(db)).toBe(journalHash);
    expect(fileHash(file)).toBe(fileBefore);
    // Nothing left beside the journal but what reading it (dumpDb) makes.
    expect(filesIn(path.dirname(db)).filter((f) => !/^journal\.db(-wal|-shm)?$|^backups$/.test(f))).toEqual([]);
    expect(filesIn(backupsOf(db)).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('a missing file is bad usage (exit 2), as for import', async () => {
    const db = await journalWith('Current');
    await expectRefused(['restore', path.join(tempDir(), 'nope.db'), '--yes'], db, /cannot restore ".*nope\.db", no such file/);
    await expectRefused(['restore', tempDir(), '--yes'], db, /it is a folder/);
  });

  it('restores an older-schema backup and upgrades it', async () => {
    const db = await journalWith('Current');
    const old = path.join(tempDir(), 'old.db');
    olderJournal(old, 2, 'From schema 2');
    const result = await run(['restore', old, '--yes'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Its schema was upgraded from version 2 to ${LATEST_VERSION}.`);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(check.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    check.close();
    expect((await run(['notes', '--json'], { db })).stdout).toContain('From schema 2');
  });

  it('makes a journal where there was none', async () => {
    const source = await journalWith('From elsewhere');
    const db = path.join(tempDir(), 'new', 'journal.db');
    const result = await run(['restore', source, '--yes', '--json'], { db });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ journal: db, keptAs: null, counts: { notes: 1 } });
    expect(dumpDb(db)).toEqual(dumpDb(source));
  });
});

describe('perf doctor', () => {
  it('reports a healthy journal: file, mode, size, schema, counts and the newest backup', async () => {
    const db = await journalWith('One', 'Two');
    await run(['backup'], { db, now: '2026-11-24T09:00:00' });
    const result = await run(['doctor'], { db });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const newest = path.join(backupsOf(db), 'journal-auto-2026-11-26.db');
    expect(result.stdout.split('\n')).toEqual([
      `Journal        ${db}`,
      'Mode           0600',
      expect.stringMatching(/^Size {11}\d+\.\d KiB$/),
      `Schema         version ${LATEST_VERSION} of ${LATEST_VERSION}, application id 0x50455246`,
      'Integrity      ok',
      'Records        2 notes, 0 goals, 0 goal updates, 0 ratings, 0 feedback, 0 development, 0 one-to-ones, 12 competencies',
      `Newest backup  ${newest} (today)`,
      '',
    ]);
    const json = JSON.parse((await run(['doctor', '--json'], { db })).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      path: db,
      exists: true,
      status: 'ok',
      mode: '0600',
      size: fs.statSync(db).size,
      version: LATEST_VERSION,
      applicationId: APPLICATION_ID,
      integrity: 'ok',
      counts: { notes: 2, goals: 0, goalUpdates: 0, ratings: 0, feedback: 0, development: 0, oneToOnes: 0, competencies: 12 },
      newestBackup: { path: newest, day: '2026-11-26', ageDays: 0 },
      advice: null,
    });
  });

  it('warns about a journal others can read', async () => {
    const db = await journalWith('One');
    fs.chmodSync(db, 0o644);
    const result = await run(['doctor'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Mode           0644 (others may read it: chmod 600 ${db})`);
  });

  it('a damaged journal: exit 1, and the exact command that restores the newest backup', async () => {
    const db = await journalWith('One');
    await run(['backup'], { db, now: '2026-11-20T09:00:00' });
    damage(db);
    const result = await run(['doctor'], { db });
    expect(result.code).toBe(1);
    const newest = path.join(backupsOf(db), 'journal-2026-11-20T090000.db');
    expect(result.stdout).toMatch(/^Integrity +DAMAGED: /m);
    expect(result.stdout).toContain(`Newest backup  ${newest} (6 days ago)`);
    expect(result.stdout).toContain(`What to do     restore the newest backup (the damaged file is kept): perf restore ${newest}`);
    expect(result.stderr).toBe(
      `perf: the journal ${db} is damaged: restore the newest backup (the damaged file is kept): perf restore ${newest}\n`,
    );
    // And that command works.
    expect((await run(['restore', newest, '--yes'], { db })).code).toBe(0);
    expect((await run(['doctor'], { db })).code).toBe(0);
  });

  it('a damaged journal: names the newest backup that is whole, not a newer copy of the damage', async () => {
    const db = await journalWith('One');
    await run(['backup'], { db, now: '2026-11-20T09:00:00' });
    damage(db);
    // A backup made after the damage is a copy of it: perf backup says so, in one line, exit 1.
    const copy = await run(['backup'], { db, now: '2026-11-25T09:00:00' });
    const damagedCopy = path.join(backupsOf(db), 'journal-2026-11-25T090000.db');
    expect(copy).toEqual({
      code: 1,
      stdout: '',
      stderr: `perf: the journal is damaged: ${damagedCopy} is a copy of it as it is, not a good backup; perf doctor says what to do\n`,
    });
    const result = await run(['doctor'], { db });
    const good = path.join(backupsOf(db), 'journal-2026-11-20T090000.db');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`perf restore ${good}`);
    expect((await run(['restore', good, '--yes'], { db })).code).toBe(0);
  });

  it("another program's file is not a journal: exit 1", async () => {
    const db = path.join(tempDir(), 'photos.db');
    foreignDatabase(db, 3);
    const result = await run(['doctor', '--json'], { db });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'not-a-journal', applicationId: 0 });
  });

  it('no journal yet: says where it would be, exit 0, creates nothing', async () => {
    const db = tempDbPath();
    const result = await run(['doctor'], { db });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: `No journal yet. It will be created at ${db} by the first command that writes, such as perf log.\nNewest backup: none yet (perf backup makes one)\n`,
    });
    expect(JSON.parse((await run(['doctor', '--json'], { db })).stdout)).toMatchObject({ exists: false, path: db, status: 'ok' });
    expect(fs.existsSync(path.dirname(db)) && fs.readdirSync(path.dirname(db))).toEqual([]);
  });
});

describe('backup settings', () => {
  it.each([
    [['config', 'set', 'backup.auto', 'maybe'], /invalid backup.auto "maybe": use true or false/],
    [['config', 'set', 'backup.keep-daily', '0'], /invalid backup.keep-daily "0": use a whole number from 1 to 1000/],
    [['config', 'set', 'backup.keep-weekly', '-1'], /invalid backup.keep-weekly "-1": use a whole number from 0 to 1000/],
  ])('refuses %j', async (args, message) => {
    const db = await journalWith('One');
    await expectRefused(args, db, message);
  });

  it('lists them with their defaults, backup.auto as a boolean in JSON', async () => {
    const db = tempDbPath();
    expect(JSON.parse((await run(['config', '--json'], { db })).stdout)).toMatchObject({
      'backup.auto': true,
      'backup.keep-daily': 7,
      'backup.keep-weekly': 4,
    });
    await run(['config', 'set', 'backup.auto', 'FALSE'], { db });
    expect((await run(['config', 'get', 'backup.auto', '--json'], { db })).stdout).toBe('false\n');
  });
});
