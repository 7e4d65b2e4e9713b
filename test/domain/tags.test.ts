import { describe, expect, it } from 'vitest';
import { extractHashtags, parseTag, uniqueTags } from '../../src/domain/tags.js';
import { UsageError } from '../../src/errors.js';

describe('extractHashtags', () => {
  it.each([
    ['Called Acme about the renewal #renewal', ['renewal']],
    ['#Q4 push with #Acme', ['q4', 'acme']],
    ['#Acme and #acme and #ACME', ['acme']],
    ['#b #a #b', ['b', 'a']],
    ['end of a sentence #renewal.', ['renewal']],
    ['#renewal, #pricing; #q4!', ['renewal', 'pricing', 'q4']],
    ['(#renewal) [#pricing] {#q4}', ['renewal', 'pricing', 'q4']],
    ['#q4-2026 #emea/north', ['q4-2026', 'emea/north']],
    ['a trailing dash #deal- or slash #deal/', ['deal']],
    ['#über #café', ['über', 'café']],
    ['#_internal', ['_internal']],
    ['first line #one\n#two on the next', ['one', 'two']],
    ['ranked #1 in the region', []],
    ['plan for #2026', []],
    ['me@acme#anchor and C# developers', []],
    ['https://acme.com/#pricing', []],
    ['##double', []],
    ['# heading', []],
    ['no tags at all', []],
    ['', []],
  ])('%j has the tags %j', (text, tags) => {
    expect(extractHashtags(text)).toEqual(tags);
  });
});

describe('parseTag', () => {
  it.each([
    ['renewal', 'renewal'],
    ['Renewal', 'renewal'],
    ['#Q4', 'q4'],
    ['  q4  ', 'q4'],
    ['emea/north', 'emea/north'],
    ['q4-2026', 'q4-2026'],
    ['x_y', 'x_y'],
    ['2026', '2026'],
    ['Über', 'über'],
  ])('%j is the tag %j', (raw, tag) => {
    expect(parseTag(raw)).toBe(tag);
  });

  it.each(['', '   ', '#', 'two words', 'a.b', 'a,b', '-deal', '/deal', '##deal', 'deal!', 'a#b'])('%j is refused', (raw) => {
    let error: unknown;
    try {
      parseTag(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `invalid tag ${JSON.stringify(raw)}: a tag is one word of letters, digits, "_", "-" or "/" (e.g. renewal, q4)`,
    );
  });
});

describe('uniqueTags', () => {
  it.each([
    [[], []],
    [['a'], ['a']],
    [
      ['b', 'a', 'b', 'c', 'a'],
      ['b', 'a', 'c'],
    ],
  ])('%j becomes %j (first appearance kept)', (tags, expected) => {
    expect(uniqueTags(tags)).toEqual(expected);
  });
});
