/**
 * jrnl's habit: `perf log "yesterday: Called Acme"` dates the note by the words before the first
 * colon. Only words that can make a date pass this check, so "Note: …", "Re: …" or a time such as
 * "10:30 call" never load the date parser (chrono-node, tens of milliseconds); what passes is then
 * parsed for real, and text that is not a date after all stays text.
 */
export interface DatePrefix {
  /** The words before the colon, e.g. "last friday". */
  when: string;
  /** The note without them and the colon. */
  rest: string;
}

const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY = 'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?';
const COUNT = 'an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve';
const RELATIVE = 'today|yesterday|last|this|past|previous|ago|on|the|of|days?|weeks?|months?|years?';
// The words of the languages whose dates -d reads beyond English (German and French: `gestern`,
// `letzten Freitag`, `4. März`, `il y a 3 jours`); which parser reads them follows the locale.
const GERMAN =
  'heute|gestern|vorgestern|letzte[nrs]?|vor|am|tag(?:en)?|woche(?:n)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember';
const FRENCH =
  "aujourd'hui|hier|dernier|dernière|il|y|a|le|jours?|semaines?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
// 3, 3rd, 4. (German), 2026, 2026-11-20, 20.11.2026, 11/20
const NUMERIC = '\\d{1,4}(?:st|nd|rd|th|\\.)?|\\d{1,4}[-/.]\\d{1,2}(?:[-/.]\\d{1,4})?';
const DATE_WORD = new RegExp(`^(?:${NUMERIC}|${MONTH}|${WEEKDAY}|${COUNT}|${RELATIVE}|${GERMAN}|${FRENCH})$`, 'iu');

/** Longer than any date a rep would type before a colon. */
const MAX_PREFIX = 30;

/** The words before the first colon when each could be part of a date; null otherwise. */
export function splitDatePrefix(text: string): DatePrefix | null {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon > MAX_PREFIX) return null;
  const when = text.slice(0, colon).trim();
  const words = when.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || !words.every((word) => DATE_WORD.test(word))) return null;
  // "10:30 call": a bare hour is a time, not a day.
  if (words.length === 1 && /^\d{1,2}$/.test(when)) return null;
  return { when, rest: text.slice(colon + 1).trim() };
}
