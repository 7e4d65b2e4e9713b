import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { countSql, listSql, type NoteFilter } from '../../src/storage/notes-repo.js';
import { EXPORT_JSON_SQL } from '../../src/storage/export-json.js';
import { PERIOD_NOTES_SQL } from '../../src/storage/period-notes.js';
import { LATEST_RATINGS_SQL, PERIOD_RATINGS_SQL } from '../../src/storage/ratings-repo.js';
import { DEAL_FIRST_USE_SQL, NOTE_DAY_NUMBERS_SQL, NOTE_FIRST_USE_SQL } from '../../src/storage/report-repo.js';
import { newJournal } from '../harness/journals.js';

/**
 * The listing, search and summary queries must not read every note: on ten years of notes (26k)
 * a full scan is most of a command's time (issue 12). SQLite's plan names a full scan of a table
 * as `SCAN <table>` with no index; an index walked in order under a LIMIT stops early.
 */
function plan(sql: string): string[] {
  const db = new Database(newJournal(), { readonly: true });
  try {
    const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name, name === 'limit' ? 20 : 'x']));
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);
  } finally {
    db.close();
  }
}

/** The plan of the subquery that chooses a page's ids (named `page` in listSql), without the rest. */
function pageSubquery(sql: string): string[] {
  const db = new Database(newJournal(), { readonly: true });
  try {
    const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name, name === 'limit' ? 20 : 'x']));
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { id: number; parent: number; detail: string }[];
    const inPage = new Set(rows.filter((row) => /^(CO-ROUTINE|MATERIALIZE) page\b/.test(row.detail)).map((row) => row.id));
    for (const row of rows) if (inPage.has(row.parent)) inPage.add(row.id);
    return rows.filter((row) => inPage.has(row.id)).map((row) => row.detail);
  } finally {
    db.close();
  }
}

const fullScanOfNotes = (detail: string) => /^SCAN (n|notes)\b(?! USING (COVERING )?INDEX)/.test(detail);

const page: NoteFilter = { limit: 20 };
const queries: [string, string][] = [
  ['perf notes (a page)', listSql(page)],
  ['perf notes -q (a page of matches)', listSql({ ...page, match: '"renewal"*' })],
  ['perf notes -q (how many match)', countSql({ match: '"renewal"*' })],
  ['perf notes -t (a page)', listSql({ ...page, tag: 'q4' })],
  ['perf notes --period (a page)', listSql({ ...page, from: '2026-01-01', to: '2026-03-31' })],
  ['perf notes --period (how many)', countSql({ from: '2026-01-01', to: '2026-03-31' })],
  ['perf summary (the period’s notes)', listSql({ from: '2026-01-01', to: '2026-12-31', ascending: true })],
  ['perf status (the last note)', listSql({ limit: 1 })],
  ['perf summary (a period’s notes, batched)', PERIOD_NOTES_SQL.notes],
  ['perf summary (their tags)', PERIOD_NOTES_SQL.tags],
  ['perf summary (their goals)', PERIOD_NOTES_SQL.goals],
  ['perf summary (their competencies)', PERIOD_NOTES_SQL.competencies],
  ['perf summary (an account’s first spelling in notes)', NOTE_FIRST_USE_SQL],
  ['perf summary (an account’s first spelling in deals)', DEAL_FIRST_USE_SQL],
  // The export reads every note, a chunk at a time by rowid (its links by their keys).
  ['perf export (a chunk of notes)', EXPORT_JSON_SQL.notes],
];

describe('the queries of the listing, search and summary read no note outside what they show', () => {
  it.each(queries)('%s', (_, sql) => {
    const details = plan(sql);
    expect(details.length).toBeGreaterThan(0);
    expect(details.filter(fullScanOfNotes)).toEqual([]);
  });

  it('the summary reads the ratings of its period through their index, not all of them', () => {
    const details = plan(PERIOD_RATINGS_SQL);
    expect(details.some((detail) => /USING (COVERING )?INDEX ratings_competency/.test(detail))).toBe(true);
    expect(details.filter((detail) => /^SCAN (r|x|ratings)\b(?! USING (COVERING )?INDEX)/.test(detail))).toEqual([]);
  });

  it('the export walks the notes by rowid and each link table by its primary key, with no sort: the JSON is in that order', () => {
    // group_concat joins its items in the order they are read (export-json.ts).
    const details = plan(EXPORT_JSON_SQL.notes);
    expect(details).toEqual(
      expect.arrayContaining([
        'SEARCH n USING INTEGER PRIMARY KEY (rowid>?)',
        'SEARCH note_goals USING PRIMARY KEY (note_id=?)',
        'SEARCH note_tags USING PRIMARY KEY (note_id=?)',
        'SEARCH note_competencies USING PRIMARY KEY (note_id=?)',
      ]),
    );
    expect(details.filter((detail) => /TEMP B-TREE|AUTOMATIC/.test(detail))).toEqual([]);
  });

  it('perf competencies reads the ratings’ index for their order, and the table for the few it keeps', () => {
    const details = plan(LATEST_RATINGS_SQL);
    expect(details).toContain('SCAN ratings USING COVERING INDEX ratings_competency');
    expect(details.filter((detail) => /^SCAN (r|x|ratings)\b(?! USING (COVERING )?INDEX)/.test(detail))).toEqual([]);
  });

  it('a query with no index on its filter is seen as a full scan', () => {
    // The check itself can fail: a filter on a column with no index reads every note.
    expect(plan('SELECT id FROM notes n WHERE n.text = @text').some(fullScanOfNotes)).toBe(true);
  });

  it('a page of matches walks the notes by date and stops at the page: no sort of every match', () => {
    // A word in every note matched 26k notes, each looked up and sorted to keep 20 (~20 ms).
    for (const filter of [{ match: '"renewal"*' }, { trigram: '"売上目"' }]) {
      const details = pageSubquery(listSql({ ...page, ...filter }));
      expect(
        details.some((detail) => /^SCAN n USING (COVERING )?INDEX notes_date\b/.test(detail)),
        details.join(' | '),
      ).toBe(true);
      expect(details.filter((detail) => /TEMP B-TREE FOR ORDER BY/.test(detail))).toEqual([]);
    }
  });

  it('perf status reads the days with notes from the date index alone, in its order: no note, no sort', () => {
    const details = plan(NOTE_DAY_NUMBERS_SQL.replace('?', '@to'));
    expect(details).toEqual([expect.stringMatching(/^SEARCH notes USING COVERING INDEX notes_date \(date<\?\)$/)]);
  });

  it('a search alone is counted in its index, without looking up each match among the notes', () => {
    // Counting the 26k notes with a word in them looked each one up by id (~8 ms).
    expect(plan(countSql({ match: '"renewal"*' })).filter((detail) => /^(SCAN|SEARCH) n\b/.test(detail))).toEqual([]);
    // With another filter the notes are read, as they must be.
    expect(plan(countSql({ match: '"renewal"*', type: 'call' })).some((detail) => /^(SCAN|SEARCH) n\b/.test(detail))).toBe(true);
  });

  it('a page looks its notes up by id: the outer query walks no index of the notes', () => {
    // Joined with the notes first, SQLite walked all 26k notes by date and looked each one up among
    // the page's ids (~1.4 ms for perf notes -n 20 and for perf status's last note).
    for (const filter of [page, { limit: 1 }, { ...page, match: '"renewal"*' }, { ...page, tag: 'q4' }, { ...page, ascending: true }]) {
      const sql = listSql(filter);
      const inPage = new Set(pageSubquery(sql));
      const outer = plan(sql).filter((detail) => !inPage.has(detail));
      expect(
        outer.filter((detail) => /^SCAN n\b/.test(detail)),
        outer.join(' | '),
      ).toEqual([]);
      expect(outer).toContain('SEARCH n USING INTEGER PRIMARY KEY (rowid=?)');
    }
  });

  it('the links of a page are read for that page only: its ids are chosen first', () => {
    const details = plan(listSql({ ...page, match: '"renewal"*' }));
    // The outer query joins the page (a subquery of 20 ids) rather than sorting every match.
    expect(details.some((detail) => /^(SCAN|SEARCH|CO-ROUTINE|MATERIALIZE) page\b/.test(detail))).toBe(true);
  });
});
