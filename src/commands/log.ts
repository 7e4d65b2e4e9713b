import type { Context } from '../context.js';
import { assertCanAdd, assertProgressHasGoal, type Goal } from '../domain/goals.js';
import { parseNumber } from '../domain/ids.js';
import { normalizeAccount, normalizeNoteText, noteToJson, parseNoteType, type NoteType } from '../domain/notes.js';
import { parseTag } from '../domain/tags.js';
import { logNote, type NoteInput } from '../services/notes.js';
import { renderNoteLogged } from '../ui/notes.js';
import { parseWhen, readCompetencyIds, readStdin } from './input.js';

export interface LogOptions {
  date?: string;
  tag: string[];
  goal?: string;
  progress?: string;
  competency: string[];
  type: string;
  account?: string;
  star?: boolean;
  edit?: boolean;
  json?: boolean;
}

export async function runLog(ctx: Context, words: string[], options: LogOptions): Promise<void> {
  const link = await resolveGoal(ctx, options);
  const input = { ...(await gatherInput(ctx, words, options)), goalId: link.goal?.id ?? null, progress: link.progress };
  const store = await ctx.store();
  const note = logNote(store, input, ctx.now());
  if (options.json) return ctx.printJson(noteToJson(note));
  const theme = await ctx.theme();
  ctx.print(renderNoteLogged(note, theme));
  if (link.goal && link.progress !== null) {
    // Where the goal stands now, so the rep sees what the note did to it.
    const [{ viewOne }, { renderGoalStanding }] = await Promise.all([import('../services/goals.js'), import('../ui/goals.js')]);
    ctx.print(renderGoalStanding(viewOne(store, link.goal, ctx.today()), theme));
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
  const { findGoal } = await import('../services/goals.js');
  const goal = findGoal(await ctx.readStore(), options.goal);
  if (progress !== null) assertCanAdd(goal, `--progress ${options.progress?.trim()}`);
  return { goal, progress };
}

/** Everything is validated before the journal is opened, so bad input never creates or touches it. */
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
    const { editText } = await import('../ui/editor.js');
    return { ...base, text: normalizeNoteText(stripComments(editText(EDITOR_TEMPLATE, ctx.env))) };
  }
  if (!ctx.io.stdin.isTTY) return { ...base, text: normalizeNoteText(await readStdin(ctx.io.stdin)) };
  return promptForNote(ctx, base);
}

async function promptForNote(ctx: Context, base: Omit<NoteInput, 'text'>): Promise<NoteInput> {
  const prompter = await ctx.prompter();
  const text = await prompter.input({
    message: 'What happened?',
    validate: (value) => (value.trim() ? true : 'Write a few words, or press Ctrl-C to cancel'),
  });
  const type = await prompter.select<NoteType>({
    message: 'Type',
    default: base.type,
    choices: (await import('../domain/notes.js')).NOTE_TYPES.map((t) => ({ name: t, value: t })),
  });
  const account = await prompter.input({ message: 'Account (optional)', default: base.account ?? '' });
  const tags = await prompter.input({
    message: 'Tags (optional, space-separated)',
    default: base.tags.join(' '),
    validate: (value) => {
      try {
        value.split(/[\s,]+/).filter(Boolean).forEach(parseTag);
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  const starred = await prompter.confirm({ message: 'Star it as a highlight?', default: base.starred });
  return {
    date: base.date,
    text: normalizeNoteText(text),
    type,
    account: normalizeAccount(account),
    starred,
    tags: tags.split(/[\s,]+/).filter(Boolean).map(parseTag),
    competencyIds: base.competencyIds,
  };
}

const EDITOR_TEMPLATE = '\n# Write the note above. Lines starting with # are ignored; #hashtags inside a line become tags.\n';

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^#(\s|$)/.test(line))
    .join('\n');
}
