import type { Statement } from 'better-sqlite3';
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

/** A chunk of records' JSON, joined, as UTF-8 (`json`), how many records it holds and the last one's id. */
const chunkOf = (json: string, from: string) => `SELECT CAST(@lead || group_concat(json, ',\n    ') AS BLOB) AS json,
  count(*) AS records, max(id) AS last FROM (SELECT ${json} AS json, id FROM ${from} WHERE id > @after ORDER BY id LIMIT @limit)`;

export const EXPORT_NOTES_SQL = chunkOf(NOTE_JSON, 'notes n');

/**
 * The goal updates' JSON, the same way. An amount is a REAL: a whole one below 10^15 is written
 * as its integer, as JSON.stringify writes it; any other by JSON.stringify itself (js_number), as
 * SQLite's own decimal forms differ from JavaScript's (1.0, 1e-05, 0.3 for 0.30000000000000004).
 * Read as objects and stringified, the 6k updates of ten years cost ~15 ms; this way ~5.
 */
export const EXPORT_GOAL_UPDATES_SQL = chunkOf(
  `format('{${NL}"id": %d,${NL}"goalId": %d,${NL}"date": %s,${NL}"kind": %s,${NL}"amount": %s,${NL}"note": %s,${NL}"noteId": %s,${NL}"createdAt": %s,${NL}"sourceKey": %s\n    }',
    id, goal_id, json_quote(date), json_quote(kind),
    CASE WHEN amount = CAST(amount AS INTEGER) AND abs(amount) < 1e15 THEN CAST(amount AS INTEGER) ELSE js_number(amount) END,
    json_quote(note), coalesce(note_id, 'null'), json_quote(created_at), json_quote(source_key))`,
  'goal_checkins',
);

// ~1 MiB of JSON a chunk: few enough chunks to cost nothing, small enough to keep the memory bounded.
const CHUNK = 2000;

/**
 * Visits a table's records' JSON in id order, a chunk at a time, with how many it holds: the
 * records separated by `,\n    `, the first chunk led by `[\n    ` and the others by `,\n    `,
 * so that each is one write. Nothing is visited for an empty table.
 */
export type EachChunk = (visit: (json: Buffer, records: number) => void) => void;

export function createExportReads(db: Db): { eachNotesChunk: EachChunk; eachGoalUpdatesChunk: EachChunk } {
  let functions = false;
  const chunked = (sql: string): EachChunk => {
    type Chunk = { json: Buffer | null; records: number; last: number | null };
    let statement: Statement<[{ after: number; limit: number; lead: string }], Chunk> | null = null;
    return (visit) => {
      if (!functions) {
        db.function('js_number', { deterministic: true }, (value: unknown) => JSON.stringify(value));
        functions = true;
      }
      statement ??= db.prepare(sql);
      for (let after = 0; ; ) {
        const chunk = statement.get({ after, limit: CHUNK, lead: after === 0 ? '[\n    ' : ',\n    ' });
        if (!chunk?.json || chunk.last === null) return;
        visit(chunk.json, chunk.records);
        if (chunk.records < CHUNK) return;
        after = chunk.last;
      }
    };
  };
  return { eachNotesChunk: chunked(EXPORT_NOTES_SQL), eachGoalUpdatesChunk: chunked(EXPORT_GOAL_UPDATES_SQL) };
}
