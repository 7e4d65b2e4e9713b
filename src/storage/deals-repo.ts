import type { Deal, DealStatus } from '../domain/deals.js';
import type { Db } from './db.js';

interface DealRow {
  id: number;
  slug: string;
  name: string;
  account: string | null;
  value: number;
  stage: string | null;
  status: string;
  expected_close: string | null;
  closed_on: string | null;
  reason: string | null;
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

export function rowToDeal(row: DealRow): Deal {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    account: row.account,
    value: row.value,
    stage: row.stage,
    status: row.status as DealStatus,
    expectedClose: row.expected_close,
    closedOn: row.closed_on,
    reason: row.reason,
    externalId: row.external_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Everything about a deal that is written; ids and timestamps are the repo's. */
export type DealRecord = Omit<Deal, 'id' | 'createdAt' | 'updatedAt'>;

export type DealsRepo = ReturnType<typeof createDealsRepo>;

export function createDealsRepo(db: Db) {
  const insert = db.prepare<[Record<string, unknown>], void>(
    `INSERT INTO deals (slug, name, account, value, stage, status, expected_close, closed_on, reason, external_id, created_at, updated_at, source_key)
     VALUES (@slug, @name, @account, @value, @stage, @status, @expectedClose, @closedOn, @reason, @externalId, @now, @now, @sourceKey)`,
  );
  const update = db.prepare<[Record<string, unknown>], void>(
    `UPDATE deals SET slug = @slug, name = @name, account = @account, value = @value, stage = @stage, status = @status,
       expected_close = @expectedClose, closed_on = @closedOn, reason = @reason, external_id = @externalId, updated_at = @now
     WHERE id = @id`,
  );
  const byId = db.prepare<[number], DealRow>('SELECT * FROM deals WHERE id = ?');
  const bySlug = db.prepare<[string], DealRow>('SELECT * FROM deals WHERE slug = ?');
  const byExternalId = db.prepare<[string], DealRow>('SELECT * FROM deals WHERE external_id = ?');
  // An imported deal is known by its CRM id, else by the source key of the row it came from.
  const imported = db.prepare<[string | null, string], DealRow>(
    'SELECT * FROM deals WHERE external_id = ? OR source_key = ? ORDER BY external_id IS NULL LIMIT 1',
  );
  const all = db.prepare<[], DealRow>('SELECT * FROM deals ORDER BY id');
  const slugs = db.prepare<[], { slug: string }>('SELECT slug FROM deals');
  // The notes keep their text: they lose the link, by a statement of ours so the undo log sees it
  // (the foreign key's ON DELETE SET NULL would too, but not through the triggers' eyes).
  const unlinkNotes = db.prepare<[Record<string, unknown>], void>('UPDATE notes SET deal_id = NULL, updated_at = @now WHERE deal_id = @id');
  const notesOf = db.prepare<[number], { id: number }>('SELECT id FROM notes WHERE deal_id = ? ORDER BY date, id');
  const remove = db.prepare<[number], void>('DELETE FROM deals WHERE id = ?');

  return {
    /** `sourceKey`: the key of the record it was imported from (a CSV row), so that a re-import finds it. */
    insert(deal: DealRecord, now: string, sourceKey: string | null = null): number {
      const info = insert.run({ ...deal, now, sourceKey }) as unknown as { lastInsertRowid: number | bigint };
      return Number(info.lastInsertRowid);
    },
    update(id: number, deal: DealRecord, now: string): void {
      update.run({ ...deal, id, now });
    },
    get(id: number): Deal | null {
      const row = byId.get(id);
      return row ? rowToDeal(row) : null;
    },
    getBySlug(slug: string): Deal | null {
      const row = bySlug.get(slug);
      return row ? rowToDeal(row) : null;
    },
    getByExternalId(externalId: string): Deal | null {
      const row = byExternalId.get(externalId);
      return row ? rowToDeal(row) : null;
    },
    /** The deal an import brought in before: the one with this CRM id, else with this source key. */
    getImported(externalId: string | null, sourceKey: string): Deal | null {
      const row = imported.get(externalId, sourceKey);
      return row ? rowToDeal(row) : null;
    },
    /** Every deal, by id. */
    list(): Deal[] {
      return all.all().map(rowToDeal);
    },
    slugs(): Set<string> {
      return new Set(slugs.all().map((row) => row.slug));
    },
    /** The ids of the notes linked to a deal, oldest first. */
    noteIds(id: number): number[] {
      return notesOf.all(id).map((row) => row.id);
    },
    /** Removes a deal; its notes stay, without the link. */
    remove(id: number, now: string): void {
      unlinkNotes.run({ id, now });
      remove.run(id);
    },
  };
}
