import {
  assessCompetency,
  competencySlug,
  describeUsage,
  resolveCompetencyRef,
  TREND_WINDOW,
  type Competency,
  type CompetencyDetail,
  type CompetencyOverview,
  type CompetencyUsage,
} from '../domain/competencies.js';
import { isOpen } from '../domain/development.js';
import { uniqueSlug } from '../domain/goal-refs.js';
import { UsageError, quote } from '../errors.js';
import type { Store } from '../storage/store.js';
import { readSettings } from './config.js';
import { assertChanged } from '../domain/records.js';

export function resolveCompetency(store: Store, ref: string): Competency {
  return resolveCompetencyRef(ref, store.competencies.list());
}

/** Several references, each checked; the same competency named twice counts once. */
export function resolveCompetencies(store: Store, refs: readonly string[]): Competency[] {
  if (refs.length === 0) return [];
  const all = store.competencies.list();
  const found = new Map<number, Competency>();
  for (const ref of refs) {
    const competency = resolveCompetencyRef(ref, all);
    found.set(competency.id, competency);
  }
  return [...found.values()];
}

/** Every competency in framework order with its ratings assessed against the scale. */
export function listCompetencies(store: Store): { scaleMax: number; items: CompetencyOverview[] } {
  const { scaleMax } = readSettings(store);
  // What the assessment reads of each competency's ratings: its trend and latest ones.
  const ratings = groupBy(store.ratings.latest(TREND_WINDOW), (r) => r.competencyId);
  const open = groupBy(store.development.listOpen(), (d) => d.competencyId ?? 0);
  const items = store.competencies.list().map((competency) => ({
    competency,
    assessment: assessCompetency(competency, ratings.get(competency.id) ?? [], scaleMax),
    openDevelopment: open.get(competency.id)?.length ?? 0,
  }));
  return { scaleMax, items };
}

/** One competency with its rating history, the notes that back it, feedback and development. */
export function showCompetency(store: Store, ref: string): { scaleMax: number; detail: CompetencyDetail } {
  const competency = resolveCompetency(store, ref);
  const { scaleMax } = readSettings(store);
  const ratings = store.ratings.list(competency.id);
  const development = store.development.list(competency.id);
  return {
    scaleMax,
    detail: {
      competency,
      assessment: assessCompetency(competency, ratings, scaleMax),
      openDevelopment: development.filter(isOpen).length,
      ratings,
      notes: store.notes.list({ competencyId: competency.id }),
      feedback: store.feedback.list({ competencyId: competency.id }),
      development,
    },
  };
}

export interface CompetencyInput {
  name: string;
  description: string | null;
  target: number | null;
  /** Made from the name when not given. */
  slug?: string;
}

/** Names are unique whatever their case. */
export function checkNameFree(store: Store, name: string, exceptId?: number): void {
  const taken = store.competencies.list().find((c) => c.name.toLowerCase() === name.toLowerCase() && c.id !== exceptId);
  if (taken) {
    throw new UsageError(`a competency named ${quote(taken.name)} already exists (${taken.slug}): choose another name or edit that one`);
  }
}

/**
 * A slug given with `--slug` must not name another competency, by its slug or by its name (a
 * reference matches either exactly).
 */
export function checkSlugFree(store: Store, slug: string, exceptId?: number): void {
  const taken = store.competencies.list().find((c) => c.id !== exceptId && (c.slug === slug || c.name.toLowerCase() === slug));
  if (taken) {
    throw new UsageError(`slug ${quote(slug)} is taken by competency #${taken.id} ${quote(taken.name)}: choose another with --slug`);
  }
}

export function addCompetency(store: Store, input: CompetencyInput, now: Date): Competency {
  return store.transaction(() => {
    checkNameFree(store, input.name);
    if (input.slug !== undefined) checkSlugFree(store, input.slug);
    const slug = input.slug ?? uniqueSlug(competencySlug(input.name), takenSlugs(store));
    const id = store.competencies.insert({ ...input, slug }, now.toISOString());
    return mustGet(store, id);
  });
}

export interface CompetencyChanges {
  name?: string;
  slug?: string;
  /** null clears it. */
  description?: string | null;
  /** null: back to the top of the scale. */
  target?: number | null;
}

/**
 * Renaming keeps the slug, as a goal keeps its slug when its title changes: the slug is how scripts,
 * notes and habits name it. Only `slug` changes it.
 */
export function editCompetency(store: Store, id: number, changes: CompetencyChanges, now: Date): Competency {
  return store.transaction(() => {
    const current = mustGet(store, id);
    const name = changes.name ?? current.name;
    if (changes.name !== undefined) checkNameFree(store, name, id);
    if (changes.slug !== undefined) checkSlugFree(store, changes.slug, id);
    const slug = changes.slug ?? current.slug;
    store.competencies.update(
      id,
      {
        slug,
        name,
        description: changes.description === undefined ? current.description : changes.description,
        target: changes.target === undefined ? current.target : changes.target,
      },
      now.toISOString(),
    );
    const edited = mustGet(store, id);
    assertChanged(current, edited, `competency ${current.slug}`);
    return edited;
  });
}

/**
 * What removing a competency would take with it. One that has ratings, feedback, notes or
 * development activities is refused unless `force`.
 */
export function checkRemovable(store: Store, competency: Competency, force: boolean): CompetencyUsage {
  const usage = store.competencies.usage(competency.id);
  const used = describeUsage(usage);
  if (used && !force) {
    throw new UsageError(`competency ${competency.slug} has ${used}: add --force to remove it anyway`);
  }
  return usage;
}

/** Removes a competency: its ratings and note links go with it; feedback and activities stay, unlinked. */
export function removeCompetency(store: Store, id: number, force: boolean): { competency: Competency; usage: CompetencyUsage } {
  return store.transaction(() => {
    const competency = mustGet(store, id);
    const usage = checkRemovable(store, competency, force);
    store.competencies.remove(id);
    return { competency, usage };
  });
}

function takenSlugs(store: Store): Set<string> {
  return new Set(store.competencies.list().flatMap((c) => [c.slug, c.name.toLowerCase()]));
}

function mustGet(store: Store, id: number): Competency {
  const competency = store.competencies.get(id);
  if (!competency) throw new UsageError(`no competency with id ${id}: see the ids with perf competencies`);
  return competency;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
