import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../../context.js';
import {
  BUILTIN_TEMPLATES,
  filledTemplateText,
  isTemplateName,
  parseTemplate,
  templateSections,
  type Template,
} from '../../domain/templates.js';
import { CancelledError, UsageError, quote } from '../../errors.js';
import { inertDeep } from '../../terminal/inert.js';

/**
 * The rep's config folder: `PERF_CONFIG_DIR` (tests set it), else the platform's (on Linux
 * ~/.config/perf-journal). Templates live in its `templates` folder as NAME.md.
 */
export async function configDir(ctx: Context): Promise<string> {
  const fromEnv = ctx.env.PERF_CONFIG_DIR;
  if (fromEnv?.trim()) return path.resolve(fromEnv);
  const { default: envPaths } = await import('env-paths');
  return envPaths('perf-journal', { suffix: '' }).config;
}

async function templatesDir(ctx: Context): Promise<string> {
  return path.join(await configDir(ctx), 'templates');
}

interface TemplateEntry {
  name: string;
  about: string;
  source: string;
}

/** The built-ins and the rep's own (theirs replace a built-in of the same name), by name. */
export async function listTemplates(ctx: Context): Promise<TemplateEntry[]> {
  const dir = await templatesDir(ctx);
  const entries = new Map<string, TemplateEntry>(
    Object.entries(BUILTIN_TEMPLATES).map(([name, t]) => [name, { name, about: t.about, source: 'built-in' }]),
  );
  let files: string[] = [];
  try {
    files = fs.readdirSync(dir).filter((file) => file.endsWith('.md'));
  } catch {
    // No folder: no templates of their own.
  }
  for (const file of files) {
    const name = file.slice(0, -'.md'.length);
    if (!isTemplateName(name)) continue;
    const replaces = entries.has(name) ? ' (yours, in place of the built-in)' : '';
    entries.set(name, { name, about: `your own${replaces}`, source: path.join(dir, file) });
  }
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** `perf log --template list`. */
export async function printTemplates(ctx: Context, json: boolean | undefined): Promise<void> {
  const templates = await listTemplates(ctx);
  if (json) return ctx.printJson(templates);
  const width = Math.max(...templates.map((t) => t.name.length));
  const lines = inertDeep(templates).map((t) => `  ${t.name.padEnd(width)}  ${t.about}${t.source === 'built-in' ? '' : `: ${t.source}`}`);
  ctx.print(`Templates (perf log --template NAME; your own: ${await templatesDir(ctx)}/NAME.md):\n${lines.join('\n')}`);
}

/** The template `name` names: the rep's own file first, else a built-in; anything else is refused with the list. */
export async function loadTemplate(ctx: Context, name: string): Promise<Template> {
  const templates = await listTemplates(ctx);
  const found = isTemplateName(name) ? templates.find((t) => t.name === name) : undefined;
  if (!found) {
    throw new UsageError(
      `unknown template ${quote(name)}: use ${templates.map((t) => t.name).join(', ')} (your own: ${await templatesDir(ctx)}/NAME.md; perf log --template list)`,
    );
  }
  const builtin = BUILTIN_TEMPLATES[name];
  if (found.source === 'built-in' && builtin) return parseTemplate(name, 'built-in', builtin.text);
  return parseTemplate(name, found.source, fs.readFileSync(found.source, 'utf8'));
}

/**
 * The note written from a template: in $EDITOR when one is set, else asked section by section in
 * a terminal. A template left as it was saves nothing.
 */
export async function writeFromTemplate(ctx: Context, template: Template): Promise<string> {
  let text: string | null;
  if (ctx.env.VISUAL || ctx.env.EDITOR) {
    const { editText } = await import('../../terminal/editor.js');
    text = filledTemplateText(template.body, editText(template.body, ctx.env));
  } else if (ctx.interactive) text = await askSections(ctx, template.body);
  else throw new UsageError(`--template ${template.name} needs $EDITOR (e.g. export EDITOR=nano) or a terminal to ask in`);
  if (text === null) throw new CancelledError(`the template ${template.name} was left as it was; nothing was saved`);
  return text;
}

async function askSections(ctx: Context, body: string): Promise<string | null> {
  const prompter = await ctx.prompter();
  const { lead, headings } = templateSections(body);
  const parts = [await prompter.input({ message: lead || 'What happened?', default: '' })];
  for (const heading of headings) {
    const answer = await prompter.input({ message: `${heading.replace(/^#+\s*/, '')} (optional)`, default: '' });
    if (answer.trim()) parts.push(`${heading}\n${answer.trim()}`);
  }
  // The lead line ("Call with") starts the note when an answer follows it.
  const [first = ''] = parts;
  const opening = first.trim() ? `${lead} ${first.trim()}`.trim() : '';
  const text = [opening, ...parts.slice(1)].filter(Boolean).join('\n\n');
  return text.trim() ? text : null;
}
