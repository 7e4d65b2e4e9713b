import { accountKey } from './account-names.js';

/** A tag or an account as `perf tags` and `perf accounts` list it: the JSON shape of CLI.md. */
export interface LabelUse {
  name: string;
  count: number;
  /** The day of the newest note with it. */
  last: string;
}

/** One spelling of an account as stored, with where it was first used. */
export interface AccountSpelling extends LabelUse {
  first: string;
  firstId: number;
}

/**
 * Accounts are one account whatever the case ("Acme", "ACME"): counted together, named in the
 * spelling of the first note that used it (the oldest day, then the lowest id).
 */
export function groupAccounts(spellings: readonly AccountSpelling[]): LabelUse[] {
  const groups = new Map<string, AccountSpelling & { total: number; newest: string }>();
  for (const row of spellings) {
    const key = accountKey(row.name);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { ...row, total: row.count, newest: row.last });
      continue;
    }
    group.total += row.count;
    if (row.last > group.newest) group.newest = row.last;
    if (row.first < group.first || (row.first === group.first && row.firstId < group.firstId)) {
      Object.assign(group, { name: row.name, first: row.first, firstId: row.firstId });
    }
  }
  return sortByUse([...groups.values()].map((g) => ({ name: g.name, count: g.total, last: g.newest })));
}

/** Most used first, then by name: what a rep reaches for most sits at the top. */
export function sortByUse(labels: LabelUse[]): LabelUse[] {
  return labels.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}
