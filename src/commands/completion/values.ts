import type { Context } from '../../context.js';
import type { ValueKind } from './complete.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/**
 * The candidates of one kind: fixed lists, or the journal's through one read-only query. Each
 * loads only its own module: a Tab press pays for one list.
 */
export async function valuesFor(ctx: Context, kind: ValueKind): Promise<string[]> {
  switch (kind) {
    case 'relationship':
      return [...(await import('../../domain/feedback.js')).RELATIONSHIPS];
    case 'source':
      return [...(await import('../../domain/competencies.js')).RATING_SOURCES];
    case 'config-key':
      return (await import('../../domain/config.js')).CONFIG_KEYS.map((k) => k.key);
    case 'shell':
      return [...SHELLS];
    case 'period': {
      const year = Number(ctx.today().slice(0, 4));
      const words = ['this-year', 'last-year', 'this-quarter', 'last-quarter', 'this-month', 'last-month', 'cycle', 'last-cycle'];
      return [...words, String(year), String(year - 1), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`)];
    }
    case 'template': {
      const { listTemplates } = await import('../notes/templates.js');
      return [...(await listTemplates(ctx)).map((t) => t.name), 'list'];
    }
    case 'files':
      return ['__files__'];
    case 'none':
      return [];
    default: {
      const { readJournalValues } = await import('../../storage/completion-repo.js');
      const found = readJournalValues(await ctx.dbPath(), kind);
      if (kind === 'account') return firstSpellingsOf(found ?? []);
      if (kind !== 'type') return found ?? [];
      return (await import('../../domain/notes.js')).noteTypesFrom(found?.[0] ?? null);
    }
  }
}

/** One spelling per account in any case ("Müller AG", not also "MÜLLER AG"), as perf accounts lists them. */
async function firstSpellingsOf(spellings: readonly string[]): Promise<string[]> {
  const { firstSpellings } = await import('../../domain/account-names.js');
  return [...firstSpellings(spellings).values()];
}
