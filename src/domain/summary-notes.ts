/**
 * What the summary reads of a period's notes: counts (per day, per type, per account) and, for each
 * list of notes it shows, the notes themselves. The human formats (text, Markdown, HTML) show the
 * most telling few of each list (`SUMMARY_CAPS`): starred notes first, then the most recent, shown
 * in date order, with how many there are in all; JSON and `--all` show every note. The journal
 * reads such a digest with aggregate queries (storage/period-digest.ts), so that a year of notes
 * is counted, not loaded (issue 12); `digestNotes` makes the same digest from notes in hand.
 */
import type { Day } from './calendar.js';
import type { Note } from './notes.js';

/** How many notes each list of the human formats shows at most. */
export interface SummaryCaps {
  highlights: number;
  /** Each goal's notes. */
  goal: number;
  /** Each competency's evidence: its notes and feedback together. */
  evidence: number;
  learning: number;
  /** Each growth area's notes (its progress, under looking ahead). */
  growth: number;
}

export const SUMMARY_CAPS: SummaryCaps = { highlights: 15, goal: 5, evidence: 5, learning: 10, growth: 5 };

/** The notes a list shows (oldest first) and how many it has in the period. */
export interface NotePick {
  notes: Note[];
  total: number;
}

/** An account as spelt exactly so in the period's notes. */
export interface AccountUse {
  account: string;
  notes: number;
  lastDate: Day;
  /** Its first note's date and zero-padded id: sorts the spellings in the order first used. */
  first: string;
}

export interface PeriodNoteDigest {
  /** Each day of the period with notes, oldest first. */
  days: { date: Day; count: number }[];
  /** The period's notes counted by type (in no order). */
  byType: { type: string; count: number }[];
  /** Each spelling of an account in the period's notes (in no order). */
  accounts: AccountUse[];
  /** Starred notes and wins, with how many are wins and how many starred. */
  highlights: NotePick & { wins: number; starred: number };
  learning: NotePick;
  /** By goal id: the notes linked to it. */
  goals: Map<number, NotePick>;
  /** By competency slug: the notes linked to it (as many as the evidence and the growth area show). */
  competencies: Map<string, NotePick>;
  /** What the lists were cut to; null when they hold every note. */
  caps: SummaryCaps | null;
}

/** The order in which notes are picked for a cut list: starred first, then the most recent. */
export function tellingFirst(a: Pick<Note, 'starred' | 'date' | 'id'>, b: Pick<Note, 'starred' | 'date' | 'id'>): number {
  return Number(b.starred) - Number(a.starred) || compare(b.date, a.date) || b.id - a.id;
}

/** Date order, as every list shows its notes. */
export function byDate(a: Pick<Note, 'date' | 'id'>, b: Pick<Note, 'date' | 'id'>): number {
  return compare(a.date, b.date) || a.id - b.id;
}

/** The `cap` most telling of `notes` (all with no cap), in date order. */
export function pickNotes(notes: readonly Note[], cap: number | null): NotePick {
  const shown = cap === null || notes.length <= cap ? [...notes] : [...notes].sort(tellingFirst).slice(0, cap);
  return { notes: shown.sort(byDate), total: notes.length };
}

/** The digest of `notes` (those outside the period are left out), its lists cut to `caps`, or whole. */
export function digestNotes(notes: readonly Note[], period: { from: Day; to: Day }, caps: SummaryCaps | null): PeriodNoteDigest {
  const inPeriod = notes.filter((note) => note.date >= period.from && note.date <= period.to).sort(byDate);
  const highlights = inPeriod.filter((note) => note.starred || note.type === 'win');
  const perCompetency = caps === null ? null : Math.max(caps.evidence, caps.growth);
  return {
    days: counted(inPeriod.map((note) => note.date)).map(([date, count]) => ({ date, count })),
    byType: counted(inPeriod.map((note) => note.type)).map(([type, count]) => ({ type, count })),
    accounts: accountUses(inPeriod),
    highlights: {
      ...pickNotes(highlights, caps?.highlights ?? null),
      wins: highlights.filter((note) => note.type === 'win').length,
      starred: highlights.filter((note) => note.starred).length,
    },
    learning: pickNotes(
      inPeriod.filter((note) => note.type === 'learning'),
      caps?.learning ?? null,
    ),
    goals: pickPerKey(inPeriod, (note) => note.goals.map((g) => g.goalId), caps?.goal ?? null),
    competencies: pickPerKey(inPeriod, (note) => note.competencies, perCompetency),
    caps,
  };
}

/** Each spelling of an account in `notes` (date order), with its notes, last day and first use. */
export function accountUses(notes: readonly Note[]): AccountUse[] {
  const bySpelling = new Map<string, AccountUse>();
  for (const note of notes) {
    if (!note.account) continue;
    const use = bySpelling.get(note.account);
    if (!use) bySpelling.set(note.account, { account: note.account, notes: 1, lastDate: note.date, first: firstKey(note) });
    else {
      use.notes++;
      if (note.date > use.lastDate) use.lastDate = note.date;
    }
  }
  return [...bySpelling.values()];
}

/** A note's place in the order of first uses, as the journal's query writes it. */
function firstKey(note: Pick<Note, 'date' | 'id'>): string {
  return `${note.date} ${String(note.id).padStart(12, '0')}`;
}

function pickPerKey<K>(notes: readonly Note[], keys: (note: Note) => readonly K[], cap: number | null): Map<K, NotePick> {
  const byKey = new Map<K, Note[]>();
  for (const note of notes) {
    for (const key of keys(note)) {
      const list = byKey.get(key);
      if (list) list.push(note);
      else byKey.set(key, [note]);
    }
  }
  return new Map([...byKey].map(([key, list]) => [key, pickNotes(list, cap)]));
}

function counted(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A list the human formats cut: how many it has in all, and a command that lists them all (null: only `perf summary --all`). */
export interface ListCut {
  total: number;
  command: string | null;
}

/** Where the human formats' lists of notes were cut (never in JSON, which lists every note). */
export interface SummaryCuts {
  highlights: ListCut;
  learning: ListCut;
  /** By goal id: the goal's notes. */
  goals: Record<number, ListCut>;
  /** By competency slug: its evidence (notes and feedback together: no one command lists them). */
  evidence: Record<string, ListCut>;
  /** By competency slug: the growth area's notes (`perf notes` has no competency filter). */
  progress: Record<string, ListCut>;
}

/** The `perf notes` command that lists every note of the period that `filters` select. */
export function notesCommand(filters: readonly string[], period: { from: Day; to: Day }): string {
  return ['perf notes', ...filters, '--from', period.from, '--to', period.to, '-n all'].join(' ');
}

/** Starred notes or wins: `perf notes` has a filter for either, not both, so one is named only when it is the whole set. */
export function highlightsCommand(highlights: PeriodNoteDigest['highlights'], period: { from: Day; to: Day }): string | null {
  if (highlights.wins === highlights.total) return notesCommand(['--type win'], period);
  if (highlights.starred === highlights.total) return notesCommand(['--starred'], period);
  return null;
}
