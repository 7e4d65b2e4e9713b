import type { CsvDeal, CsvNote } from '../domain/csv-import.js';
import { dealSlugBase } from '../domain/deals.js';
import { slugify, uniqueSlug } from '../domain/goal-refs.js';
import type { Store } from '../storage/store.js';

export interface CsvNotesResult {
  added: CsvNote[];
  /** Rows imported before (the same source key). */
  known: number;
}

/** Adds the notes not imported before, in one transaction: all or nothing, one change to undo. */
export function importCsvNotes(store: Store, notes: readonly CsvNote[], now: Date, dryRun = false): CsvNotesResult {
  const plan = () => {
    const added = notes.filter((note) => !store.csvImport.hasNote(note.sourceKey));
    return { added, known: notes.length - added.length };
  };
  if (dryRun) return plan();
  return store.transaction(() => {
    const result = plan();
    for (const note of result.added) store.csvImport.insertNote(note, now.toISOString());
    return result;
  });
}

export interface CsvDealsResult {
  added: CsvDeal[];
  /** Deals known by their CRM id (or source key) whose stage, value, status or close date moved. */
  updated: CsvDeal[];
  unchanged: number;
}

/** Adds new deals and moves known ones (stage, value, status, close date: a slipped deal), in one transaction. */
export function importCsvDeals(store: Store, deals: readonly CsvDeal[], now: Date, dryRun = false): CsvDealsResult {
  const run = () => {
    const result: CsvDealsResult = { added: [], updated: [], unchanged: 0 };
    const taken = store.deals.slugs();
    const at = now.toISOString();
    for (const deal of deals) {
      const moved = {
        value: deal.value,
        stage: deal.stage,
        status: deal.status,
        expectedClose: deal.status === 'open' ? deal.date : null,
        closedOn: deal.status === 'open' ? null : deal.date,
      };
      const known = store.deals.getImported(deal.externalId, deal.sourceKey);
      if (known) {
        const same =
          known.stage === moved.stage &&
          known.value === moved.value &&
          known.status === moved.status &&
          known.expectedClose === moved.expectedClose &&
          known.closedOn === moved.closedOn;
        if (same) {
          result.unchanged++;
          continue;
        }
        const { id, createdAt: _created, updatedAt: _updated, ...record } = known;
        if (!dryRun) store.deals.update(id, { ...record, ...moved }, at);
        result.updated.push(deal);
        continue;
      }
      const slug = uniqueSlug(dealSlugBase(slugify(deal.name)), taken);
      taken.add(slug);
      const record = { slug, name: deal.name, account: deal.account, reason: null, externalId: deal.externalId, ...moved };
      if (!dryRun) store.deals.insert(record, at, deal.sourceKey);
      result.added.push(deal);
    }
    return result;
  };
  return dryRun ? run() : store.transaction(run);
}
