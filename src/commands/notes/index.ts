import type { Context } from '../../context.js';
import { defineLog, defineNotesEdit, defineNotesList, defineNotesRm, defineNotesShow } from './definitions.js';

/** `perf log`: the definition here, the handler loaded only when it runs. */
export const logCommand = (ctx: Context) =>
  defineLog().action(async (text, options) => (await import('./log.js')).runLog(ctx, text, options));

export const notesCommand = (ctx: Context) =>
  defineNotesList()
    .action(async (options) => (await import('./notes.js')).runNotesList(ctx, options))
    .addCommand(defineNotesShow().action(async (id, options) => (await import('./notes.js')).runNotesShow(ctx, id, options)))
    .addCommand(defineNotesEdit().action(async (id, text, options) => (await import('./notes.js')).runNotesEdit(ctx, id, text, options)))
    .addCommand(defineNotesRm().action(async (id, options) => (await import('./notes.js')).runNotesRm(ctx, id, options)));
