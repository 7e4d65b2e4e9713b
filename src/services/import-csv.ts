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
    const taken = store.csvImport.dealSlugs();
    const at = now.toISOString();
    for (const deal of deals) {
      const fields = {
        name: deal.name,
        account: deal.account,
        value: deal.value,
        stage: deal.stage,
        status: deal.status,
        expectedClose: deal.status === 'open' ? deal.date : null,
        closedOn: deal.status === 'open' ? null : deal.date,
        externalId: deal.externalId,
        sourceKey: deal.sourceKey,
      };
      const known = store.csvImport.findDeal(deal.externalId, deal.sourceKey);
      if (known) {
        const same =
          known.stage === deal.stage &&
          known.value === deal.value &&
          known.status === deal.status &&
          known.expectedClose === fields.expectedClose &&
          known.closedOn === fields.closedOn;
        if (same) {
          result.unchanged++;
          continue;
        }
        if (!dryRun) store.csvImport.updateDeal(known.id, fields, at);
        result.updated.push(deal);
        continue;
      }
      const slug = uniqueSlug(dealSlugBase(slugify(deal.name)), taken);
      taken.add(slug);
      if (!dryRun) store.csvImport.insertDeal({ ...fields, slug }, at);
      result.added.push(deal);
    }
    return result;
  };
  return dryRun ? run() : store.transaction(run);
}
