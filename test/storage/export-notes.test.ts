import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from '../../src/storage/db.js';
import { createStore } from '../../src/storage/store.js';
import { newGoal } from '../fixtures/records.js';

/** The export's notes are written by SQLite: the text must be JSON.stringify's, byte for byte. */
describe('the export writes the notes’ JSON in SQL, a chunk at a time', () => {
  const store = createStore(openMemoryDatabase(), false);
  const [competency, other] = store.competencies.list();
  if (!competency || !other) throw new Error('the framework has competencies');
  const goal = (slug: string) => store.goals.insert(newGoal(slug), '2026-01-01T00:00:00.000Z');
  const [arr, logos] = [goal('arr'), goal('logos')];
  // Every character JSON.stringify escapes or keeps, in a text, an account and a tag.
  const tricky = `quote " backslash \\ slash / tab \t nl \n cr \r ${String.fromCharCode(0, 1, 8, 12, 31, 127, 0x85)} \u2028 \u202e é 日本 😀`;
  // 4,100 notes: more than two chunks of 2,000, with links on either side of each boundary (note 2002 is removed).
  for (let i = 1; i <= 4100; i++) {
    const special = [1, 1999, 2000, 2001, 4000, 4001, 4100].includes(i);
    const id = store.notes.insert(
      {
        date: '2026-02-01',
        text: special ? `${tricky} ${i}` : `note ${i}`,
        type: 'win',
        account: special ? tricky : null,
        starred: i % 7 === 0,
      },
      '2026-02-01T00:00:00.000Z',
    );
    if (special) {
      store.notes.setTags(id, ['zeta', `t${i}`, 'alpha', tricky]);
      store.notes.linkGoal(id, logos);
      store.notes.linkGoal(id, arr);
      store.competencies.linkNote(id, [other.id, competency.id]);
    }
  }
  store.notes.remove(2002);

  it('gives every note once, in id order, in chunks, as JSON.stringify(note, null, 2) indented and joined', () => {
    const chunks: { json: string; notes: number }[] = [];
    store.journal.eachJsonChunk('notes', (json, notes) => chunks.push({ json: json.toString('utf8'), notes }));
    const notes = store.journal.notes();
    expect(notes).toHaveLength(4099);
    expect(chunks.map((chunk) => chunk.notes)).toEqual([2000, 2000, 99]);
    const texts = notes.map((note) => JSON.stringify(note, null, 2).replace(/\n/g, '\n    '));
    // The first chunk opens the array, the others carry the separator before their first note.
    expect(chunks.map((chunk) => chunk.json)).toEqual([
      `[\n    ${texts.slice(0, 2000).join(',\n    ')}`,
      `,\n    ${texts.slice(2000, 4000).join(',\n    ')}`,
      `,\n    ${texts.slice(4000).join(',\n    ')}`,
    ]);
    // The links are in the order the export sorts them in, whatever the order they were made in.
    expect(JSON.parse(`[${chunks[1]?.json.slice(1)}]`)[0]).toMatchObject({
      id: 2001,
      goalIds: [arr, logos],
      tags: [tricky, 'alpha', 't2001', 'zeta'].sort(),
      competencyIds: [competency.id, other.id].sort((a, b) => a - b),
    });
  });

  it('gives nothing for a journal with no notes', () => {
    const empty = createStore(openMemoryDatabase(), false);
    const chunks: Buffer[] = [];
    empty.journal.eachJsonChunk('notes', (json) => chunks.push(json));
    expect(chunks).toEqual([]);
  });
});
