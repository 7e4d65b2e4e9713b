import type { Context } from '../../context.js';
import { splitDay } from '../../domain/calendar.js';
import {
  optionalText,
  parseRating,
  parseRatingSource,
  ratedByFor,
  ratingEntryToJson,
  type Competency,
  type LatestRating,
} from '../../domain/competencies.js';
import { UsageError } from '../../errors.js';
import { listCompetencies, resolveCompetency } from '../../services/competencies.js';
import { readSettings } from '../../services/config.js';
import { latestBySource, rateCompetencies, type RatingInput } from '../../services/ratings.js';
import { renderRated } from './view.js';
import { formatDay, wrapText } from '../../terminal/format.js';
import { parseWhen } from '../input.js';
import { inertDeep } from '../../terminal/inert.js';
import type { RateOptions } from './definitions.js';

// The prompt's "keep the last rating" or "skip" answer, which writes nothing; ratings start at 1.
const KEEP = 0;

/**
 * `perf rate <competency> <rating>` records one rating. With no arguments in a terminal it walks
 * through every competency; all answers are collected first and written in one transaction, so
 * Ctrl-C at any prompt leaves the journal as it was.
 */
export async function runRate(ctx: Context, ref: string | undefined, rawRating: string | undefined, options: RateOptions): Promise<void> {
  const source = parseRatingSource(options.source ?? 'self');
  const by = optionalText(options.by);
  // Refused before anything is read: a self rating names nobody else.
  ratedByFor(source, by, null);
  const note = optionalText(options.note);
  const date = await parseWhen(ctx, options.date);
  if (ref === undefined && !ctx.interactive) {
    throw new UsageError('perf rate needs a competency and a rating when not run in a terminal, e.g. perf rate negotiation 3');
  }
  const store = await ctx.store();
  const { scaleMax, manager } = readSettings(store);
  const competencies = ref === undefined ? listCompetencies(store).items.map((i) => i.competency) : [resolveCompetency(store, ref)];
  if (competencies.length === 0)
    throw new UsageError('there are no competencies to rate: add one with perf competencies add "Negotiation"');
  const previous = latestBySource(store, competencies, source);
  const ratedBy = ratedByFor(source, by, manager);

  let inputs: RatingInput[];
  const [only] = competencies;
  const given = only !== undefined && ref !== undefined && rawRating !== undefined;
  if (given) {
    inputs = [{ competencyId: only.id, rating: parseRating(rawRating, scaleMax) }];
  } else {
    if (!ctx.interactive) {
      throw new UsageError(
        `missing rating for ${only?.slug ?? 'the competency'}: use e.g. perf rate ${only?.slug ?? 'negotiation'} 3 (1 to ${scaleMax})`,
      );
    }
    const header = [source, ratedBy, formatDay(date, splitDay(ctx.today()).year)].filter(Boolean).join(', ');
    inputs = await askRatings(ctx, competencies, previous, { scaleMax, walk: ref === undefined && !options.json, header });
  }
  if (inputs.length === 0) return options.json ? ctx.printJson([]) : ctx.print('Nothing rated.');

  const ratings = rateCompetencies(store, inputs, { date, source, ratedBy, note }, ctx.now());
  const rated = ratings.map((rating) => ({
    competency: competencies.find((c) => c.id === rating.competencyId) as Competency,
    rating,
    previous: previous.get(rating.competencyId) ?? null,
  }));
  if (options.json) {
    // The rating given on the command line is one record; the ratings answered at prompts, a list.
    const records = rated.map(({ competency, rating }) => ratingEntryToJson({ ...rating, competency: competency.slug }));
    return ctx.printJson(given ? records[0] : records);
  }
  ctx.print(renderRated(inertDeep(rated), { theme: await ctx.theme(), width: ctx.width, today: ctx.today(), scaleMax }));
}

async function askRatings(
  ctx: Context,
  competencies: readonly Competency[],
  previous: ReadonlyMap<number, LatestRating | null>,
  options: { scaleMax: number; walk: boolean; header: string },
): Promise<RatingInput[]> {
  const { scaleMax } = options;
  const prompter = await ctx.prompter();
  if (options.walk) {
    ctx.print(
      [
        ...wrapText(`Rate each competency from 1 to ${scaleMax} (${options.header}).`, ctx.width),
        ...wrapText('Enter keeps the last rating and writes nothing for it; Ctrl-C writes nothing.', ctx.width),
      ].join('\n'),
    );
  }
  const year = splitDay(ctx.today()).year;
  const answers: RatingInput[] = [];
  for (const competency of competencies) {
    const last = previous.get(competency.id) ?? null;
    const lastText = last ? ` (last ${last.rating} on ${formatDay(last.date, year)})` : '';
    const description = competency.description ?? undefined;
    // Enter alone must not write: the same rating again would pad the history and the trend. A
    // digit key picks the choice at that place, so the ratings come first: typing 4 picks 4.
    const rating = await prompter.select<number>({
      message: `${competency.name}${lastText}`,
      choices: [
        ...Array.from({ length: scaleMax }, (_, i) => ({ name: String(i + 1), value: i + 1, description })),
        { name: last ? `keep ${last.rating} (no new rating)` : 'skip', value: KEEP },
      ],
      default: KEEP,
      numbered: false,
    });
    if (rating !== KEEP) answers.push({ competencyId: competency.id, rating: parseRating(String(rating), scaleMax) });
  }
  return answers;
}
