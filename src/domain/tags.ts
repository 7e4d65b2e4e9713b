import { UsageError, quote } from '../errors.js';

// A hashtag starts after white space or an opening bracket, and must hold a letter, so that
// "ranked #1" or "#2026" in a sentence are not taken as tags.
const HASHTAG_RE = /(?:^|[\s([{])#([\p{L}\p{N}_][\p{L}\p{N}_\-/]*)/gu;
const TAG_RE = /^[\p{L}\p{N}_][\p{L}\p{N}_\-/]*$/u;

/** The `#tags` written in a note's text, lower-cased, in order of first appearance. */
export function extractHashtags(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(HASHTAG_RE)) {
    const tag = trimTag(match[1] ?? '');
    if (/\p{L}/u.test(tag)) tags.push(tag.toLowerCase());
  }
  return uniqueTags(tags);
}

/** A tag given with `-t`: a leading `#` is allowed; letters, digits, `_`, `-` and `/` only. */
export function parseTag(raw: string): string {
  const tag = raw.trim().replace(/^#/, '').toLowerCase();
  if (!TAG_RE.test(tag)) {
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
