import type { DumpNote, KeyedTable } from '../domain/journal-dump.js';
import type Database from 'better-sqlite3';
import type { Db } from './db.js';
import { NOTE_COLUMNS, noteOf, type NoteRow } from './dump-note-row.js';

/**
 * The export's keys for goal updates and one-to-ones (`goalCheckins`, `checkins`) and their SQL
 * tables (`goal_checkins`, `checkins`) keep the names they had when "check-in" meant both. Scripts
 * read those keys, the source keys of imported rows are built from them, and renaming a table needs
 * a migration; only the TypeScript names say "update" and "one-to-one".
 */
const SQL_TABLES: Record<KeyedTable, string> = {
  goals: 'goals',
  deals: 'deals',
  notes: 'notes',
  goalCheckins: 'goal_checkins',
  ratings: 'ratings',
  feedback: 'feedback',
  development: 'development',
  checkins: 'checkins',
  reflections: 'reflections',
};

/** What makes two records without a source key the same record, by field (see keylessMatches). */
export interface RecordContent {
  goalCheckins: { goalId: number; date: string; kind: string; amount: number; note: string | null };
  ratings: { competencyId: number; date: string; rating: number; source: string; ratedBy: string | null; note: string | null };
  feedback: { date: string; from: string; relationship: string; competencyId: number | null; text: string };
  development: {
    title: string;
    competencyId: number | null;
    assignedBy: string | null;
    due: string | null;
    status: string;
    startedOn: string | null;
    startNote: string | null;
    completedOn: string | null;
    outcome: string | null;
  };
  checkins: { date: string; note: string | null };
  deals: {
    name: string;
    account: string | null;
    value: number;
    stage: string | null;
    status: string;
    expectedClose: string | null;
    closedOn: string | null;
    reason: string | null;
  };
}

/** The column behind each field of RecordContent: the only place its SQL names are known. */
const CONTENT_COLUMNS: { [T in keyof RecordContent]: Record<keyof RecordContent[T], string> } = {
  goalCheckins: { goalId: 'goal_id', date: 'date', kind: 'kind', amount: 'amount', note: 'note' },
  ratings: { competencyId: 'competency_id', date: 'date', rating: 'rating', source: 'source', ratedBy: 'rated_by', note: 'note' },
  feedback: { date: 'date', from: 'from_name', relationship: 'relationship', competencyId: 'competency_id', text: 'text' },
  development: {
    title: 'title',
    competencyId: 'competency_id',
    assignedBy: 'assigned_by',
    due: 'due_date',
    status: 'status',
    startedOn: 'started_on',
    startNote: 'start_note',
    completedOn: 'completed_on',
    outcome: 'outcome',
  },
  checkins: { date: 'date', note: 'note' },
  deals: {
    name: 'name',
    account: 'account',
    value: 'value',
    stage: 'stage',
    status: 'status',
    expectedClose: 'expected_close',
    closedOn: 'closed_on',
    reason: 'reason',
  },
};

/** How an import finds a record the journal already holds: by source key, by id and instant, or by content. */
export function createRecordLookups(db: Db) {
  const byTable = <T>(make: (table: string) => T) => {
    const made = new Map<KeyedTable, T>();
    return (table: KeyedTable): T => {
      let value = made.get(table);
      if (value === undefined) {
        value = make(SQL_TABLES[table]);
        made.set(table, value);
      }
      return value;
    };
  };
  const sourceKeys = byTable((t) =>
    db.prepare<[], { id: number; key: string }>(`SELECT id, source_key AS key FROM ${t} WHERE source_key IS NOT NULL`),
  );
  const bySourceKey = byTable((t) => db.prepare<[string], { id: number }>(`SELECT id FROM ${t} WHERE source_key = ?`));
  const typed = byTable((t) =>
    db.prepare<[number, string], { id: number }>(`SELECT id FROM ${t} WHERE id = ? AND created_at = ? AND source_key IS NULL`),
  );
  const keyless = new Map<string, Database.Statement<Record<string, unknown>, { id: number }>>();
  const backsNote = db.prepare<[number, number], { id: number }>('SELECT id FROM goal_checkins WHERE note_id = ? AND goal_id = ?');
  const reflectionFor = db.prepare<[string, string], { id: number }>('SELECT id FROM reflections WHERE from_date = ? AND to_date = ?');
  const dealByExternalId = db.prepare<[string], { id: number }>('SELECT id FROM deals WHERE external_id = ?');
  const dealSlugs = db.prepare<[], { slug: string }>('SELECT slug FROM deals');
  const keylessNotes = db.prepare<[string, string], NoteRow>(
    `${NOTE_COLUMNS} WHERE n.source_key IS NULL AND n.date = ? AND n.text = ? ORDER BY n.id`,
  );
  return {
    /** Each record's source key by id, for the records that have one. */
    sourceKeys(table: KeyedTable): Map<number, string> {
      return new Map(
        sourceKeys(table)
          .all()
          .map((row) => [row.id, row.key]),
      );
    },
    findBySourceKey(table: KeyedTable, key: string): number | undefined {
      return bySourceKey(table).get(key)?.id;
    },
    /** A record typed into this journal (no source key) with this id and creation instant. */
    findTyped(table: KeyedTable, id: number, createdAt: string): number | undefined {
      return typed(table).get(id, createdAt)?.id;
    },
    /** Notes without a source key on `date` with exactly `text`, in id order. */
    keylessNotes(date: string, text: string): DumpNote[] {
      return keylessNotes.all(date, text).map(noteOf);
    },
    /** Records without a source key whose columns equal `content` (NULL equal to NULL), in id order. */
    keylessMatches<T extends keyof RecordContent>(table: T, content: RecordContent[T]): number[] {
      const fields = Object.keys(content).sort();
      const name = `${table}:${fields.join(',')}`;
      let statement = keyless.get(name);
      if (!statement) {
        // Column names come from CONTENT_COLUMNS, never from the file.
        const columns = CONTENT_COLUMNS[table] as Record<string, string>;
        const where = fields.map((f) => `${columns[f]} IS @${f}`).join(' AND ');
        statement = db.prepare(`SELECT id FROM ${SQL_TABLES[table]} WHERE source_key IS NULL AND ${where} ORDER BY id`);
        keyless.set(name, statement);
      }
      return statement.all(content as Record<string, unknown>).map((row) => row.id);
    },
    /** The reflection on exactly this range, whatever its source: a journal holds one per range. */
    reflectionFor(from: string, to: string): number | undefined {
      return reflectionFor.get(from, to)?.id;
    },
    /** The deal a CRM knows by this id: the same deal, however it came in. */
    dealByExternalId(externalId: string): number | undefined {
      return dealByExternalId.get(externalId)?.id;
    },
    dealSlugs(): Set<string> {
      return new Set(dealSlugs.all().map((row) => row.slug));
    },
    /** Whether a goal update is backed by this note already. */
    noteBacksGoalUpdate(noteId: number, goalId: number): boolean {
      return backsNote.get(noteId, goalId) !== undefined;
    },
  };
}
