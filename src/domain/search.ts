import { UsageError, quote } from '../errors.js';

/**
 * Turns what a user types after `--search` into a safe FTS5 query. Every word matches the
 * beginnings of words (`renew` finds "renewal", `acme renewal` needs both), `"exact phrase"` is a
 * phrase, and upper-case OR / NOT / AND work as in a search engine. Every word is quoted, so
 * `acme-corp` or `q4:` never become FTS5 syntax errors.
 */
export function toFtsQuery(input: string): string {
  const raw = input.trim();
  if (!raw) throw new UsageError('the search is empty: give one or more words, e.g. --search "acme renewal"');
  if ((raw.match(/"/g) ?? []).length % 2 === 1) {
    throw new UsageError(`invalid search ${quote(input)}: a phrase needs both its quotes, e.g. "price increase"`);
  }
  const parts: string[] = [];
  let pendingOperator: string | null = null;
  for (const match of raw.matchAll(/"([^"]*)"|(\S+)/g)) {
    const phrase = match[1];
    const word = match[2];
    if (word === 'OR' || word === 'NOT' || word === 'AND') {
      if (parts.length === 0 || pendingOperator) {
        throw new UsageError(`invalid search ${quote(input)}: ${word} must stand between two words, e.g. "acme OR globex"`);
      }
      pendingOperator = word;
      continue;
    }
    const term = phrase !== undefined ? phraseTerm(phrase) : wordTerm(word ?? '');
    if (!term) continue;
    if (pendingOperator) parts.push(pendingOperator);
    pendingOperator = null;
    parts.push(term);
  }
  if (pendingOperator) {
    throw new UsageError(`invalid search ${quote(input)}: ${pendingOperator} must stand between two words, e.g. "acme OR globex"`);
  }
  if (parts.length === 0) throw new UsageError(`invalid search ${quote(input)}: give at least one word with letters or digits`);
  return parts.join(' ');
}

function phraseTerm(phrase: string): string | null {
  return /[\p{L}\p{N}]/u.test(phrase) ? `"${phrase}"` : null;
}

// A rep searching "renew" means renewals too, so a word is always a prefix ("renew*" still works).
function wordTerm(word: string): string | null {
  const body = word.replace(/\*+$/, '');
  if (!/[\p{L}\p{N}]/u.test(body)) return null;
  return `"${body.replaceAll('"', '""')}"*`;
}

/** How a term joins the one before it in a CJK search: as in FTS5, NOT binds first, then AND, then OR. */
export type SearchJoin = 'AND' | 'OR' | 'NOT';

/** How `--search` runs: by words (the unicode61 index), by trigrams, or a plain substring scan. */
export type NoteSearch = { match: string } | { trigram: string } | { contains: string[]; containsJoins: SearchJoin[] };

// Scripts written without spaces between words: Han, Hiragana, Katakana, Hangul, Thai. Made on
// first use (a listing without a search never needs it).
let unspaced: RegExp | undefined;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * A search with CJK or Thai characters looks for each term inside the text (`売上` finds
 * "売上目標"): by the trigram index when every term has three characters or more, else by a
 * substring scan, as a trigram index cannot look up one or two characters. Terms join as in a
 * word search (both must be found, or OR / NOT / AND between them); quotes keep a phrase with
 * spaces together. Other searches go by words (toFtsQuery).
 */
export function toNoteSearch(input: string): NoteSearch {
  // The word search's rules and refusals hold here too: paired quotes, OR/NOT/AND between two words.
  const words = toFtsQuery(input);
  // ASCII first: building the scripts' sets costs ~4 ms, and typed searches are mostly ASCII.
  if (ASCII.test(input)) return { match: words };
  unspaced ??= /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
  if (!unspaced.test(input)) return { match: words };
  const terms: string[] = [];
  const joins: SearchJoin[] = [];
  let join: SearchJoin = 'AND';
  for (const match of input.matchAll(/"([^"]*)"|(\S+)/g)) {
    const word = match[2];
    if (word === 'OR' || word === 'NOT' || word === 'AND') {
      join = word;
      continue;
    }
    // A trailing * asks for a prefix, which a search inside the text already gives.
    const term = (match[1] ?? word ?? '').trim().replace(/\*+$/, '');
    if (!/[\p{L}\p{N}]/u.test(term)) continue;
    if (terms.length > 0) joins.push(join);
    join = 'AND';
    terms.push(term);
  }
  if (terms.some((term) => [...term].length < 3)) return { contains: terms, containsJoins: joins };
  const quoted = terms.map((term) => `"${term.replaceAll('"', '""')}"`);
  return { trigram: quoted.map((term, i) => (i === 0 ? term : `${joins[i - 1]} ${term}`)).join(' ') };
}
