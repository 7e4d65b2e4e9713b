import type { Day } from '../domain/calendar.js';
import type { OneToOne } from '../domain/report-data.js';
import type { Db } from './db.js';

interface OneToOneRow {
  id: number;
  date: string;
  note: string | null;
  created_at: string;
}

export function rowToOneToOne(row: OneToOneRow): OneToOne {
  return { id: row.id, date: row.date, note: row.note, createdAt: row.created_at };
}

export type OneToOnesRepo = ReturnType<typeof createOneToOnesRepo>;

/** One-to-one conversations with the manager (`perf checkin --done`). */
export function createOneToOnesRepo(db: Db) {
  const insert = db.prepare<[string, string | null, string], void>('INSERT INTO checkins (date, note, created_at) VALUES (?, ?, ?)');
  const byId = db.prepare<[number], OneToOneRow>('SELECT id, date, note, created_at FROM checkins WHERE id = ?');
  const latest = db.prepare<[], OneToOneRow>('SELECT id, date, note, created_at FROM checkins ORDER BY date DESC, id DESC LIMIT 1');
  const onDate = db.prepare<[string], OneToOneRow>('SELECT id, date, note, created_at FROM checkins WHERE date = ? ORDER BY id LIMIT 1');
  const all = db.prepare<[], OneToOneRow>('SELECT id, date, note, created_at FROM checkins ORDER BY id');
  const update = db.prepare<[{ id: number; date: string; note: string | null }], void>(
    'UPDATE checkins SET date = @date, note = @note WHERE id = @id',
  );
  const remove = db.prepare<[number], void>('DELETE FROM checkins WHERE id = ?');
  return {
    insert(date: Day, note: string | null, now: string): OneToOne {
      const info = insert.run(date, note, now) as unknown as { lastInsertRowid: number | bigint };
      const row = byId.get(Number(info.lastInsertRowid));
      if (!row) throw new Error('a one-to-one vanished inside its own transaction');
      return rowToOneToOne(row);
    },
    get(id: number): OneToOne | null {
      const row = byId.get(id);
      return row ? rowToOneToOne(row) : null;
    },
    update(id: number, date: Day, note: string | null): OneToOne {
      update.run({ id, date, note });
      const row = byId.get(id);
      if (!row) throw new Error('a one-to-one vanished inside its own transaction');
      return rowToOneToOne(row);
    },
    remove(id: number): void {
      remove.run(id);
    },
    latest(): OneToOne | null {
      const row = latest.get();
      return row ? rowToOneToOne(row) : null;
    },
    /** The first one-to-one recorded on `date`, if any. */
    onDate(date: Day): OneToOne | null {
      const row = onDate.get(date);
      return row ? rowToOneToOne(row) : null;
    },
    /** Every one-to-one, by id. */
    list(): OneToOne[] {
      return all.all().map(rowToOneToOne);
    },
  };
}
