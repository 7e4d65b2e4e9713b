import type { Day } from '../domain/calendar.js';
import type { Reflection } from '../domain/reflections.js';
import type { Db } from './db.js';

interface ReflectionRow {
  id: number;
  from_date: string;
  to_date: string;
  text: string;
  created_at: string;
  updated_at: string;
}

function rowToReflection(row: ReflectionRow): Reflection {
  return { id: row.id, from: row.from_date, to: row.to_date, text: row.text, createdAt: row.created_at, updatedAt: row.updated_at };
}

const SELECT = 'SELECT id, from_date, to_date, text, created_at, updated_at FROM reflections';

export type ReflectionsRepo = ReturnType<typeof createReflectionsRepo>;

/** Self-assessments, one per range (UNIQUE(from_date, to_date)). */
export function createReflectionsRepo(db: Db) {
  // A second reflection for the same range replaces the text of the first, keeping its id.
  const upsert = db.prepare<[{ from: Day; to: Day; text: string; now: string }], void>(
    `INSERT INTO reflections (from_date, to_date, text, created_at, updated_at) VALUES (@from, @to, @text, @now, @now)
     ON CONFLICT (from_date, to_date) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  const forRange = db.prepare<[Day, Day], ReflectionRow>(`${SELECT} WHERE from_date = ? AND to_date = ?`);
  const all = db.prepare<[], ReflectionRow>(`${SELECT} ORDER BY from_date DESC, to_date DESC, id DESC`);
  return {
    /** Stores the text for the range (replacing one there) and returns it as stored. */
    save(from: Day, to: Day, text: string, now: string): Reflection {
      upsert.run({ from, to, text, now });
      const row = forRange.get(from, to);
      if (!row) throw new Error('a reflection vanished inside its own transaction');
      return rowToReflection(row);
    },
    forRange(from: Day, to: Day): Reflection | null {
      const row = forRange.get(from, to);
      return row ? rowToReflection(row) : null;
    },
    /** Newest range first. */
    list(): Reflection[] {
      return all.all().map(rowToReflection);
    },
  };
}
