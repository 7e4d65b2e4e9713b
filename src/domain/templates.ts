import { UsageError, quote } from '../errors.js';

/**
 * Note templates for `perf log --template NAME`: the built-ins here, the rep's own as
 * `templates/NAME.md` in the config folder. A template may start with front matter that sets the
 * note's type, tags, goal and deal:
 *
 *     ---
 *     type: call
 *     tags: [discovery, q4]
 *     goal: q4-arr
 *     ---
 */
export interface Template {
  name: string;
  /** 'built-in', or the file it was read from. */
  source: string;
  /** What the editor opens (front matter removed). */
  body: string;
  meta: TemplateMeta;
}

export interface TemplateMeta {
  type?: string;
  tags?: string[];
  goal?: string;
  deal?: string;
}

export const BUILTIN_TEMPLATES: Readonly<Record<string, { about: string; text: string }>> = {
  call: {
    about: 'a discovery call, with MEDDPICC headings',
    text: `---
type: call
---
Call with 

## Metrics
## Economic buyer
## Decision criteria
## Decision process
## Paper process
## Identified pain
## Champion
## Competition
## Next steps
`,
  },
  weekly: {
    about: 'the week: wins, losses, what I learned, next week',
    text: `---
type: learning
tags: [weekly]
---
Week in review

## Wins
## Losses
## What I learned
## Next week
`,
  },
  win: {
    about: 'a deal won: who, how much, why we won',
    text: `---
type: win
---
Won 

## Value and term
## Why we won
## Who helped
`,
  },
};

/** A template's name as a file name: a word, so that `--template ../x` can name no other file. */
export function isTemplateName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_-]*$/i.test(name) && name.length <= 60;
}

/** Splits `---` front matter from the body and reads its keys; an unknown key or bad line is refused. */
export function parseTemplate(name: string, source: string, text: string): Template {
  const normalized = text.replace(/\r\n?/g, '\n');
  const match = /^---\n(?:([\s\S]*?)\n)?---(?:\n|$)/.exec(normalized);
  if (!match) {
    // Unclosed, its keys would be saved into every note as text.
    if (normalized.startsWith('---\n')) {
      throw new UsageError(
        `invalid front matter in template ${quote(name)} (${source}): it has no closing ---; end it with a line of ---, or start the template without ---`,
      );
    }
    return { name, source, body: normalized, meta: {} };
  }
  const meta: TemplateMeta = {};
  for (const raw of (match[1] ?? '').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    const key = colon < 0 ? line : line.slice(0, colon).trim().toLowerCase();
    const value = colon < 0 ? '' : line.slice(colon + 1).trim();
    if (key === 'tags') meta.tags = splitList(value);
    else if ((key === 'type' || key === 'goal' || key === 'deal') && value) meta[key] = unquote(value);
    else {
      throw new UsageError(
        `invalid front matter in template ${quote(name)} (${source}): ${quote(line)}; use type:, tags: [a, b], goal: or deal: with a value`,
      );
    }
  }
  return { name, source, body: normalized.slice(match[0].length), meta };
}

function splitList(value: string): string[] {
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .map(unquote)
    .filter(Boolean);
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/, '$2').trim();
}

/**
 * The note a filled-in template makes: headings nobody wrote under are dropped, so a call note
 * holds the sections the rep used. Null when nothing was written beyond the template itself.
 */
export function filledTemplateText(template: string, edited: string): string | null {
  const clean = (text: string) => text.replace(/\r\n?/g, '\n').trim();
  if (clean(edited) === clean(template)) return null;
  const kept = dropEmptySections(clean(edited));
  return kept && kept !== dropEmptySections(clean(template)) ? kept : null;
}

function dropEmptySections(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^#{2,6}\s/.test(line)) {
      let next = i + 1;
      while (next < lines.length && !(lines[next] ?? '').trim()) next++;
      const empty = next >= lines.length || /^#{2,6}\s/.test(lines[next] ?? '');
      if (empty) continue;
    }
    out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The sections of a template to ask for when there is no editor: its headings, or the whole. */
export function templateSections(body: string): { lead: string; headings: string[] } {
  const lines = body.split('\n');
  const first = lines.findIndex((line) => /^#{2,6}\s/.test(line));
  const lead = (first < 0 ? body : lines.slice(0, first).join('\n')).trim();
  const headings = first < 0 ? [] : lines.slice(first).filter((line) => /^#{2,6}\s/.test(line));
  return { lead, headings };
}
