import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJournal } from '../../../src/services/export.js';
import { openDatabase } from '../../../src/storage/db.js';
import { createStore } from '../../../src/storage/store.js';
import { buildRealisticYear } from '../../fixtures/realistic-year.js';
import { newJournal } from '../../harness/journals.js';
import { NOW, run, tempDbPath, tempDir } from '../../helpers.js';

/**
 * `perf export` writes the JSON as it reads the notes (issue 12), to stdout and with `-o` to the
 * file: both must be the document built whole (what `JSON.stringify` makes of it), byte for byte.
 */
async function bothWays(db: string): Promise<{ streamed: string; whole: string }> {
  const out = path.join(tempDir(), 'export.json');
  const streamed = await run(['export'], { db });
  expect(streamed.code).toBe(0);
  expect((await run(['export', '-o', out], { db })).code).toBe(0);
  expect(fs.readFileSync(out, 'utf8')).toBe(streamed.stdout);
  const store = createStore(openDatabase(db, { create: false }), true);
  try {
    return { streamed: streamed.stdout, whole: `${JSON.stringify(exportJournal(store, new Date(NOW)), null, 2)}\n` };
  } finally {
    store.close();
  }
}

describe('perf export to stdout, written as the notes are read', () => {
  it('is the same text as the document built whole, for a year of notes with tags, goals and competencies', async () => {
    const { streamed, whole } = await bothWays(buildRealisticYear(tempDbPath()));
    expect(JSON.parse(streamed).notes.length).toBeGreaterThan(100);
    expect(streamed).toBe(whole);
  });

  it('is the same text for a journal with no notes', async () => {
    const { streamed, whole } = await bothWays(newJournal());
    expect(JSON.parse(streamed).notes).toEqual([]);
    expect(streamed).toBe(whole);
  });

  it('is the same text for one note (no separator after the last)', async () => {
    const db = newJournal();
    expect((await run(['log', 'Called "Acme" about the renewal', '-t', 'q4', '--type', 'call'], { db })).code).toBe(0);
    const { streamed, whole } = await bothWays(db);
    expect(JSON.parse(streamed).notes).toHaveLength(1);
    expect(streamed).toBe(whole);
  });
});
