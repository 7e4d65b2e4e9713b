import { groupAccounts, sortByUse, type LabelUse } from '../domain/labels.js';
import type { Store } from '../storage/store.js';

export function listTags(store: Store): LabelUse[] {
  return sortByUse(store.notes.tagUsage());
}

export function listAccounts(store: Store): LabelUse[] {
  return groupAccounts(store.notes.accountSpellings());
}
