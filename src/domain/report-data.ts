/**
 * What the reports (summary, checkin, status) read from the journal: plain records, one snapshot
 * per report, so that the report itself is pure code over them.
 */
import type { Day } from './calendar.js';
import type { Settings } from './config.js';
import type { CheckinEntry, GoalStatus } from './goal-progress.js';
import type { Note } from './notes.js';

export const RATING_SOURCES = ['self', 'manager', 'peer', 'customer', 'other'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

export const RELATIONSHIPS = ['manager', 'peer', 'other-manager', 'admin', 'customer', 'direct-report'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const DEVELOPMENT_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export interface GoalRef {
  id: number;
  slug: string;
  title: string;
}

export interface ReportCheckinEntry extends CheckinEntry {
  id: number;
  note: string | null;
  noteId: number | null;
}

export interface ReportGoal {
  id: number;
  slug: string;
  title: string;
  org: boolean;
  unit: string | null;
  baseline: number;
  target: number | null;
  start: Day;
  due: Day | null;
  status: GoalStatus;
  /** The day it was marked done or dropped. */
  closedOn: Day | null;
  /** Another goal, free text, or nothing. */
  alignsTo: GoalRef | string | null;
  /** Oldest first. */
  checkins: ReportCheckinEntry[];
}

export interface ReportCompetency {
  id: number;
  slug: string;
  name: string;
  target: number | null;
}

export interface ReportRating {
  id: number;
  competencyId: number;
  date: Day;
  rating: number;
  source: RatingSource;
  ratedBy: string | null;
  note: string | null;
}

export interface ReportFeedback {
  id: number;
  date: Day;
  from: string;
  relationship: Relationship;
  /** The competency's slug. */
  competency: string | null;
  text: string;
}

export interface ReportDevelopment {
  id: number;
  title: string;
  competency: string | null;
  assignedBy: string | null;
  due: Day | null;
  status: DevelopmentStatus;
  startedOn: Day | null;
  completedOn: Day | null;
  outcome: string | null;
}

/** A one-to-one with the manager that took place. */
export interface OneToOne {
  id: number;
  date: Day;
  note: string | null;
  createdAt: string;
}

export interface SummarySnapshot {
  settings: Settings;
  /** Notes dated in the period, oldest first. */
  notes: Note[];
  goals: ReportGoal[];
  /** In framework order. */
  competencies: ReportCompetency[];
  /** Every rating on or before the period's end, oldest first. */
  ratings: ReportRating[];
  /** Feedback dated in the period, oldest first. */
  feedback: ReportFeedback[];
  development: ReportDevelopment[];
}

export interface CheckinSnapshot {
  settings: Settings;
  lastOneToOne: OneToOne | null;
  /** The first day the agenda covers, as decided from `lastOneToOne`. */
  from: Day;
  /** Notes from `from` on, oldest first. */
  notes: Note[];
  goals: ReportGoal[];
  feedback: ReportFeedback[];
  development: ReportDevelopment[];
}

export interface StatusSnapshot {
  settings: Settings;
  /** Each day that has notes, oldest first. */
  noteDays: { date: Day; count: number }[];
  lastNote: Note | null;
  goals: ReportGoal[];
  development: ReportDevelopment[];
}
