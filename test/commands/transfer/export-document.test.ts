import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportJournal } from '../../../src/services/export.js';
import { openDatabase } from '../../../src/storage/db.js';
import { createStore } from '../../../src/storage/store.js';
import { terminalSafe } from '../../../src/terminal/inert.js';
import { newGoal } from '../../fixtures/records.js';
import { newJournal } from '../../harness/journals.js';
import { NOW, run, tempDir } from '../../helpers.js';

/**
 * `perf export` writes the notes and goal updates as SQLite makes their JSON, a chunk at a time,
 * and the rest by one JSON.stringify cut around them (issue 12): the whole document must be the
 * one built whole from the tables' objects, byte for byte. To a file exactly; to stdout with
 * what cannot reach a terminal made inert, as everything printed is.
 */
function journalWithEverything(): string {
  const file = newJournal();
  const store = createStore(openDatabase(file, { create: false }), true);
  try {
    store.transaction(() => {
      const [competency, other] = store.competencies.list();
      if (!competency || !other) throw new Error('the framework has competencies');
      const at = '2026-02-01T09:00:00.000Z';
      const [arr, logos] = [store.goals.insert(newGoal('arr'), at), store.goals.insert(newGoal('logos'), at)];
      const deal = store.deals.insert(
        {
          slug: 'acme-renewal',
          name: 'Acme “renewal”',
          account: 'Acme',
          value: 12_500.5,
          stage: 'proposal',
          status: 'open',
          expectedClose: '2026-03-01',
          closedOn: null,
          reason: null,
          externalId: 'SF-1',
        },
        at,
        'csv-deal:id:SF-1',
      );
      // More than one chunk of notes (2,000): the first all ASCII, the second not, and longer than
      // the 64 KiB slices stdout gets, with a character cut by the first slice's end.
      for (let i = 1; i <= 2100; i++) {
        const special = i % 300 === 0;
        const text =
          i === 2050
            ? `Unsafe: \u202e reversed, DEL \u007f, é 日本 😀 "quoted" \\ ${i}`
            : special
              ? `Called "Acme" about the \\renewal\\ ${i}`
              : i > 2000
                ? `日本語のメモ${'、売上'.repeat(80)} ${i}`
                : `note ${i}`;
        const id = store.notes.insert(
          {
            date: '2026-02-01',
            text,
            type: special ? 'call' : 'note',
            account: special ? 'Acme' : null,
            starred: i % 7 === 0,
            dealId: special ? deal : null,
          },
          at,
        );
        if (!special) continue;
        store.notes.setTags(id, ['q4', 'renewal', `t${i}`]);
        store.notes.linkGoal(id, logos);
        store.notes.linkGoal(id, arr);
        store.competencies.linkNote(id, [other.id, competency.id]);
      }
      for (const amount of [2, 0.1 + 0.2, 1e21, 12_500.75]) {
        store.goals.insertUpdate(
          { goalId: arr, date: '2026-02-02', kind: 'add', amount, note: amount === 2 ? 'two "more"' : null, noteId: null },
          at,
        );
      }
      store.ratings.insert(
        { competencyId: competency.id, date: '2026-02-03', rating: 4, source: 'manager', ratedBy: 'María', note: 'Good "discovery"' },
        at,
      );
      store.feedback.insert(
        { date: '2026-02-04', from: 'Zoë', relationship: 'customer', competencyId: null, text: 'Thanks — great call', starred: true },
        at,
      );
    });
  } finally {
    store.close();
  }
  return file;
}

describe('perf export (JSON): the streamed document is the one built whole', () => {
  const db = journalWithEverything();
  const whole = (() => {
    const store = createStore(openDatabase(db, { create: false }), true);
    try {
      return `${JSON.stringify(exportJournal(store, new Date(NOW)), null, 2)}\n`;
    } finally {
      store.close();
    }
  })();

  it('holds what the test means it to: two chunks of notes, links, a deal, goal updates, unsafe and non-ASCII text', () => {
    const dump = JSON.parse(whole);
    expect(dump.notes).toHaveLength(2100);
    expect(dump.notes.filter((note: { tags: string[] }) => note.tags.length > 0)).toHaveLength(7);
    expect(dump.deals).toHaveLength(1);
    expect(dump.notes.filter((note: { dealId: number | null }) => note.dealId === 1)).toHaveLength(7);
    expect(dump.goalCheckins.map((update: { amount: number }) => update.amount)).toEqual([2, 0.1 + 0.2, 1e21, 12_500.75]);
    expect(whole).toContain('\u202e');
    const bytes = Buffer.from(whole);
    const second = bytes.indexOf(',\n    {\n      "id": 2001,');
    expect(bytes.length - second).toBeGreaterThan(1 << 16);
    expect(bytes[second + (1 << 16)]! & 0xc0).toBe(0x80);
    expect(terminalSafe(whole, false)).not.toBe(whole);
  });

  it('to a file (-o), byte for byte', async () => {
    const out = path.join(tempDir(), 'export.json');
    expect((await run(['export', '-o', out], { db })).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(whole);
  });

  it('to stdout, with only what a terminal would act on made inert', async () => {
    const result = await run(['export'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(terminalSafe(whole, false));
    expect(result.stdout).toContain('<U+202E> reversed, DEL ^?, é 日本 😀 \\"quoted\\"');
  });
});
