import { UsageError, quote } from '../errors.js';

// A hashtag starts after white space or an opening bracket, and must hold a letter, so that
// "ranked #1" or "#2026" in a sentence are not taken as tags. Made on first use: a Unicode
// pattern costs a few tenths of a millisecond to build, and most commands never need it.
let hashtagPattern: RegExp | undefined;
let tagPattern: RegExp | undefined;

/** The `#tags` written in a note's text, lower-cased, in order of first appearance. */
export function extractHashtags(text: string): string[] {
  if (!text.includes('#')) return [];
  hashtagPattern ??= /(?:^|[\s([{])#([\p{L}\p{N}_][\p{L}\p{N}_\-/]*)/gu;
  const tags: string[] = [];
  for (const match of text.matchAll(hashtagPattern)) {
    const tag = trimTag(match[1] ?? '');
    if (/\p{L}/u.test(tag)) tags.push(tag.toLowerCase());
  }
  return uniqueTags(tags);
}

/** A tag given with `-t`: a leading `#` is allowed; letters, digits, `_`, `-` and `/` only. */
export function parseTag(raw: string): string {
  const tag = raw.trim().replace(/^#/, '').toLowerCase();
  tagPattern ??= /^[\p{L}\p{N}_][\p{L}\p{N}_\-/]*$/u;
  if (!tagPattern.test(tag)) {
    throw new UsageError(`invalid tag ${quote(raw)}: a tag is one word of letters, digits, "_", "-" or "/" (e.g. renewal, q4)`);
  }
  return tag;
}

export function uniqueTags(tags: Iterable<string>): string[] {
  return [...new Set(tags)];
}

// "#renewal." at the end of a sentence is the tag "renewal".
function trimTag(tag: string): string {
  return tag.replace(/[-/]+$/u, '');
}
