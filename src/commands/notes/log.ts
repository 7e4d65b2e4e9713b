import type { Context } from '../../context.js';
import { assertCanAdd, assertProgressHasGoal, type Goal } from '../../domain/goals.js';
import { parseNumber } from '../../domain/ids.js';
import { NOTE_TYPES, normalizeAccount, normalizeNoteText, noteToJson, parseNoteType, type Note, type NoteType } from '../../domain/notes.js';
import { parseTag } from '../../domain/tags.js';
import { logNote, type NoteInput } from '../../services/notes.js';
import { renderNoteLogged } from './view.js';
import type { Prompter } from '../../terminal/prompts.js';
import { parseWhen, readCompetencyIds, readStdin } from '../input.js';
import { inertDeep } from '../../terminal/inert.js';
import type { Store } from '../../storage/store.js';
import type { LogOptions } from './definitions.js';

export async function runLog(ctx: Context, words: string[], options: LogOptions): Promise<void> {
  const link = await resolveGoal(ctx, options);
  const gathered = await gatherInput(ctx, words, options);
  // The goal comes from --goal, or from the prompts when there was none.
  const input = { ...gathered, goalId: gathered.goalId ?? link.goal?.id ?? null, progress: gathered.progress ?? link.progress };
  let store: Store;
  let note: Note;
  try {
    store = await ctx.store();
    if (!(await progressLooksRight(ctx, store, input, options.yes))) {
      // Typed text exists nowhere else, so it is shown again rather than lost.
      return ctx.print(words.length > 0 ? 'Nothing saved.' : `Nothing saved. The note was:\n${input.text}`);
    }
    note = logNote(store, input, ctx.now());
  } catch (error) {
    // Text given as arguments is still in the shell's history; typed text would be lost.
    if (words.length > 0) throw error;
    const { keepTypedText } = await import('./unsaved.js');
    throw keepTypedText(ctx, input.text, error);
  }
  ctx.saved(`note #${note.id}`);
  if (options.json) return ctx.printJson(noteToJson(note));
  const theme = await ctx.theme();
  ctx.print(renderNoteLogged(inertDeep(note), theme, ctx.width));
  if (note.goal !== null && note.progress !== null) {
    // Where the goal stands now, so the rep sees what the note did to it.
    const [{ findGoal, viewOne }, { renderGoalStanding }] = await Promise.all([import('../../services/goals.js'), import('../goals/view.js')]);
    ctx.print(renderGoalStanding(inertDeep(viewOne(store, findGoal(store, note.goal), ctx.today())), theme));
  }
}

/**
 * `--goal` and `--progress`, checked before anything is asked or written. The goal code loads
 * only when a goal is named, so a plain `perf log` does not pay for it.
 */
async function resolveGoal(ctx: Context, options: LogOptions): Promise<{ goal: Goal | null; progress: number | null }> {
  const progress = options.progress === undefined ? null : parseNumber(options.progress, '--progress');
  assertProgressHasGoal(progress, options.goal);
  if (options.goal === undefined) return { goal: null, progress: null };
  const { findGoal } = await import('../../services/goals.js');
  const goal = findGoal(await ctx.readStore(), options.goal);
  if (progress !== null) assertCanAdd(goal, `--progress ${options.progress?.trim()}`);
  return { goal, progress };
}

/**
 * Progress far past the target or far beyond the goal's earlier moves is asked about (a warning
 * without a terminal), as on `perf goals update`. Only a note that moves a goal loads this code.
 */
async function progressLooksRight(ctx: Context, store: Store, input: NoteInput, yes: boolean | undefined): Promise<boolean> {
  if (input.goalId === undefined || input.goalId === null || input.progress === undefined || input.progress === null) return true;
  const [{ checkGoalUpdate, findGoal }, { confirmSurprises }] = await Promise.all([
    import('../../services/goals.js'),
    import('../goals/surprises.js'),
  ]);
  const goal = findGoal(store, String(input.goalId));
  const value = { kind: 'add' as const, amount: input.progress };
  const surprises = checkGoalUpdate(store, goal.id, { value, shown: `--progress ${input.progress}`, date: input.date, note: null });
  return confirmSurprises(ctx, goal, surprises, yes);
}

/** Everything is checked before the note is written, so bad input never creates or touches the journal. */
async function gatherInput(ctx: Context, words: string[], options: LogOptions): Promise<NoteInput> {
  const base = {
    date: await parseWhen(ctx, options.date),
    type: parseNoteType(options.type),
    account: normalizeAccount(options.account),
    starred: options.star === true,
    tags: options.tag.map(parseTag),
    competencyIds: await readCompetencyIds(ctx, options.competency),
  };
  const argumentText = words.join(' ');
  if (words.length > 0) return { ...base, text: normalizeNoteText(argumentText) };
  if (options.edit) {
    const { editText } = await import('../../terminal/editor.js');
    return { ...base, text: normalizeNoteText(stripComments(editText(EDITOR_TEMPLATE, ctx.env))) };
  }
  if (!ctx.io.stdin.isTTY) return { ...base, text: normalizeNoteText(await readStdin(ctx.io.stdin)) };
  return promptForNote(ctx, base, options);
}

/**
 * `perf log` in a terminal with no text: asks for everything a note can hold, in the order a
 * rep thinks of it. Options given on the command line are not asked again. Nothing is written
 * until every answer is in, so Ctrl-C at any prompt leaves the journal as it was.
 */
async function promptForNote(ctx: Context, base: Omit<NoteInput, 'text'>, options: LogOptions): Promise<NoteInput> {
  const prompter = await ctx.prompter();
  const { parseDate } = await import('../../domain/dates.js');
  const text = await prompter.input({
    message: 'What happened?',
    validate: (value) => (value.trim() ? true : 'Write a few words, or press Ctrl-C to cancel'),
  });
  const when = options.date ?? (await prompter.input({ message: 'When?', default: 'today', validate: validator((v) => parseDate(v, { now: ctx.now() })) }));
  const type = await prompter.select<NoteType>({
    message: 'Type',
    default: base.type,
    choices: NOTE_TYPES.map((t) => ({ name: t, value: t })),
  });
  const account = await prompter.input({ message: 'Account (optional)', default: base.account ?? '' });
  const tags = await prompter.input({
    message: 'Tags (optional, space-separated)',
    default: base.tags.join(' '),
    validate: validator((value) => splitWords(value).forEach(parseTag)),
  });
  const link = options.goal === undefined ? await promptForGoal(ctx, prompter) : {};
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
    date: parseDate(when, { now: ctx.now() }),
    text: normalizeNoteText(text),
    type,
    account: normalizeAccount(account),
    starred,
    tags: splitWords(tags).map(parseTag),
    competencyIds: competencies.length > 0 ? await readCompetencyIds(ctx, competencies) : base.competencyIds,
  };
}

/** Offers the active goals (objectives aside); a goal with a target also asks what the note added. */
async function promptForGoal(ctx: Context, prompter: Prompter): Promise<{ goalId?: number; progress?: number | null }> {
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
  if (goal.target === null) return { goalId: goal.id, progress: null };
  const amount = await prompter.input({
    message: `What did it add to ${goal.slug}? (optional, e.g. 25000)`,
    validate: validator((value) => value.trim() && parseNumber(value, 'progress')),
  });
  return { goalId: goal.id, progress: amount.trim() ? parseNumber(amount, 'progress') : null };
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
