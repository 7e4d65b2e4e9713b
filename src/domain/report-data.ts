/**
 * What the reports (summary, checkin, status) read from the journal: the domains' own records,
 * one snapshot per report, so that the report itself is pure code over them.
 */
import type { Day } from './calendar.js';
import type { Competency, Rating } from './competencies.js';
import type { Settings } from './config.js';
import type { DevelopmentActivity } from './development.js';
import type { Feedback } from './feedback.js';
import type { Goal, GoalUpdate, ReplayedUpdate } from './goals.js';
import type { Note } from './notes.js';
import type { Reflection } from './reflections.js';
import type { PeriodNoteDigest } from './summary-notes.js';

/** A one-to-one with the manager that took place (`perf checkin --done`). */
export interface OneToOne {
  id: number;
  date: Day;
  note: string | null;
  createdAt: string;
}

/** A deal as the summary's sales numbers read it (the deals table; `perf deals` owns the rest). */
export interface SummaryDeal {
  id: number;
  name: string;
  account: string | null;
  value: number;
  stage: string | null;
  status: 'open' | 'won' | 'lost';
  /** The day it was recorded (the calendar day of created_at). */
  createdOn: Day;
  closedOn: Day | null;
}

export interface SummarySnapshot {
  /** With the journal's currency (config `currency`, else USD) that deal values are in. */
  settings: Settings;
  /** The reflection written for exactly the period, if any. */
  reflection: Reflection | null;
  /** Deals closed in the period or open at its end. */
  deals: SummaryDeal[];
  /** Each account's first spelling in the journal (notes first, then deals), one per account whatever its case. */
  accountSpellings: string[];
  /** The period's notes counted, and the lists of them the summary shows (summary-notes.ts). */
  notes: PeriodNoteDigest;
  /** The goals the summary can show and those they align to, and the updates of those it shows (`goalsShown`). */
  goals: Goal[];
  goalUpdates: ReplayedUpdate[];
  /** In framework order. */
  competencies: Competency[];
  /** Oldest first: those in the period, and each competency's latest self and others' rating before it. */
  ratings: Rating[];
  /** Feedback dated in the period, oldest first. */
  feedback: Feedback[];
  development: DevelopmentActivity[];
}

export interface CheckinSnapshot {
  settings: Settings;
  lastOneToOne: OneToOne | null;
  /** The first day the agenda covers, as decided from `lastOneToOne`. */
  from: Day;
  /** Notes from `from` on, oldest first. */
  notes: Note[];
  goals: Goal[];
  goalUpdates: GoalUpdate[];
  /** Feedback from `from` on, oldest first. */
  feedback: Feedback[];
  development: DevelopmentActivity[];
}

export interface StatusSnapshot {
  settings: Settings;
  /** Each day up to today that has notes, oldest first, as Julian day numbers (`julianDayNumber`). */
  noteDayNumbers: number[];
  /** Every note, future-dated ones included. */
  noteCount: number;
  lastNote: Note | null;
  /** The goals open today; others given are left out (buildStatus views the goals open today). */
  goals: Goal[];
  goalUpdates: GoalUpdate[];
  development: DevelopmentActivity[];
}
