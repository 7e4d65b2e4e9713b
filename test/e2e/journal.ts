import { expect } from 'vitest';
import { journalFixture } from '../harness/journals.js';
import { run } from '../helpers.js';

/** What the seeded journal holds, by id (NOW is Thursday 26 November 2026). */
export const SEEDED = [
  { id: 1, date: '2026-11-26', type: 'call', account: 'Acme', starred: false, tags: ['q4', 'renewal'], text: 'Called Acme about the renewal #renewal' },
  { id: 2, date: '2026-11-26', type: 'meeting', account: 'Globex', starred: false, tags: [], text: 'Pipeline review with Globex procurement' },
  { id: 3, date: '2026-11-20', type: 'win', account: 'Acme', starred: true, tags: ['renewal'], text: 'Signed Acme 3-year renewal, price increase accepted #renewal' },
  { id: 4, date: '2026-10-31', type: 'demo', account: 'Initech', starred: false, tags: ['demo'], text: 'Demo for Initech went well #demo' },
  { id: 5, date: '2026-10-01', type: 'learning', account: null, starred: false, tags: [], text: 'Learned about renewals pricing from Maria' },
  { id: 6, date: '2026-07-15', type: 'proposal', account: 'acme corp', starred: false, tags: [], text: 'Proposal to acme-corp for the expansion' },
  { id: 7, date: '2025-12-31', type: 'note', account: null, starred: false, tags: [], text: 'Year-end wrap-up' },
  { id: 8, date: '2026-01-01', type: 'challenge', account: 'Globex', starred: false, tags: ['risk'], text: 'Lost our champion at Globex #risk' },
] as const;

/** A journal with the notes above, logged through the program itself (once per test file). */
export const seededJournal = journalFixture(async (db) => {
  for (const note of SEEDED) {
    const args = ['log', note.text, '-d', note.date, '--type', note.type];
    if (note.account) args.push('-a', note.account);
    if (note.starred) args.push('-s');
    if (note.id === 1) args.push('-t', 'Q4');
    const result = await run(args, { db });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
});

/** The ids of the notes a `--json` listing printed, in order. */
export function idsOf(stdout: string): number[] {
  return (JSON.parse(stdout) as { id: number }[]).map((n) => n.id);
}
