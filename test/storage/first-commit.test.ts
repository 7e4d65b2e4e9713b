import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';
import { tempDir } from '../helpers.js';
import { insertNote, pendingStore, textsIn } from '../harness/stores.js';

describe('a journal created by its first commit', () => {
  it('a transaction that fails creates neither the file nor its folder', () => {
    const file = path.join(tempDir(), 'new', 'journal.db');
    const store = pendingStore(file);
    expect(() =>
      store.transaction(() => {
        insertNote(store, 'refused');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    expect(store.persistent).toBe(false);
    expect(store.commits).toBe(0);
    store.close();
  });

  it('the first commit writes the file (0600, folder 0700, WAL, synchronous FULL), and later work goes to it', () => {
    const file = path.join(tempDir(), 'new', 'journal.db');
    const store = pendingStore(file);
    const seeded = store.competencies.list().map((c) => [c.id, c.slug]);
    store.transaction(() => insertNote(store, 'first'));
    expect(store.persistent).toBe(true);
    expect(store.commits).toBe(1);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => !name.startsWith('journal.db'))).toEqual([]);
    expect(store.competencies.list().map((c) => [c.id, c.slug])).toEqual(seeded);
    store.transaction(() => insertNote(store, 'second'));
    // Read through another connection: both commits are in the file.
    expect(textsIn(file)).toEqual(['first', 'second']);
    store.close();
    const db = openDatabase(file, { create: false });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('keeps the journal id made in memory', () => {
    const file = path.join(tempDir(), 'journal.db');
    const store = pendingStore(file);
    const id = store.journal.journalId();
    store.transaction(() => insertNote(store, 'first'));
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT journal_id FROM meta').pluck().get()).toBe(id);
    db.close();
  });

  it('when another process created the journal meanwhile, the work is done again in theirs', () => {
    const file = path.join(tempDir(), 'journal.db');
    const store = pendingStore(file);
    const theirs = createStore(openDatabase(file, { create: true }), true);
    theirs.transaction(() => insertNote(theirs, 'theirs'));
    theirs.close();
    store.transaction(() => insertNote(store, 'ours'));
    expect(textsIn(file)).toEqual(['theirs', 'ours']);
    store.close();
  });

  it('begin: a rollback creates nothing; a commit creates the file', () => {
    const file = path.join(tempDir(), 'new', 'journal.db');
    const store = pendingStore(file);
    const first = store.begin();
    insertNote(store, 'rolled back');
    first.rollback();
    expect(fs.existsSync(path.dirname(file))).toBe(false);
    const second = store.begin();
    insertNote(store, 'kept');
    // Streamed work goes to a hidden file beside the journal, not to memory: an import into a
    // missing journal stays as small as one into an existing journal.
    const hidden = fs.readdirSync(path.dirname(file)).filter((name) => name.startsWith('.journal.db.') && name.endsWith('.new'));
    expect(hidden).toHaveLength(1);
    expect(fs.existsSync(file)).toBe(false);
    second.commit();
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(store.commits).toBe(1);
    expect(textsIn(file)).toEqual(['kept']);
    store.close();
  });
});
