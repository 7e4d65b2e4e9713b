/**
 * Goals that count themselves: a counting rule says which notes or deals make a goal's value, so
 * a "Meetings booked" goal needs no tally notes. `--counts type:meeting --counts account:Acme`
 * counts notes matching every condition (AND); `--counts deals:won` counts deals won; `--sums
 * deals:won` adds up their values. The rule is stored as JSON text in goals.rule and shown as is
 * in the goal JSON (`{"counts": ["type:meeting"]}` or `{"sums": ["deals:won"]}`).
 */
import { UsageError, quote } from '../errors.js';
import { parseTag } from './tags.js';

export type GoalRule = { counts: string[] } | { sums: string[] };

/** One condition of a rule, parsed. */
export type RuleTerm =
  | { key: 'type'; value: string }
  | { key: 'tag'; value: string }
  | { key: 'account'; value: string }
  | { key: 'deals'; value: 'won' | 'lost' };

export const RULE_KEYS = ['type', 'tag', 'account', 'deals'] as const;
const ACCEPTED = 'type:X, tag:X, account:X, deals:won, deals:lost';

/** What a rule asks the journal for: notes matching every term, or deals closed so (counted or summed). */
export type RuleQuery =
  | { of: 'notes'; terms: Exclude<RuleTerm, { key: 'deals' }>[] }
  | { of: 'deals'; status: 'won' | 'lost'; measure: 'count' | 'sum' };

function parseTerm(raw: string, option: string, noteTypes?: readonly string[]): RuleTerm {
  const at = raw.indexOf(':');
  const key = (at < 0 ? raw : raw.slice(0, at)).trim().toLowerCase();
  const value =
    at < 0
      ? ''
      : raw
          .slice(at + 1)
          .replace(/\s+/g, ' ')
          .trim();
  if (!(RULE_KEYS as readonly string[]).includes(key)) {
    throw new UsageError(`unknown rule key ${quote(key || raw)} in ${option} ${quote(raw)}: use ${ACCEPTED}`);
  }
  if (value === '') throw new UsageError(`${option} ${quote(raw)} names nothing after "${key}:": use ${ACCEPTED}`);
  if (key === 'deals') {
    const status = value.toLowerCase();
    if (status !== 'won' && status !== 'lost')
      throw new UsageError(`invalid ${option} ${quote(raw)}: deals are counted as deals:won or deals:lost`);
    return { key, value: status };
  }
  if (key === 'tag') return { key, value: parseTag(value) };
  if (key === 'type') {
    const type = value.toLowerCase();
    if (noteTypes && !noteTypes.includes(type)) {
      throw new UsageError(
        `unknown note type ${quote(value)} in ${option} ${quote(raw)}: use one of ${noteTypes.join(', ')} (your own types: perf config set note.types)`,
      );
    }
    return { key, value: type };
  }
  return { key: 'account', value };
}

const termText = (term: RuleTerm) => `${term.key}:${term.value}`;

/**
 * The rule from `--counts` (repeatable) and `--sums`; null when neither is given. Deals and notes
 * do not mix in one rule, and only won deals have values worth summing toward a quota. `noteTypes`:
 * the journal's, when known, so that `type:meetng` is refused rather than counting nothing.
 */
export function parseGoalRule(
  counts: readonly string[] | undefined,
  sums: string | undefined,
  noteTypes?: readonly string[],
): GoalRule | null {
  if ((counts?.length ?? 0) === 0 && sums === undefined) return null;
  if (sums !== undefined) {
    if ((counts?.length ?? 0) > 0) throw new UsageError('--counts and --sums do not go together: a goal either counts or sums');
    const term = parseTerm(sums, '--sums');
    if (term.key !== 'deals' || term.value !== 'won') {
      throw new UsageError(`invalid --sums ${quote(sums)}: only deals:won has values to sum (count the rest with --counts)`);
    }
    return { sums: [termText(term)] };
  }
  const terms = (counts ?? []).map((raw) => parseTerm(raw, '--counts', noteTypes));
  const deals = terms.filter((term) => term.key === 'deals');
  if (deals.length > 0 && terms.length > 1) {
    throw new UsageError(`--counts ${quote(termText(deals[0] as RuleTerm))} counts deals and cannot be combined with other rules`);
  }
  return { counts: [...new Set(terms.map(termText))] };
}

/** The stored text back into a rule; text the program cannot read counts nothing rather than failing every view. */
export function readGoalRule(text: string | null): GoalRule | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (isGoalRule(value)) return value;
  } catch {
    // fall through: a hand-edited journal
  }
  return { counts: [] };
}

export function isGoalRule(value: unknown): value is GoalRule {
  if (typeof value !== 'object' || value === null) return false;
  const list = 'counts' in value ? value.counts : 'sums' in value ? value.sums : undefined;
  return Array.isArray(list) && list.every((item) => typeof item === 'string') && Object.keys(value).length === 1;
}

/** Checks a rule that came from a file (an import) as the options are checked. */
export function checkGoalRule(rule: GoalRule): GoalRule {
  return 'sums' in rule ? (parseGoalRule(undefined, rule.sums.join('')) as GoalRule) : (parseGoalRule(rule.counts, undefined) as GoalRule);
}

export function ruleQuery(rule: GoalRule): RuleQuery {
  if ('sums' in rule) return { of: 'deals', status: 'won', measure: 'sum' };
  const terms = rule.counts.map((raw) => parseTerm(raw, '--counts'));
  const deal = terms.find((term) => term.key === 'deals');
  if (deal) return { of: 'deals', status: deal.value as 'won' | 'lost', measure: 'count' };
  return { of: 'notes', terms: terms.filter((term): term is Exclude<RuleTerm, { key: 'deals' }> => term.key !== 'deals') };
}

/** A rule in the words of the options that make it, for views: `type:meeting + tag:demo`, `sum of deals:won`. */
export function describeRule(rule: GoalRule): string {
  return 'sums' in rule ? `sum of ${rule.sums.join(' + ')}` : rule.counts.join(' + ');
}

export function ruleRefusal(slug: string, rule: GoalRule, what: string): UsageError {
  return new UsageError(
    `goal ${quote(slug)} counts itself (${describeRule(rule)}), so ${what} cannot change it: log the notes or deals it counts, or change the rule with perf goals edit ${slug} --counts …`,
  );
}
