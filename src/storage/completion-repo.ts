import type Database from 'better-sqlite3';
import { connect } from './connect.js';

/** What shell completion offers from the journal. */
export type JournalValues = 'goal' | 'competency' | 'account' | 'tag' | 'type' | 'deal';

const QUERIES: Readonly<Record<JournalValues, string>> = {
  // Open goals first: they are the ones notes move.
  goal: "SELECT slug FROM goals ORDER BY status <> 'active', slug",
  competency: 'SELECT slug FROM competencies ORDER BY slug',
  // Every spelling, the first used first: the caller keeps one per account (lower() folds only ASCII).
  account: 'SELECT account FROM notes WHERE account IS NOT NULL GROUP BY account ORDER BY min(date), min(id)',
  tag: 'SELECT DISTINCT tag FROM note_tags ORDER BY tag',
  type: "SELECT value FROM config WHERE key = 'note.types'",
  deal: "SELECT slug FROM deals ORDER BY status <> 'open', slug",
};

/**
 * One small query on the journal opened read-only, for a Tab press: no migrations, no pragmas, no
 * backup. A missing, locked or older journal (no deals table) simply offers nothing.
 */
export function readJournalValues(file: string, kind: JournalValues): string[] | null {
  let db: Database.Database | undefined;
  try {
    db = connect(file, { readonly: true, fileMustExist: true });
    return db
      .prepare(QUERIES[kind])
      .raw()
      .all()
      .map((row) => String((row as unknown[])[0]));
  } catch {
    return null;
  } finally {
    db?.close();
  }
}
