import type { Db } from './db.js';

/**
 * Every note of the export as the text `JSON.stringify(note, null, 2)` gives inside the document
 * (indented by four spaces), written by SQLite, in id order, a chunk at a time. Reading 26k notes
 * as objects of ten values each and stringifying and re-indenting them was ~60% of `perf export`
 * (issue 12); one string per note costs a fraction. `json_quote` escapes strings exactly as
 * JSON.stringify does (test/storage/export-notes.test.ts compares them). The keys are in the order
 * the export has always written them (DumpNote), and the chunks keep the memory bounded.
 */
const FIELD = `',\n      `;
const array = (select: string) => `coalesce((${select}), '[]')`;
const items = (value: string, order: string) => `'[\n        ' || group_concat(${value}, ',\n        ' ORDER BY ${order}) || '\n      ]'`;

export const EXPORT_NOTES_SQL = `SELECT '{\n      "id": ' || n.id
  || ${FIELD}"date": ' || json_quote(n.date)
  || ${FIELD}"text": ' || json_quote(n.text)
  || ${FIELD}"type": ' || json_quote(n.type)
  || ${FIELD}"account": ' || json_quote(n.account)
  || ${FIELD}"starred": ' || (CASE WHEN n.starred = 1 THEN 'true' ELSE 'false' END)
  || ${FIELD}"dealId": ' || coalesce(n.deal_id, 'null')
  || ${FIELD}"goalIds": ' || ${array(`SELECT ${items('goal_id', 'goal_id')} FROM note_goals WHERE note_id = n.id`)}
  || ${FIELD}"tags": ' || ${array(`SELECT ${items('json_quote(tag)', 'tag')} FROM note_tags WHERE note_id = n.id`)}
  || ${FIELD}"competencyIds": ' || ${array(`SELECT ${items('competency_id', 'competency_id')} FROM note_competencies WHERE note_id = n.id`)}
  || ${FIELD}"createdAt": ' || json_quote(n.created_at)
  || ${FIELD}"updatedAt": ' || json_quote(n.updated_at)
  || ${FIELD}"sourceKey": ' || json_quote(n.source_key)
  || '\n    }' AS json, n.id
FROM notes n WHERE n.id > @after ORDER BY n.id LIMIT @limit`;

// Small enough that a chunk's strings die young (2,000 cost ~8 MiB of peak memory), large enough to stay cheap.
const CHUNK = 500;

export function createExportNotes(db: Db) {
  let statement: ReturnType<typeof prepare> | null = null;
  const prepare = () => db.prepare<[{ after: number; limit: number }], { json: string; id: number }>(EXPORT_NOTES_SQL);
  /** Visits every note's JSON text, in id order. */
  return function eachNoteJson(visit: (json: string) => void): void {
    statement ??= prepare();
    let after = 0;
    for (;;) {
      const rows = statement.all({ after, limit: CHUNK });
      for (const row of rows) visit(row.json);
      const last = rows.at(-1);
      if (!last || rows.length < CHUNK) return;
      after = last.id;
    }
  };
}
