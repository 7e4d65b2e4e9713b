/** Goal references: slugs made from titles, "did you mean" suggestions and alignment cycles. */
import { UsageError, quote } from '../errors.js';

const MAX_SLUG_LENGTH = 60;
// Lowercase letters of any script (uncased ones such as Han count as lowercase), their marks and
// digits: none of them means anything to a shell, so a slug is typed as it is.
const SLUG_WORD = '[\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{Nd}]+';
// Made on first use: building a Unicode-property RegExp costs ~1 ms, at every start if done at
// load, and most commands (perf log among them) never check a slug.
let slugRe: RegExp | undefined;

// Letters that Unicode does not decompose into a base letter plus an accent.
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };
// Built from the keys rather than written out: the bundle stays ASCII (see scripts/bundle.mjs).
const LIGATURE_CHARS = new RegExp(`[${Object.keys(LIGATURES).join('')}]`, 'g');

/**
 * kebab-case slug from a title: "Close $500,000 new ARR in 2026" → "close-500-000-new-arr-in-2026".
 * Strips accents from Latin letters (é → e), drops apostrophes ("Don't" → "dont"), lowercases, keeps
 * the letters of other scripts as they are ("売上目標", "продажи-в-регионе": NFKD would strip the
 * marks that make й or が), collapses anything else to a single '-', trims '-', and keeps at most 60
 * characters, cut at a '-' when possible. '' for a title with no letters or digits.
 */
export function slugify(title: string): string {
  const slug = [...title.normalize('NFC').toLowerCase()]
    .map(slugChar)
    .join('')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/** One character of a title in a slug: a Latin letter without its accent, another letter as it is, else a dash. */
function slugChar(ch: string): string {
  if (ch === "'" || ch === '’') return '';
  const latin = ch
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(LIGATURE_CHARS, (c) => LIGATURES[c] ?? c);
  if (/^[a-z0-9]+$/.test(latin)) return latin;
  return /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]$/u.test(ch) ? ch : '-';
}

/** Makes a slug unique against `taken`: 'q4-arr', 'q4-arr-2', 'q4-arr-3'… */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The words of subcommands (`perf goals updates edit 3`, `perf competencies show x`): a goal or
 * competency with one of them as its slug would make such a command ambiguous.
 */
export const RESERVED_SLUGS: readonly string[] = [
  'add',
  'edit',
  'rm',
  'show',
  'list',
  'update',
  'updates',
  'done',
  'drop',
  'reopen',
  'roll',
  'history',
  'last',
];

/** Refuses a slug typed with `--slug` that is a subcommand word; `prefix` makes the suggestion. */
export function assertNotReservedSlug(raw: string, prefix: string): void {
  const slug = raw.trim().toLowerCase();
  if (RESERVED_SLUGS.includes(slug)) {
    throw new UsageError(
      `slug ${quote(raw.trim())} is a command word (${RESERVED_SLUGS.join(', ')}): choose another, e.g. ${prefix}-${slug}`,
    );
  }
}

/** A slug as one made from a title can be: Latin letters only as a-z (titles lose their accents). */
export function isValidSlug(s: string): boolean {
  slugRe ??= new RegExp(`^${SLUG_WORD}(-${SLUG_WORD})*$`, 'u');
  return slugRe.test(s) && !/\p{Script=Latin}/u.test(s.replace(/[a-z]/g, ''));
}

/**
 * Up to `max` candidates closest to `input`, for "did you mean" messages. Case-insensitive: candidates
 * that start with the input come first, then those containing it, then the rest by edit distance;
 * a candidate too far from the input to be a plausible typo is left out.
 */
export function closestMatches(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.trim().toLowerCase();
  if (needle === '' || max <= 0) return [];
  const limit = Math.max(2, Math.ceil(needle.length * 0.4));
  const seen = new Set<string>();
  const ranked: { candidate: string; group: number; distance: number; index: number }[] = [];
  candidates.forEach((candidate, index) => {
    if (seen.has(candidate)) return;
    seen.add(candidate);
    const hay = candidate.toLowerCase();
    const distance = levenshtein(needle, hay);
    const group = hay.startsWith(needle) ? 0 : hay.includes(needle) ? 1 : 2;
    if (group === 2 && distance > limit) return;
    ranked.push({ candidate, group, distance, index });
  });
  return ranked
    .sort((a, b) => a.group - b.group || a.distance - b.distance || a.index - b.index)
    .slice(0, max)
    .map((r) => r.candidate);
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** Whether linking `goalId` → `parentId` would create an alignment cycle (including self), given a parent lookup. */
export function wouldCreateCycle(goalId: number, parentId: number, parentOf: (id: number) => number | null): boolean {
  const visited = new Set<number>();
  for (let id: number | null = parentId; id !== null; id = parentOf(id)) {
    if (id === goalId) return true;
    // A loop already in the data that does not pass through goalId is not ours to report.
    if (visited.has(id)) return false;
    visited.add(id);
  }
  return false;
}
