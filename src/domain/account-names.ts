/**
 * Accounts are matched without regard to case and shown in the spelling first used: `alpenrad ag`
 * typed after `Alpenrad AG` is the same account, still shown as `Alpenrad AG`.
 */

/** The key two spellings of one account share. */
export function accountKey(account: string): string {
  return account.trim().toLocaleLowerCase('en');
}

/** Each account's first spelling by its key, from spellings given in the order they were first used. */
export function firstSpellings(spellingsInOrder: readonly string[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const spelling of spellingsInOrder) {
    const key = accountKey(spelling);
    if (!first.has(key)) first.set(key, spelling);
  }
  return first;
}

/** The account as first spelled (itself when the journal has no earlier spelling of it). */
export function canonicalAccount(account: string, first: ReadonlyMap<string, string>): string {
  return first.get(accountKey(account)) ?? account;
}
