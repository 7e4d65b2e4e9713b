import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../src/domain/search.js';
import { UsageError } from '../../src/errors.js';

const VALID: [string, string][] = [
  ['acme', '"acme"*'],
  ['acme renewal', '"acme"* "renewal"*'],
  ['  acme   renewal  ', '"acme"* "renewal"*'],
  ['renew*', '"renew"*'],
  ['acme renew*', '"acme"* "renew"*'],
  ['"price increase"', '"price increase"'],
  ['"price increase" acme*', '"price increase" "acme"*'],
  ['acme OR globex', '"acme"* OR "globex"*'],
  ['acme NOT globex', '"acme"* NOT "globex"*'],
  ['acme AND globex', '"acme"* AND "globex"*'],
  ['acme OR "price increase"', '"acme"* OR "price increase"'],
  // Lower-case operators are plain words, as in a search engine.
  ['acme or globex', '"acme"* "or"* "globex"*'],
  ['acme not globex', '"acme"* "not"* "globex"*'],
  // FTS5 syntax characters are quoted away rather than becoming syntax errors.
  ['acme-corp', '"acme-corp"*'],
  ['q4:', '"q4:"*'],
  ['NEAR(acme globex)', '"NEAR(acme"* "globex)"*'],
  ['^acme', '"^acme"*'],
  ['acme+globex', '"acme+globex"*'],
  ['a"b"c', '"a""b""c"*'],
  // Words without a letter or digit say nothing and are dropped.
  ['acme - globex', '"acme"* "globex"*'],
  ['acme *', '"acme"*'],
  ['acme ""', '"acme"*'],
  ['über', '"über"*'],
];

describe('toFtsQuery', () => {
  it.each(VALID)('%j becomes %s', (input, query) => {
    expect(toFtsQuery(input)).toBe(query);
  });

  it.each([
    ['', /^the search is empty: give one or more words/],
    ['   ', /^the search is empty: give one or more words/],
    ['"unbalanced', /^invalid search "\\"unbalanced": a phrase needs both its quotes/],
    ['acme "price increase', /^invalid search "acme \\"price increase": a phrase needs both its quotes/],
    ['price"', /^invalid search "price\\"": a phrase needs both its quotes/],
    ['OR acme', /^invalid search "OR acme": OR must stand between two words/],
    ['acme OR', /^invalid search "acme OR": OR must stand between two words/],
    ['NOT acme', /^invalid search "NOT acme": NOT must stand between two words/],
    ['acme AND', /^invalid search "acme AND": AND must stand between two words/],
    ['acme OR OR globex', /^invalid search "acme OR OR globex": OR must stand between two words/],
    ['acme OR NOT globex', /^invalid search "acme OR NOT globex": NOT must stand between two words/],
    ['***', /^invalid search "\*\*\*": give at least one word with letters or digits/],
    ['""', /^invalid search "\\"\\"": give at least one word with letters or digits/],
    ['- - -', /^invalid search "- - -": give at least one word with letters or digits/],
  ])('%j is a usage error', (input, message) => {
    let error: unknown;
    try {
      toFtsQuery(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('toFtsQuery output is valid FTS5', () => {
  // The same tokenizer as the journal's index.
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')");
  db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)').run(1, 'Acme renewal: price increase accepted by acme-corp');
  db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)').run(2, 'Globex demo, no renewal yet');
  const search = (query: string) =>
    (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').all(query) as { rowid: number }[]).map((r) => r.rowid);
  afterAll(() => db.close());

  it.each(VALID)('%j runs without a syntax error', (input) => {
    expect(() => search(toFtsQuery(input))).not.toThrow();
  });

  it.each([
    ['acme', [1]],
    ['renewal', [1, 2]],
    ['renew*', [1, 2]],
    // Every word matches word beginnings: a rep searching "renew" means the renewals.
    ['renew', [1, 2]],
    ['renewals', []],
    ['"price increase"', [1]],
    ['"increase price"', []],
    ['increase price', [1]],
    ['acme OR globex', [1, 2]],
    ['renewal NOT acme', [2]],
    ['acme-corp', [1]],
    ['ACME', [1]],
  ])('%j finds %j', (input, rowids) => {
    expect(search(toFtsQuery(input))).toEqual(rowids);
  });
});
