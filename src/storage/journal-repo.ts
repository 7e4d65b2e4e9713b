/**
 * What `perf export` and `perf import` need beyond the tables' own repos: the dump's reads (here),
 * how an import finds what the journal holds (journal-lookups.ts) and inserts that may keep the ids
 * and timestamps of the file, so that a restore is exact (journal-inserts.ts).
 */
import type { DumpCompetency, DumpDeal, DumpNote, DumpReflection } from '../domain/journal-dump.js';
import type { Db } from './db.js';
import { NOTE_COLUMNS, noteOf, type NoteRow } from './dump-note-row.js';
import { createExportJson } from './export-json.js';
import { createRecordInserts } from './journal-inserts.js';
import { createRecordLookups } from './journal-lookups.js';
import { SEEDED_COMPETENCIES } from './migrations.js';

export type JournalRepo = ReturnType<typeof createJournalRepo>;

/** The journal's identity, what a restore checks and clears, and the dump's reads, lookups and inserts. */
export function createJournalRepo(db: Db) {
  const all = <T>(sql: string) => db.prepare<[], T>(sql);
  const journalId = db.prepare<[], { id: string }>('SELECT journal_id AS id FROM meta');
  const setJournalId = db.prepare<[string], void>('UPDATE meta SET journal_id = ?');
  const userRows = all<{ n: number }>(
    `SELECT (SELECT count(*) FROM config) + (SELECT count(*) FROM goals) + (SELECT count(*) FROM notes)
       + (SELECT count(*) FROM goal_checkins) + (SELECT count(*) FROM ratings) + (SELECT count(*) FROM feedback)
       + (SELECT count(*) FROM development) + (SELECT count(*) FROM checkins)
       + (SELECT count(*) FROM deals) + (SELECT count(*) FROM reflections) AS n`,
  );
  const competencyContent = all<{ slug: string; name: string; description: string | null; target: number | null; position: number }>(
    'SELECT slug, name, description, target, position FROM competencies ORDER BY position, id',
  );

  const removeCompetencies = db.prepare('DELETE FROM competencies');

  return {
    ...createDumpReads(db),

    /** The random id this journal's typed records are known by elsewhere (migration 4). */
    journalId(): string {
      const row = journalId.get();
      if (!row) throw new Error('the journal has no identity (meta table)');
      return row.id;
    },
    /** Only when restoring another journal's export into an empty one: the copy is that journal. */
    setJournalId(id: string): void {
      setJournalId.run(id);
    },
    ...createRecordLookups(db),

    /** Nothing but the competency framework a new journal is seeded with, untouched. */
    holdsOnlySeededFramework(): boolean {
      if ((userRows.get()?.n ?? 0) > 0) return false;
      const rows = competencyContent.all();
      return (
        rows.length === SEEDED_COMPETENCIES.length &&
        rows.every((row, i) => {
          const seeded = SEEDED_COMPETENCIES[i];
          return (
            seeded !== undefined &&
            row.slug === seeded[0] &&
            row.name === seeded[1] &&
            row.description === seeded[2] &&
            row.target === null &&
            row.position === i + 1
          );
        })
      );
    },

    /** Only while restoring into a journal that holds nothing else. */
    removeAllCompetencies(): void {
      removeCompetencies.run();
    },

    /** Goals may align to goals inserted later; the check waits for the commit. */
    deferForeignKeys(): void {
      db.pragma('defer_foreign_keys = ON');
    },

    ...createRecordInserts(db),
  };
}

/** The records of an export that the tables' own repos do not read as the file holds them; each in id order. */
function createDumpReads(db: Db) {
  const all = <T>(sql: string) => db.prepare<[], T>(sql);
  const reads = {
    notes: all<NoteRow>(`${NOTE_COLUMNS} ORDER BY n.id`),
    deals: all<DumpDeal>(
      `SELECT id, slug, name, account, value, stage, status, expected_close AS expectedClose, closed_on AS closedOn, reason,
         external_id AS externalId, created_at AS createdAt, updated_at AS updatedAt, source_key AS sourceKey
       FROM deals ORDER BY id`,
    ),
    reflections: all<DumpReflection>(
      `SELECT id, from_date AS "from", to_date AS "to", text, created_at AS createdAt, updated_at AS updatedAt, source_key AS sourceKey
       FROM reflections ORDER BY id`,
    ),
    feedbackFlags: all<{ id: number; starred: number; constructive: number }>('SELECT id, starred, constructive FROM feedback'),
    competencies: all<DumpCompetency>(
      `SELECT id, slug, name, description, target, position, created_at AS createdAt, updated_at AS updatedAt
       FROM competencies ORDER BY id`,
    ),
  };
  return {
    competencies(): DumpCompetency[] {
      return reads.competencies.all();
    },
    notes(): DumpNote[] {
      return reads.notes.all().map(noteOf);
    },
    /** Deals with their source keys, by id. */
    deals(): DumpDeal[] {
      return reads.deals.all();
    },
    /** Reflections with their source keys, by id (perf reflect has its own reads). */
    reflections(): DumpReflection[] {
      return reads.reflections.all();
    },
    /** Each piece of feedback's flags by id, for the export (the listing may not carry them). */
    feedbackFlags(): Map<number, { starred: boolean; constructive: boolean }> {
      return new Map(
        reads.feedbackFlags.all().map((row) => [row.id, { starred: row.starred === 1, constructive: row.constructive === 1 }]),
      );
    },
    /** The long tables' export JSON, a chunk at a time, in id order: an export of ten years need not hold them all at once. */
    eachJsonChunk: createExportJson(db),
  };
}
