import type { Context } from '../../context.js';
import { assertCanAdd, assertProgressHasGoal } from '../../domain/goals.js';
import { parseNumber } from '../../domain/numbers.js';
import {
  normalizeAccount,
  normalizeNoteText,
  noteToJson,
  parseGoalOption,
  DEFAULT_NOTE_TYPE,
  parseNoteType,
  type Note,
} from '../../domain/notes.js';
import { splitDatePrefix } from '../../domain/date-prefix.js';
import type { Template, TemplateMeta } from '../../domain/templates.js';
import { quote, UsageError, CancelledError } from '../../errors.js';
import { parseTag } from '../../domain/tags.js';
import { logNote, type GoalLink, type NoteInput } from '../../services/notes.js';
import { renderNoteLogged } from './view.js';
import type { Prompter } from '../../terminal/prompts.js';
import { dateReading, parseWhen, readCompetencyIds, readNoteTypes, readStdin } from '../input.js';
import { inertDeep } from '../../terminal/inert.js';
import type { Store } from '../../storage/store.js';
import type { LogOptions } from './definitions.js';

export async function runLog(ctx: Context, words: string[], given: LogOptions): Promise<void> {
  let options = given;
  let template: Template | undefined;
  if (given.template !== undefined) {
    const templates = await import('./templates.js');
    if (given.template === 'list') return templates.printTemplates(ctx, given.json);
    if (words.length > 0) throw new UsageError(`--template ${given.template} writes the note in $EDITOR: give no text with it`);
    template = await templates.loadTemplate(ctx, given.template);
    options = withTemplateMeta(given, template.meta);
  }
  const links = await resolveGoals(ctx, options);
  const dealId = await resolveDeal(ctx, options.deal);
  const gathered = await gatherInput(ctx, words, options, template);
  // The goals come from --goal, or from the prompts when there was none.
  const input = { ...gathered, goals: gathered.goals ?? links, dealId };
  let store: Store;
  let note: Note;
  try {
    store = await ctx.store();
    if (!(await progressLooksRight(ctx, store, input, options.yes))) {
      // Typed text exists nowhere else, so it is shown again rather than lost.
      if (words.length === 0) ctx.print(`The note was:\n${input.text}`);
      throw new CancelledError('cancelled, nothing was saved');
    }
    note = logNote(store, input, ctx.now());
  } catch (error) {
    // Text given as arguments is still in the shell's history; typed text would be lost. A
    // declined question has already shown the text again.
    if (words.length > 0 || error instanceof CancelledError) throw error;
    const { keepTypedText } = await import('./unsaved.js');
    throw keepTypedText(ctx, input.text, error);
  }
  ctx.saved(`note #${note.id}`);
  if (options.json) return ctx.printJson(noteToJson(note));
  const theme = await ctx.theme();
  ctx.print(renderNoteLogged(inertDeep(note), theme, ctx.width));
  const moved = note.goals.filter((g) => g.progress !== null);
  if (moved.length > 0) {
    // Where each goal stands now, so the rep sees what the note did to it.
    const [{ findGoal, viewOne }, { renderGoalStanding }] = await Promise.all([
      import('../../services/goals.js'),
      import('../goals/view.js'),
    ]);
    for (const goal of moved)
      ctx.print(renderGoalStanding(inertDeep(viewOne(store, findGoal(store, String(goal.goalId)), ctx.today())), theme));
  }
}

/**
 * `--goal <goal>[:<amount>]` (repeatable) and `--progress` (with one `--goal`), checked before
 * anything is asked or written. The goals service and the sanity checks load only when a goal is
 * named. Undefined: no --goal (the prompts may ask).
 */
async function resolveGoals(ctx: Context, options: LogOptions): Promise<GoalLink[] | undefined> {
  // The journal's decimal mark is read only when an amount may be typed.
  const reading = options.progress !== undefined || options.goal.length > 0 ? await ctx.reading() : {};
  const progress = options.progress === undefined ? null : parseNumber(options.progress, '--progress', reading);
  const given = options.goal.map((value) => parseGoalOption(value, reading));
  assertProgressHasGoal(progress, given.length > 0 ? true : null);
  if (progress !== null && given.length > 1) {
    throw new UsageError(
      `--progress goes with one --goal, not ${given.length}: give each goal its amount instead, e.g. --goal ${given[0]?.ref}:${options.progress?.trim()}`,
    );
  }
  const [only] = given;
  if (progress !== null && only?.amount !== null && only !== undefined) {
    throw new UsageError(`--progress ${options.progress?.trim()} and --goal ${quote(only.shown)} both give the amount: give it once`);
  }
  if (given.length === 0) return undefined;
  const { findGoal } = await import('../../services/goals.js');
  const store = await ctx.readStore();
  const links: GoalLink[] = [];
  for (const option of given) {
    const goal = findGoal(store, option.ref);
    if (links.some((link) => link.goalId === goal.id)) {
      throw new UsageError(
        `goal ${quote(goal.slug)} is given twice with --goal: give each goal once, with its amount (${goal.slug}:25000)`,
      );
    }
    const amount = option.amount ?? progress;
    if (amount !== null) assertCanAdd(goal, option.amount === null ? `--progress ${options.progress?.trim()}` : `--goal ${option.shown}`);
    links.push({ goalId: goal.id, progress: amount });
  }
  return links;
}

/** `--deal`: checked before anything is asked; the deals service loads only when a deal is named. */
async function resolveDeal(ctx: Context, ref: string | undefined): Promise<number | null> {
  if (ref === undefined) return null;
  const { findDeal } = await import('../../services/deals.js');
  return findDeal(await ctx.readStore(), ref).id;
}

/**
 * Progress far past the target or far beyond the goal's earlier moves is asked about (a warning
 * without a terminal), as on `perf goals update`. Only a note that moves a goal loads this code.
 */
async function progressLooksRight(ctx: Context, store: Store, input: NoteInput, yes: boolean | undefined): Promise<boolean> {
  const moves = (input.goals ?? []).filter((link) => link.progress !== null);
  if (moves.length === 0) return true;
  const [{ checkGoalUpdate, findGoal }, { confirmSurprises }] = await Promise.all([
    import('../../services/goals.js'),
    import('../goals/surprises.js'),
  ]);
  for (const link of moves) {
    const goal = findGoal(store, String(link.goalId));
    const value = { kind: 'add' as const, amount: link.progress ?? 0 };
    const surprises = checkGoalUpdate(store, goal.id, {
      value,
      shown: `--goal ${goal.slug}:${link.progress}`,
      date: input.date,
      note: null,
    });
    if (!(await confirmSurprises(ctx, goal, surprises, yes))) return false;
  }
  return true;
}

/** Everything is checked before the note is written, so bad input never creates or touches the journal. */
async function gatherInput(ctx: Context, words: string[], options: LogOptions, template?: Template): Promise<NoteInput> {
  const base = {
    date: await parseWhen(ctx, options.date),
    type: parseNoteType(
      options.type ?? DEFAULT_NOTE_TYPE,
      await readNoteTypes(ctx),
      template && options.type === template.meta.type ? `in template ${quote(template.name)} (${template.source})` : undefined,
    ),
    account: normalizeAccount(options.account),
    starred: options.star === true,
    tags: options.tag.map(parseTag),
    competencyIds: await readCompetencyIds(ctx, options.competency),
  };
  let text: string;
  if (template) text = await (await import('./templates.js')).writeFromTemplate(ctx, template);
  else if (words.length > 0) text = words.join(' ');
  else if (options.edit) {
    const { editText } = await import('../../terminal/editor.js');
    text = stripComments(editText(EDITOR_TEMPLATE, ctx.env));
  } else if (!ctx.io.stdin.isTTY) text = await readStdin(ctx.io.stdin);
  else return promptForNote(ctx, base, options);
  // With -d the date is given, so the text is taken as typed, prefix and all.
  return {
    ...base,
    ...(options.date === undefined ? await datedByPrefix(ctx, normalizeNoteText(text)) : { text: normalizeNoteText(text) }),
  };
}

/**
 * "yesterday: Called Acme" is dated yesterday and saved as "Called Acme", as jrnl does. The date
 * parser loads only when the words before the colon pass the cheap check (date-prefix.ts), and
 * words that still are not a day in the past (or not a date at all) leave the text as it is.
 */
async function datedByPrefix(ctx: Context, text: string): Promise<{ text: string; date?: string }> {
  const prefix = splitDatePrefix(text);
  if (!prefix) return { text };
  // Read as -d reads it: 6.5.2026 is 6 May under dates.order dmy, not 5 June.
  const [{ parseDate }, reading] = await Promise.all([import('../../domain/dates.js'), dateReading(ctx, prefix.when)]);
  let date: string;
  try {
    date = parseDate(prefix.when, { now: ctx.now(), ...reading });
  } catch {
    return { text };
  }
  return { date, text: normalizeNoteText(prefix.rest) };
}

/**
 * `perf log` in a terminal with no text: asks for everything a note can hold, in the order a
 * rep thinks of it. Options given on the command line are not asked again. Nothing is written
 * until every answer is in, so Ctrl-C at any prompt leaves the journal as it was.
 */
async function promptForNote(ctx: Context, base: Omit<NoteInput, 'text'>, options: LogOptions): Promise<NoteInput> {
  const prompter = await ctx.prompter();
  const [{ parseDate }, reading] = await Promise.all([import('../../domain/dates.js'), dateReading(ctx)]);
  const text = await prompter.input({
    message: 'What happened?',
    validate: (value) => (value.trim() ? true : 'Write a few words, or press Ctrl-C to cancel'),
  });
  const when =
    options.date ??
    (await prompter.input({
      message: 'When?',
      default: 'today',
      validate: validator((v) => parseDate(v, { now: ctx.now(), ...reading })),
    }));
  const type = await prompter.select<string>({
    message: 'Type',
    default: base.type,
    choices: (await readNoteTypes(ctx)).map((t) => ({ name: t, value: t })),
  });
  const account = await prompter.input({ message: 'Account (optional)', default: base.account ?? '' });
  const tags = await prompter.input({
    message: 'Tags (optional, space-separated)',
    default: base.tags.join(' '),
    validate: validator((value) => splitWords(value).forEach(parseTag)),
  });
  const link = options.goal.length === 0 ? await promptForGoal(ctx, prompter) : {};
  const competencies =
    options.competency.length > 0
      ? []
      : splitWords(
          await prompter.input({
            message: 'Competencies it shows (optional, e.g. negotiation closing)',
            validate: validator(async (value) => readCompetencyIds(ctx, splitWords(value))),
          }),
        );
  const starred = await prompter.confirm({ message: 'Star it as a highlight?', default: base.starred });
  return {
    ...base,
    ...link,
    date: parseDate(when, { now: ctx.now(), ...reading }),
    text: normalizeNoteText(text),
    type,
    account: normalizeAccount(account),
    starred,
    tags: splitWords(tags).map(parseTag),
    competencyIds: competencies.length > 0 ? await readCompetencyIds(ctx, competencies) : base.competencyIds,
  };
}

/** Offers the active goals (objectives aside); a goal with a target also asks what the note added. */
async function promptForGoal(ctx: Context, prompter: Prompter): Promise<{ goals?: GoalLink[] }> {
  const { listGoals } = await import('../../services/goals.js');
  const goals = listGoals(await ctx.readStore(), ctx.today()).filter((view) => !view.goal.org);
  if (goals.length === 0) return {};
  const slug = await prompter.select<string | null>({
    message: 'Goal it moves (optional)',
    default: null,
    choices: [{ name: 'none', value: null }, ...goals.map(({ goal: g }) => ({ name: `${g.title} (${g.slug})`, value: g.slug }))],
  });
  const goal = goals.find((view) => view.goal.slug === slug)?.goal;
  if (!goal) return {};
  if (goal.target === null) return { goals: [{ goalId: goal.id, progress: null }] };
  const reading = await ctx.reading();
  const amount = await prompter.input({
    message: `What did it add to ${goal.slug}? (optional, e.g. 25000)`,
    validate: validator((value) => value.trim() && parseNumber(value, 'progress', reading)),
  });
  return { goals: [{ goalId: goal.id, progress: amount.trim() ? parseNumber(amount, 'progress', reading) : null }] };
}

/**
 * What a template's front matter sets, under what was typed: `-T` beats its type, `-t` adds to
 * its tags, `-g` replaces its goal, `--deal` its deal.
 */
function withTemplateMeta(options: LogOptions, meta: TemplateMeta): LogOptions {
  return {
    ...options,
    type: options.type ?? meta.type,
    tag: [...options.tag, ...(meta.tags ?? [])],
    goal: options.goal.length > 0 || meta.goal === undefined ? options.goal : [meta.goal],
    deal: options.deal ?? meta.deal,
  };
}

function splitWords(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

/** A prompt validator from a parser that throws: the parser's message is shown under the prompt. */
function validator(parse: (value: string) => unknown): (value: string) => Promise<true | string> {
  return async (value) => {
    try {
      await parse(value);
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  };
}

const EDITOR_TEMPLATE = '\n# Write the note above. Lines starting with # are ignored; #hashtags inside a line become tags.\n';

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^#(\s|$)/.test(line))
    .join('\n');
}
