import type { Day } from '../domain/calendar.js';
import { singleGoal, type Note, type NoteGoal, type NoteType } from '../domain/notes.js';
import type { SearchJoin } from '../domain/search.js';
import type { Db } from './db.js';
import { onFirstUse } from './on-first-use.js';

interface NoteRow {
  id: number;
  date: string;
  text: string;
  type: string;
  account: string | null;
  starred: number;
  deal_id: number | null;
  deal_slug: string | null;
  goals_json: string;
  tags_json: string;
  competencies_json: string;
  created_at: string;
  updated_at: string;
}

export function rowToNote(row: NoteRow): Note {
  const goals = JSON.parse(row.goals_json) as NoteGoal[];
  return {
    id: row.id,
    date: row.date,
    text: row.text,
    tags: JSON.parse(row.tags_json) as string[],
    type: row.type as NoteType,
    account: row.account,
    starred: row.starred === 1,
    deal: row.deal_slug,
    dealId: row.deal_id,
    goals,
    ...singleGoal(goals),
    competencies: JSON.parse(row.competencies_json) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// One query gives a note with everything linked to it; lists reuse it with a WHERE clause.
const NOTE_COLUMNS = `
SELECT n.id, n.date, n.text, n.type, n.account, n.starred, n.deal_id, n.created_at, n.updated_at,
  (SELECT slug FROM deals WHERE id = n.deal_id) AS deal_slug,
  (SELECT json_group_array(json_object('goalId', id, 'slug', slug, 'progress', amount)) FROM (
     SELECT g.id, g.slug, c.amount FROM note_goals l JOIN goals g ON g.id = l.goal_id
     LEFT JOIN goal_checkins c ON c.note_id = l.note_id AND c.goal_id = l.goal_id AND c.kind = 'add'
     WHERE l.note_id = n.id ORDER BY g.id)) AS goals_json,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM note_tags WHERE note_id = n.id ORDER BY tag)) AS tags_json,
  (SELECT json_group_array(slug) FROM (
     SELECT k.slug FROM note_competencies nc JOIN competencies k ON k.id = nc.competency_id
     WHERE nc.note_id = n.id ORDER BY k.position, k.slug)) AS competencies_json`;
const SELECT_NOTE = `${NOTE_COLUMNS}
FROM notes n`;

export interface NoteFilter {
  from?: Day | null;
  to?: Day | null;
  tag?: string;
  goalId?: number;
  /** Notes about this deal. */
  dealId?: number;
  /** Notes linked to this competency as evidence. */
  competencyId?: number;
  account?: string;
  type?: NoteType;
  /** Notes on this month and day of any year, `MM-DD` (this day in history). */
  monthDay?: string;
  starred?: boolean;
  /** An FTS5 query, already made safe by `toFtsQuery`. */
  match?: string;
  /** An FTS5 query on the trigram index (CJK text), made safe by `toNoteSearch`. */
  trigram?: string;
  /** Strings each found inside the text or account (CJK searches shorter than a trigram). */
  contains?: readonly string[];
  /** How each of `contains` after the first joins the one before it (default AND). */
  containsJoins?: readonly SearchJoin[];
  limit?: number;
  /** Oldest first instead of newest first. */
  ascending?: boolean;
}

export interface NoteRecord {
  date: Day;
  text: string;
  type: NoteType;
  account: string | null;
  starred: boolean;
  /** The deal the note is about; undefined (a caller that knows of no deals) is none. */
  dealId?: number | null;
}

/** The WHERE clause (with its leading space) and parameters of a note filter. */
function whereOf(filter: NoteFilter, inDateOrder = false): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown) => {
    where.push(clause);
    params[name] = value;
  };
  if (filter.from) add('n.date >= @from', 'from', filter.from);
  if (filter.to) add('n.date <= @to', 'to', filter.to);
  if (filter.tag) add('EXISTS (SELECT 1 FROM note_tags t WHERE t.note_id = n.id AND t.tag = @tag)', 'tag', filter.tag);
  if (filter.goalId !== undefined)
    add('EXISTS (SELECT 1 FROM note_goals l WHERE l.note_id = n.id AND l.goal_id = @goalId)', 'goalId', filter.goalId);
  if (filter.competencyId !== undefined) {
    add(
      'EXISTS (SELECT 1 FROM note_competencies l WHERE l.note_id = n.id AND l.competency_id = @competencyId)',
      'competencyId',
      filter.competencyId,
    );
  }
  if (filter.dealId !== undefined) add('n.deal_id = @dealId', 'dealId', filter.dealId);
  // "-a acme" finds "Acme Corp": part of the name, any case (LIKE folds ASCII case).
  // LIKE folds only ASCII case; "-a zürich" and "-a ＳＯＮＹ" compare through perf_casefold instead.
  if (filter.account && /[^\x00-\x7f]/.test(filter.account)) {
    add('instr(perf_casefold(n.account), perf_casefold(@account)) > 0', 'account', filter.account);
  } else if (filter.account) add("n.account LIKE '%' || @account || '%' ESCAPE '\\'", 'account', filter.account.replace(/[\\%_]/g, '\\$&'));
  if (filter.type) add('n.type = @type', 'type', filter.type);
  if (filter.monthDay) add('substr(n.date, 6) = @monthDay', 'monthDay', filter.monthDay);
  if (filter.starred) where.push('n.starred = 1');
  // For a page, `+n.id` keeps SQLite from looking up every match by id and sorting them all: it
  // walks the date index instead, checks each id against the matches, and stops at the page's end
  // (a word in all 26k notes: ~21 -> 6 ms; a rare word pays ~0.6 ms more).
  const id = inDateOrder ? '+n.id' : 'n.id';
  if (filter.match) add(`${id} IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH @match)`, 'match', filter.match);
  if (filter.trigram)
    add(`${id} IN (SELECT rowid FROM notes_fts_trigram WHERE notes_fts_trigram MATCH @trigram)`, 'trigram', filter.trigram);
  if (filter.contains?.length) where.push(containsClause(filter.contains, filter.containsJoins ?? [], params));
  return { where: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}

// SQL's precedence (NOT, then AND, then OR) is FTS5's, so the terms join as a word search's do.
const SQL_JOINS: Readonly<Record<SearchJoin, string>> = { AND: 'AND', OR: 'OR', NOT: 'AND NOT' };

/** Each term found inside the text or account, joined by AND, OR or NOT as typed. */
function containsClause(terms: readonly string[], joins: readonly SearchJoin[], params: Record<string, unknown>): string {
  const found = terms.map((term, i) => {
    params[`contains${i}`] = term;
    return `(instr(lower(n.text), lower(@contains${i})) > 0 OR instr(lower(coalesce(n.account, '')), lower(@contains${i})) > 0)`;
  });
  return `(${found.map((clause, i) => (i === 0 ? clause : `${SQL_JOINS[joins[i - 1] ?? 'AND']} ${clause}`)).join(' ')})`;
}

/**
 * A page of notes: the page's ids are chosen first and the goals, tags and competencies are read
 * for those notes only. A search sorts its matches, and SQLite works out every column of every
 * row it sorts: 26k matches cost their links' lookups before 20 were kept (issue 12).
 */
export function listSql(filter: NoteFilter): string {
  const order = filter.ascending ? 'n.date ASC, n.id ASC' : 'n.date DESC, n.id DESC';
  if (filter.limit === undefined) return `${SELECT_NOTE}${whereOf(filter).where} ORDER BY ${order}`;
  const { where } = whereOf(filter, true);
  // The page comes first (CROSS JOIN fixes the order of the loops): joined the other way round,
  // SQLite walked every note by date and looked each one up among the page's ids (~1.4 ms for
  // the 20 newest of 26k notes, ~4 ms for a search's page; issue 12).
  return `${NOTE_COLUMNS}
FROM (SELECT n.id AS page_id FROM notes n${where} ORDER BY ${order} LIMIT @limit) page CROSS JOIN notes n ON n.id = page.page_id
ORDER BY ${order}`;
}

/** The query that counts the notes a filter matches (see count). */
export function countSql(filter: NoteFilter): string {
  const { where } = whereOf(filter);
  // A search alone is counted in its index, which has one row per note under the note's id (kept
  // by triggers): looking up each of 26k matches among the notes cost ~8 ms.
  if (filter.match && where === whereOf({ match: filter.match }).where)
    return 'SELECT count(*) AS n FROM notes_fts WHERE notes_fts MATCH @match';
  return `SELECT count(*) AS n FROM notes n${where}`;
}

export type NotesRepo = ReturnType<typeof createNotesRepo>;

export function createNotesRepo(db: Db) {
  const insert = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `INSERT INTO notes (date, text, type, account, starred, deal_id, created_at, updated_at)
     VALUES (@date, @text, @type, @account, @starred, @dealId, @now, @now)`,
    ),
  );
  const byId = onFirstUse(() => db.prepare<[number], NoteRow>(`${SELECT_NOTE} WHERE n.id = ?`));
  const update = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `UPDATE notes SET date = @date, text = @text, type = @type, account = @account, starred = @starred,
       deal_id = @dealId, updated_at = @now WHERE id = @id`,
    ),
  );
  const remove = onFirstUse(() => db.prepare<[number], void>('DELETE FROM notes WHERE id = ?'));
  const clearTags = onFirstUse(() => db.prepare<[number], void>('DELETE FROM note_tags WHERE note_id = ?'));
  const addTag = onFirstUse(() => db.prepare<[number, string], void>('INSERT OR IGNORE INTO note_tags (note_id, tag) VALUES (?, ?)'));
  const linkGoal = onFirstUse(() =>
    db.prepare<[number, number], void>('INSERT OR IGNORE INTO note_goals (note_id, goal_id) VALUES (?, ?)'),
  );
  // The goal update the note made on that goal goes with the link (note_goals is its parent).
  const unlinkGoal = onFirstUse(() => db.prepare<[number, number], void>('DELETE FROM note_goals WHERE note_id = ? AND goal_id = ?'));

  // Unicode case folding for SQL (SQLite's own lower() and LIKE fold only ASCII).
  db.function('perf_casefold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLocaleLowerCase() : text));
  return {
    ...createNoteVocabulary(db),
    insert(note: NoteRecord, now: string): number {
      const info = insert().run({ ...note, starred: note.starred ? 1 : 0, dealId: note.dealId ?? null, now }) as unknown as {
        lastInsertRowid: number | bigint;
      };
      return Number(info.lastInsertRowid);
    },
    update(id: number, note: NoteRecord, now: string): void {
      update().run({ ...note, starred: note.starred ? 1 : 0, dealId: note.dealId ?? null, id, now });
    },
    remove(id: number): void {
      remove().run(id);
    },
    setTags(id: number, tags: readonly string[]): void {
      clearTags().run(id);
      for (const tag of tags) addTag().run(id, tag);
    },
    linkGoal(id: number, goalId: number): void {
      linkGoal().run(id, goalId);
    },
    /** Unlinks a goal; the note's update of that goal goes too. */
    unlinkGoal(id: number, goalId: number): void {
      unlinkGoal().run(id, goalId);
    },
    /** The highest note id; prepared here, not with the others, as only `last` needs it. */
    newestId(): number | null {
      const row = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM notes').get();
      return row?.id ?? null;
    },
    get(id: number): Note | null {
      const row = byId().get(id);
      return row ? rowToNote(row) : null;
    },
    list(filter: NoteFilter = {}): Note[] {
      const sql = listSql(filter);
      return (
        db.prepare(sql).all({ ...whereOf(filter).params, ...(filter.limit === undefined ? {} : { limit: filter.limit }) }) as NoteRow[]
      ).map(rowToNote);
    },
    /** How many notes match, without loading them. */
    count(filter: NoteFilter = {}): number {
      return (db.prepare(countSql(filter)).get(whereOf(filter).params) as { n: number }).n;
    },
  };
}

/** The words the notes use: their types, tags and accounts, with counts (perf tags, perf accounts, config). */
function createNoteVocabulary(db: Db) {
  // perf accounts rename: the spellings in use, and one spelling given to the notes of several.
  const accountNames = onFirstUse(() => db.prepare<[], string>('SELECT DISTINCT account FROM notes WHERE account IS NOT NULL').pluck());
  const renameAccount = onFirstUse(() =>
    db.prepare<[string, string, string], void>('UPDATE notes SET account = ?, updated_at = ? WHERE account = ?'),
  );
  return {
    accountNames(): string[] {
      return accountNames().all();
    },
    /** Gives the notes under each of `from` the account `to`; how many notes changed. */
    renameAccount(from: readonly string[], to: string, now: string): number {
      return from.reduce((changed, name) => changed + renameAccount().run(to, now, name).changes, 0);
    },
    /** How many notes have each type (prepared on demand: only `config set note.types` asks). */
    typeCounts(): { type: string; count: number }[] {
      return db.prepare<[], { type: string; count: number }>('SELECT type, count(*) AS count FROM notes GROUP BY type ORDER BY type').all();
    },
    /** Each tag with its notes and the newest note's day (prepared on demand: only `perf tags` asks). */
    tagUsage(): { name: string; count: number; last: string }[] {
      return db
        .prepare<[], { name: string; count: number; last: string }>(
          'SELECT t.tag AS name, count(*) AS count, max(n.date) AS last FROM note_tags t JOIN notes n ON n.id = t.note_id GROUP BY t.tag',
        )
        .all();
    },
    /** Each account as spelled, with its notes, newest day and first use (for `perf accounts`). */
    accountSpellings(): { name: string; count: number; last: string; first: string; firstId: number }[] {
      return db
        .prepare<[], { name: string; count: number; last: string; first: string; firstId: number }>(
          `SELECT account AS name, count(*) AS count, max(date) AS last, min(date) AS first, min(id) AS firstId
           FROM notes WHERE account IS NOT NULL GROUP BY account`,
        )
        .all();
    },
  };
}
