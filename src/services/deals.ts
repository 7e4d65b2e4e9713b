import type { Day } from '../domain/calendar.js';
import { assertDealStatusChange, dealSlugBase, type Deal, type DealDetail, type DealStatus } from '../domain/deals.js';
import { closestMatches, slugify, uniqueSlug } from '../domain/goal-refs.js';
import type { Note } from '../domain/notes.js';
import { noteGist } from '../domain/notes.js';
import { assertChanged } from '../domain/records.js';
import { UsageError, quote } from '../errors.js';
import type { DealRecord } from '../storage/deals-repo.js';
import type { Store } from '../storage/store.js';

/** A deal named by its id (`12`, `#12`) or its slug; unknown names get the closest slugs suggested. */
export function findDeal(store: Store, ref: string): Deal {
  const text = ref.trim();
  const idLike = /^#?\d+$/.test(text);
  const deal = idLike ? store.deals.get(Number(text.replace('#', ''))) : store.deals.getBySlug(text.toLowerCase());
  if (deal) return deal;
  if (idLike) throw new UsageError(`no deal with id ${quote(ref)}: see the ids and slugs with perf deals --all`);
  const suggestions = closestMatches(text, [...store.deals.slugs()]).join(', ');
  throw new UsageError(
    suggestions
      ? `unknown deal ${quote(ref)}: did you mean ${suggestions}?`
      : `unknown deal ${quote(ref)}: name a deal by its id or slug (see perf deals --all)`,
  );
}

/** What `deals add` and `deals edit` may set. Undefined leaves a field alone; null clears it. */
export interface DealFields {
  name?: string;
  slug?: string;
  account?: string | null;
  value?: number;
  stage?: string | null;
  expectedClose?: Day | null;
  reason?: string | null;
  externalId?: string | null;
}

/** A new deal; `closed` makes it won or lost from the start (a deal entered after the fact). */
export interface NewDeal extends DealFields {
  name: string;
  value: number;
  closed?: { status: Exclude<DealStatus, 'open'>; on: Day };
}

export function addDeal(store: Store, fields: NewDeal, now: Date): Deal {
  return store.transaction(() => {
    const record: DealRecord = {
      slug:
        fields.slug === undefined
          ? uniqueSlug(dealSlugBase(slugify(fields.name)), store.deals.slugs())
          : claimSlug(store, fields.slug, null),
      name: fields.name,
      account: fields.account ?? null,
      value: fields.value,
      stage: fields.stage ?? null,
      status: fields.closed?.status ?? 'open',
      expectedClose: fields.expectedClose ?? null,
      closedOn: fields.closed?.on ?? null,
      reason: fields.reason ?? null,
      externalId: claimExternalId(store, fields.externalId ?? null, null),
    };
    if (record.reason !== null && record.status === 'open') {
      throw new UsageError('--reason says why a deal was won or lost: give it with --won or --lost');
    }
    const deal = mustGet(store, store.deals.insert(record, now.toISOString()));
    store.summarize(`deals add ${deal.slug}`);
    return deal;
  });
}

export function editDeal(store: Store, id: number, fields: DealFields, now: Date): Deal {
  return store.transaction(() => {
    const before = mustGet(store, id);
    const reason = fields.reason === undefined ? before.reason : fields.reason;
    if (fields.reason !== undefined && fields.reason !== null && before.status === 'open') {
      throw new UsageError(`deal ${quote(before.slug)} is open: a reason goes with perf deals won|lost ${before.slug} --reason …`);
    }
    store.deals.update(
      id,
      {
        slug: fields.slug === undefined ? before.slug : claimSlug(store, fields.slug, id),
        name: fields.name ?? before.name,
        account: fields.account === undefined ? before.account : fields.account,
        value: fields.value ?? before.value,
        stage: fields.stage === undefined ? before.stage : fields.stage,
        status: before.status,
        expectedClose: fields.expectedClose === undefined ? before.expectedClose : fields.expectedClose,
        closedOn: before.closedOn,
        reason,
        externalId: fields.externalId === undefined ? before.externalId : claimExternalId(store, fields.externalId, id),
      },
      now.toISOString(),
    );
    const deal = mustGet(store, id);
    assertChanged(before, deal, `deal ${before.slug}`);
    store.summarize(`deals edit ${deal.slug}`);
    return deal;
  });
}

/** Won or lost on `day` (with why, if given), or open again. */
export function changeDealStatus(store: Store, id: number, to: DealStatus, day: Day, reason: string | null, now: Date): Deal {
  return store.transaction(() => {
    const deal = mustGet(store, id);
    assertDealStatusChange(deal, to);
    const open = to === 'open';
    store.deals.update(
      id,
      { ...deal, status: to, closedOn: open ? null : day, reason: open ? null : (reason ?? deal.reason) },
      now.toISOString(),
    );
    store.summarize(`deals ${open ? 'reopen' : to} ${deal.slug}`);
    return mustGet(store, id);
  });
}

export function removeDeal(store: Store, id: number, now: Date): Deal {
  return store.transaction(() => {
    const deal = mustGet(store, id);
    store.deals.remove(id, now.toISOString());
    store.summarize(`deals rm ${deal.slug} ${noteGist(deal.name)}`);
    return deal;
  });
}

export function showDeal(store: Store, id: number): DealDetail {
  const deal = mustGet(store, id);
  const notes = store.deals
    .noteIds(id)
    .map((noteId) => store.notes.get(noteId))
    .filter((note): note is Note => note !== null);
  return { deal, notes };
}

function claimSlug(store: Store, slug: string, selfId: number | null): string {
  const holder = store.deals.getBySlug(slug);
  if (holder && holder.id !== selfId) {
    throw new UsageError(`slug ${quote(slug)} is taken by deal #${holder.id} ${quote(holder.name)}: choose another with --slug`);
  }
  return slug;
}

function claimExternalId(store: Store, externalId: string | null, selfId: number | null): string | null {
  if (externalId === null) return null;
  const holder = store.deals.getByExternalId(externalId);
  if (holder && holder.id !== selfId) {
    throw new UsageError(
      `external id ${quote(externalId)} is already deal #${holder.id} ${quote(holder.slug)}: each CRM deal is entered once`,
    );
  }
  return externalId;
}

function mustGet(store: Store, id: number): Deal {
  const deal = store.deals.get(id);
  if (!deal) throw new UsageError(`no deal with id ${id}: see the ids with perf deals --all`);
  return deal;
}
