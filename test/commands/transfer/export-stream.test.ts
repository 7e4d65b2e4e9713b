import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRealisticYear } from '../../fixtures/realistic-year.js';
import { newJournal } from '../../harness/journals.js';
import { run, tempDbPath, tempDir } from '../../helpers.js';

/**
 * `perf export` to stdout writes the JSON as it reads the notes (issue 12); `-o` still builds the
 * document whole. Both must be the same text, byte for byte.
 */
async function bothWays(db: string): Promise<{ streamed: string; whole: string }> {
  const out = path.join(tempDir(), 'export.json');
  const streamed = await run(['export'], { db });
  expect(streamed.code).toBe(0);
  expect((await run(['export', '-o', out], { db })).code).toBe(0);
  return { streamed: streamed.stdout, whole: fs.readFileSync(out, 'utf8') };
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
