import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

/**
 * The long tables of the export (notes, goal updates, ratings, feedback) as the text
 * `JSON.stringify(record, null, 2)` gives inside the document (indented by four spaces, separated
 * by `,\n    `), written by SQLite, in id order, a chunk of records at a time as one UTF-8 buffer.
 * Reading 26k notes as objects and stringifying them was ~60% of `perf export` (issue 12); one
 * string per note cost 26k strings made, converted and joined in JS (~20 ms); better-sqlite3 makes
 * the 6k goal updates' row objects in ~11 ms, their text costs ~5. One buffer per chunk goes to the
 * output as it is. `json_quote` escapes strings exactly as JSON.stringify does; the keys are in the
 * order the export has always written them (test/storage/export-json.test.ts compares the text
 * with JSON.stringify of what the tables' repos read).
 *
 * The order of the items in a `group_concat` is the order its rows are read in: the records by
 * rowid (the subquery's ORDER BY, which the rowid walk gives without a sort), and each link
 * table by its primary key (note_id, then goal_id, tag or competency_id: the order the export
 * sorts them in). An ORDER BY inside the aggregates said the same at ~15 ms of sorting per export;
 * test/storage/query-plans.test.ts checks that the plan still walks those keys.
 */
const NL = '\n      ';

/** A record's JSON from `[key, SQL giving the value's JSON text]`, keys in order. */
const recordJson = (fields: [string, string][]) =>
  `format('{${fields.map(([key]) => `${NL}"${key}": %s`).join(',')}\n    }',
    ${fields.map(([, value]) => value).join(',\n    ')})`;

const text = (column: string) => `json_quote(${column})`;
const integer = (column: string) => `coalesce(${column}, 'null')`;
const flag = (column: string) => `CASE WHEN ${column} = 1 THEN 'true' ELSE 'false' END`;
/**
 * A REAL: a whole one below 10^15 as its integer, as JSON.stringify writes it; any other by
 * JSON.stringify itself (js_number): SQLite's own forms differ (1.0, 1e-05, 0.3 for 0.30000000000000004).
 */
const real = (column: string) =>
  `CASE WHEN ${column} = CAST(${column} AS INTEGER) AND abs(${column}) < 1e15 THEN CAST(${column} AS INTEGER) ELSE js_number(${column}) END`;
const links = (value: string, table: string) =>
  `coalesce((SELECT '[\n        ' || group_concat(${value}, ',\n        ') || '\n      ]' FROM ${table} WHERE note_id = n.id), '[]')`;

/** A chunk of records' JSON, joined and led by @lead, as UTF-8 (`json`), how many records it holds and the last one's id. */
const chunkOf = (json: string, from: string) => `SELECT CAST(@lead || group_concat(json, ',\n    ') AS BLOB) AS json,
  count(*) AS records, max(id) AS last FROM (SELECT ${json} AS json, id FROM ${from} WHERE id > @after ORDER BY id LIMIT @limit)`;

export const EXPORT_JSON_SQL = {
  notes: chunkOf(
    recordJson([
      ['id', 'n.id'],
      ['date', text('n.date')],
      ['text', text('n.text')],
      ['type', text('n.type')],
      ['account', text('n.account')],
      ['starred', flag('n.starred')],
      ['dealId', integer('n.deal_id')],
      ['goalIds', links('goal_id', 'note_goals')],
      ['tags', links('json_quote(tag)', 'note_tags')],
      ['competencyIds', links('competency_id', 'note_competencies')],
      ['createdAt', text('n.created_at')],
      ['updatedAt', text('n.updated_at')],
      ['sourceKey', text('n.source_key')],
    ]),
    'notes n',
  ),
  goalCheckins: chunkOf(
    recordJson([
      ['id', 'id'],
      ['goalId', 'goal_id'],
      ['date', text('date')],
      ['kind', text('kind')],
      ['amount', real('amount')],
      ['note', text('note')],
      ['noteId', integer('note_id')],
      ['createdAt', text('created_at')],
      ['sourceKey', text('source_key')],
    ]),
    'goal_checkins',
  ),
  ratings: chunkOf(
    recordJson([
      ['id', 'id'],
      ['competencyId', 'competency_id'],
      ['date', text('date')],
      ['rating', integer('rating')],
      ['source', text('source')],
      ['ratedBy', text('rated_by')],
      ['note', text('note')],
      ['createdAt', text('created_at')],
      ['sourceKey', text('source_key')],
    ]),
    'ratings',
  ),
  feedback: chunkOf(
    recordJson([
      ['id', 'id'],
      ['date', text('date')],
      ['from', text('from_name')],
      ['relationship', text('relationship')],
      ['competencyId', integer('competency_id')],
      ['text', text('text')],
      ['starred', flag('starred')],
      ['constructive', flag('constructive')],
      ['createdAt', text('created_at')],
      ['sourceKey', text('source_key')],
    ]),
    'feedback',
  ),
};

/** The tables whose JSON SQLite writes, in the order of the document. */
export type LongTable = keyof typeof EXPORT_JSON_SQL;
export const LONG_TABLES = Object.keys(EXPORT_JSON_SQL) as LongTable[];

// ~1 MiB of notes' JSON a chunk: few enough chunks to cost nothing, small enough to keep the memory bounded.
const CHUNK = 2000;

/**
 * Visits a table's records' JSON in id order, a chunk at a time, with how many it holds: the
 * records separated by `,\n    `, the first chunk led by `[\n    ` and the others by `,\n    `,
 * so that each is one write. Nothing is visited for an empty table.
 */
export type EachChunk = (table: LongTable, visit: (json: Buffer, records: number) => void) => void;

export function createExportJson(db: Db): EachChunk {
  type Chunk = { json: Buffer | null; records: number; last: number | null };
  const statements = new Map<LongTable, Statement<[{ after: number; limit: number; lead: string }], Chunk>>();
  return (table, visit) => {
    let statement = statements.get(table);
    if (!statement) {
      if (statements.size === 0) db.function('js_number', { deterministic: true }, (value: unknown) => JSON.stringify(value));
      statement = db.prepare(EXPORT_JSON_SQL[table]);
      statements.set(table, statement);
    }
    for (let after = 0; ; ) {
      const chunk = statement.get({ after, limit: CHUNK, lead: after === 0 ? '[\n    ' : ',\n    ' });
      if (!chunk?.json || chunk.last === null) return;
      visit(chunk.json, chunk.records);
      if (chunk.records < CHUNK) return;
      after = chunk.last;
    }
  };
}
