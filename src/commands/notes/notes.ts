import type { Context } from '../../context.js';
import { parseLimit, parseNoteRef } from '../../domain/ids.js';
import { normalizeAccount, normalizeNoteText, noteToJson, parseGoalOption, parseNoteType } from '../../domain/notes.js';
import { toNoteSearch } from '../../domain/search.js';
import { parseTag } from '../../domain/tags.js';
import { quote, UsageError } from '../../errors.js';
import { readSettings } from '../../services/config.js';
import { findGoal } from '../../services/goals.js';
import {
  countNotes,
  editNote,
  findNote,
  hasChanges,
  listNotes,
  removeNote,
  resolveNoteRef,
  type NoteChanges,
} from '../../services/notes.js';
import type { NoteFilter } from '../../storage/notes-repo.js';
import { renderNoteDetail, renderNoteList, renderNoteRemoved } from './view.js';
import { confirmAndRemove, preview } from '../record-changes.js';
import { parseAmount, parseWhen, readCompetencyIds, readNoteTypes } from '../input.js';
import { inertDeep } from '../../terminal/inert.js';
import { shellQuote } from '../../terminal/format.js';
import type { NotesEditOptions, NotesListOptions, NotesRmOptions, NotesShowOptions } from './definitions.js';

export async function runNotesList(ctx: Context, options: NotesListOptions): Promise<void> {
  // Text shows a screenful and says what it left out; JSON is read by programs, so it holds every
  // match unless asked for fewer.
  const asked = options.limit === undefined ? undefined : parseLimit(options.limit, '--limit');
  const limit = asked === 'all' || (asked === undefined && options.json) ? undefined : (asked ?? DEFAULT_LIST_LENGTH);
  const search = options.search === undefined ? {} : toNoteSearch(options.search);
  const store = await ctx.readStore();
  const filter: NoteFilter = {
    tag: options.tag === undefined ? undefined : parseTag(options.tag),
    goalId: options.goal === undefined ? undefined : findGoal(store, options.goal).id,
    account: normalizeAccount(options.account) ?? undefined,
    type: options.type === undefined ? undefined : parseNoteType(options.type, await readNoteTypes(ctx)),
    starred: options.starred,
    ...search,
  };
  await applyDays(ctx, options, filter);
  if (options.period !== undefined || options.from !== undefined || options.to !== undefined) {
    // A plain day, year, month or period loads no date parser.
    const { resolveTypedRange } = await import('../../domain/period-ranges.js');
    const range = await resolveTypedRange(options, {
      now: ctx.now(),
      cycleStart: readSettings(store).cycleStart,
      order: (await ctx.reading()).dateOrder,
    });
    filter.from = range?.from ?? null;
    filter.to = range?.to ?? null;
  }
  const notes = listNotes(store, { ...filter, limit });
  if (options.json) return ctx.printJson(notes.map(noteToJson));
  const total = limit === undefined || notes.length < limit ? notes.length : countNotes(store, filter);
  // With filters on a journal that has notes, "no notes yet" would be wrong: say nothing matched.
  const filtered =
    notes.length === 0 &&
    Object.values(filter).some((value) => value !== undefined && value !== null && value !== false) &&
    countNotes(store, {}) > 0;
  const seeAll = total > notes.length ? await seeAllCommand(ctx, options) : undefined;
  ctx.print(renderNoteList(inertDeep(notes), { theme: await ctx.theme(), width: ctx.width, today: ctx.today(), total, filtered, seeAll }));
}

const DEFAULT_LIST_LENGTH = 20;

/** `--on <day>` and `--today-in-history` (this month and day, in the years before this one): one range each. */
async function applyDays(ctx: Context, options: NotesListOptions, filter: NoteFilter): Promise<void> {
  const ranges = [
    ['--period', options.period],
    ['--from', options.from],
    ['--to', options.to],
    ['--on', options.on],
    ['--today-in-history', options.todayInHistory],
  ].filter(([, value]) => value !== undefined);
  if (options.on === undefined && !options.todayInHistory) return;
  const [first, second] = ranges
    .filter(([flag]) => flag === '--on' || flag === '--today-in-history')
    .concat(ranges.filter(([flag]) => flag !== '--on' && flag !== '--today-in-history'));
  if (first && second) throw new UsageError(`${first[0]} and ${second[0]} both choose the days: give one of them`);
  if (options.on !== undefined) {
    const day = await parseWhen(ctx, options.on, 'past', '--on date');
    filter.from = day;
    filter.to = day;
    return;
  }
  const today = ctx.today();
  filter.monthDay = today.slice(5);
  filter.to = `${Number(today.slice(0, 4)) - 1}-12-31`;
}

/** The command that lists every match: the same filters as typed, and the same journal. */
async function seeAllCommand(ctx: Context, options: NotesListOptions): Promise<string> {
  const words = ['perf'];
  if (ctx.dbSource() === '--db') words.push('--db', shellQuote(await ctx.dbPath()));
  words.push('notes');
  const filters: [string, string | boolean | undefined][] = [
    ['--period', options.period],
    ['--from', options.from],
    ['--to', options.to],
    ['--on', options.on],
    ['--today-in-history', options.todayInHistory],
    ['-t', options.tag],
    ['-g', options.goal],
    ['-a', options.account],
    ['--type', options.type],
    ['--starred', options.starred],
    ['-q', options.search],
  ];
  for (const [flag, value] of filters) {
    if (value === true) words.push(flag);
    else if (typeof value === 'string') words.push(flag, shellQuote(value));
  }
  words.push('-n', 'all');
  return words.join(' ');
}

export async function runNotesShow(ctx: Context, rawId: string, options: NotesShowOptions): Promise<void> {
  const ref = parseNoteRef(rawId);
  const store = await ctx.readStore();
  const note = findNote(store, resolveNoteRef(store, ref));
  if (options.json) return ctx.printJson(noteToJson(note));
  ctx.print(renderNoteDetail(inertDeep(note), await ctx.theme(), ctx.width));
}

export async function runNotesEdit(ctx: Context, rawId: string, words: string[], options: NotesEditOptions): Promise<void> {
  const ref = parseNoteRef(rawId);
  if (options.star && options.unstar) throw new UsageError('use --star or --unstar, not both');
  if (options.deal !== undefined && options.noDeal) throw new UsageError('use --deal or --no-deal, not both');
  const changes: NoteChanges = {
    text: words.length > 0 ? normalizeNoteText(words.join(' ')) : undefined,
    date: options.date === undefined ? undefined : await parseWhen(ctx, options.date),
    type: options.type === undefined ? undefined : parseNoteType(options.type, await readNoteTypes(ctx)),
    account: options.account === undefined ? undefined : normalizeAccount(options.account),
    starred: options.star ? true : options.unstar ? false : undefined,
    addTags: options.tag.map(parseTag),
    removeTags: options.untag.map(parseTag),
    progress:
      options.progress === undefined
        ? undefined
        : options.progress.trim() === ''
          ? null
          : await parseAmount(ctx, options.progress, '--progress'),
    addCompetencyIds: await readCompetencyIds(ctx, options.competency),
    removeCompetencyIds: await readCompetencyIds(ctx, options.removeCompetency),
  };
  // `--goal ""` unlinks every goal; the other values are read before the journal is opened.
  const goalOptions = options.goal.filter((value) => value.trim() !== '');
  const reading = goalOptions.length > 0 ? await ctx.reading() : {};
  const given = goalOptions.map((value) => parseGoalOption(value, reading));
  if (given.length < options.goal.length) changes.clearGoals = true;
  const store = await ctx.store();
  const id = resolveNoteRef(store, ref);
  // The text as it is, for the editor; an unknown id is refused before it opens.
  const current = findNote(store, id);
  changes.goals = given.map((option) => ({
    goalId: findGoal(store, option.ref).id,
    amount: option.amount ?? undefined,
    shown: option.shown,
  }));
  changes.removeGoalIds = options.removeGoal.map((ref) => findGoal(store, ref).id);
  if (options.deal !== undefined) changes.dealId = (await import('../../services/deals.js')).findDeal(store, options.deal).id;
  if (options.noDeal) changes.dealId = null;
  const twice = changes.goals.find((goal, i) => changes.goals?.findIndex((other) => other.goalId === goal.goalId) !== i);
  if (twice)
    throw new UsageError(`goal ${quote(given[changes.goals.indexOf(twice)]?.ref ?? '')} is given twice with --goal: give each goal once`);
  const wantsEditor = options.edit || (!hasChanges(changes) && ctx.interactive);
  if (wantsEditor && changes.text === undefined) {
    const { editText } = await import('../../terminal/editor.js');
    const edited = normalizeNoteText(editText(`${current.text}\n`, ctx.env));
    if (edited !== current.text) changes.text = edited;
  }
  if (!hasChanges(changes)) {
    if (wantsEditor) return ctx.print('No change.');
    throw new UsageError(
      'nothing to change: give new text or an option such as --date, --type, --account, --star, --tag, --goal, --deal or --competency',
    );
  }
  const note = editNote(store, id, changes, ctx.now());
  if (options.json) return ctx.printJson(noteToJson(note));
  ctx.print(`Updated #${note.id}.`);
}

export async function runNotesRm(ctx: Context, rawId: string, options: NotesRmOptions): Promise<void> {
  const ref = parseNoteRef(rawId);
  let id = 0;
  await confirmAndRemove(ctx, options, {
    command: 'perf notes rm',
    find: (store) => {
      id = resolveNoteRef(store, ref);
      return findNote(store, id);
    },
    describe: (note) => `note #${note.id} (${note.date}: "${preview(note.text)}")`,
    remove: (store) => removeNote(store, id),
    toJson: noteToJson,
    render: (note) => renderNoteRemoved(inertDeep(note)),
  });
}
