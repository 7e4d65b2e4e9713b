import type { Db } from './db.js';

/**
 * The notes of the export as the text `JSON.stringify(note, null, 2)` gives inside the document
 * (indented by four spaces, separated by `,\n    `), written by SQLite, in id order, a chunk of
 * notes at a time as one UTF-8 buffer. Reading 26k notes as objects and stringifying them was
 * ~60% of `perf export` (issue 12); one string per note cost 26k strings made, converted and
 * joined in JS (~20 ms); one buffer per chunk goes to the output as it is. `json_quote` escapes
 * strings exactly as JSON.stringify does (test/storage/export-notes.test.ts compares them). The
 * keys are in the order the export has always written them (DumpNote).
 *
 * The order of the items in a `group_concat` is the order its rows are read in: the notes by
 * rowid (the subquery's ORDER BY, which the rowid walk gives without a sort), and each link
 * table by its primary key (note_id, then goal_id, tag or competency_id: the order the export
 * sorts them in). An ORDER BY inside the aggregates said the same at ~15 ms of sorting per export;
 * test/storage/query-plans.test.ts checks that the plan still walks those keys.
 */
const NL = '\n      ';
const ITEM = `',\n        '`;
const links = (value: string, table: string) =>
  `coalesce((SELECT '[\n        ' || group_concat(${value}, ${ITEM}) || '\n      ]' FROM ${table} WHERE note_id = n.id), '[]')`;

const NOTE_JSON = `format('{${NL}"id": %d,${NL}"date": %s,${NL}"text": %s,${NL}"type": %s,${NL}"account": %s,${NL}"starred": %s,${NL}"dealId": %s,${NL}"goalIds": %s,${NL}"tags": %s,${NL}"competencyIds": %s,${NL}"createdAt": %s,${NL}"updatedAt": %s,${NL}"sourceKey": %s\n    }',
    n.id, json_quote(n.date), json_quote(n.text), json_quote(n.type), json_quote(n.account),
    CASE WHEN n.starred = 1 THEN 'true' ELSE 'false' END, coalesce(n.deal_id, 'null'),
    ${links('goal_id', 'note_goals')},
    ${links('json_quote(tag)', 'note_tags')},
    ${links('competency_id', 'note_competencies')},
    json_quote(n.created_at), json_quote(n.updated_at), json_quote(n.source_key))`;

export const EXPORT_NOTES_SQL = `SELECT CAST(group_concat(json, ',\n    ') AS BLOB) AS json, count(*) AS notes, max(id) AS last
FROM (SELECT ${NOTE_JSON} AS json, n.id FROM notes n WHERE n.id > @after ORDER BY n.id LIMIT @limit)`;

// ~1 MiB of JSON a chunk: few enough chunks to cost nothing, small enough to keep the memory bounded.
const CHUNK = 2000;

export function createExportNotes(db: Db) {
  type Chunk = { json: Buffer | null; notes: number; last: number | null };
  let statement: ReturnType<typeof prepare> | null = null;
  const prepare = () => db.prepare<[{ after: number; limit: number }], Chunk>(EXPORT_NOTES_SQL);
  /**
   * Visits the notes' JSON in id order, a chunk of notes at a time (UTF-8, the notes separated by
   * `,\n    `, nothing before the first nor after the last), with how many notes it holds.
   */
  return function eachNotesChunk(visit: (json: Buffer, notes: number) => void): void {
    statement ??= prepare();
    for (let after = 0; ; ) {
      const chunk = statement.get({ after, limit: CHUNK });
      if (!chunk?.json || chunk.last === null) return;
      visit(chunk.json, chunk.notes);
      if (chunk.notes < CHUNK) return;
      after = chunk.last;
    }
  };
}
