import type { Competency, CompetencyUsage } from '../domain/competencies.js';
import type { Db } from './db.js';
import { onFirstUse } from './on-first-use.js';

interface CompetencyRow {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  target: number | null;
  position: number;
}

export function rowToCompetency(row: CompetencyRow): Competency {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    target: row.target,
    position: row.position,
  };
}

export interface CompetencyRecord {
  slug: string;
  name: string;
  description: string | null;
  target: number | null;
}

export type CompetenciesRepo = ReturnType<typeof createCompetenciesRepo>;

export function createCompetenciesRepo(db: Db) {
  const columns = 'id, slug, name, description, target, position';
  const all = onFirstUse(() => db.prepare<[], CompetencyRow>(`SELECT ${columns} FROM competencies ORDER BY position, id`));
  const byId = onFirstUse(() => db.prepare<[number], CompetencyRow>(`SELECT ${columns} FROM competencies WHERE id = ?`));
  const insert = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `INSERT INTO competencies (slug, name, description, target, position, created_at, updated_at)
     VALUES (@slug, @name, @description, @target, (SELECT coalesce(max(position), 0) + 1 FROM competencies), @now, @now)`,
    ),
  );
  const update = onFirstUse(() =>
    db.prepare<[Record<string, unknown>], void>(
      `UPDATE competencies SET slug = @slug, name = @name, description = @description, target = @target, updated_at = @now
     WHERE id = @id`,
    ),
  );
  const remove = onFirstUse(() => db.prepare<[number], void>('DELETE FROM competencies WHERE id = ?'));
  const usage = onFirstUse(() =>
    db.prepare<[{ id: number }], CompetencyUsage>(
      `SELECT
       (SELECT count(*) FROM ratings WHERE competency_id = @id) AS ratings,
       (SELECT count(*) FROM feedback WHERE competency_id = @id) AS feedback,
       (SELECT count(*) FROM note_competencies WHERE competency_id = @id) AS notes,
       (SELECT count(*) FROM development WHERE competency_id = @id) AS development`,
    ),
  );
  const link = onFirstUse(() =>
    db.prepare<[number, number], void>('INSERT OR IGNORE INTO note_competencies (note_id, competency_id) VALUES (?, ?)'),
  );
  const unlink = onFirstUse(() =>
    db.prepare<[number, number], void>('DELETE FROM note_competencies WHERE note_id = ? AND competency_id = ?'),
  );

  return {
    list(): Competency[] {
      return all().all().map(rowToCompetency);
    },
    get(id: number): Competency | null {
      const row = byId().get(id);
      return row ? rowToCompetency(row) : null;
    },
    insert(record: CompetencyRecord, now: string): number {
      const info = insert().run({ ...record, now }) as unknown as { lastInsertRowid: number | bigint };
      return Number(info.lastInsertRowid);
    },
    update(id: number, record: CompetencyRecord, now: string): void {
      update().run({ ...record, id, now });
    },
    /** Ratings and note links go with it; feedback and development activities stay, unlinked. */
    remove(id: number): void {
      remove().run(id);
    },
    usage(id: number): CompetencyUsage {
      return usage().get({ id }) ?? { ratings: 0, feedback: 0, notes: 0, development: 0 };
    },
    /** Links a note to competencies as evidence (already linked ones are left as they are). */
    linkNote(noteId: number, competencyIds: readonly number[]): void {
      for (const id of competencyIds) link().run(noteId, id);
    },
    unlinkNote(noteId: number, competencyIds: readonly number[]): void {
      for (const id of competencyIds) unlink().run(noteId, id);
    },
  };
}
