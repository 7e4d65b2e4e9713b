import type { Day } from '../../domain/calendar.js';
import { groupByStage, totalValue, type Deal } from '../../domain/deals.js';
import type { Note } from '../../domain/notes.js';
import { formatDay, plural, wrapText } from '../../terminal/format.js';
import { formatMoney } from '../../terminal/money.js';
import type { Theme } from '../../terminal/theme.js';
import { wrapParts } from '../../terminal/wrap.js';

export interface DealsView {
  theme: Theme;
  width: number;
  currency: string;
  /** The current year, which days leave out. */
  year: number;
  /** Today: an open deal whose expected close is before it is past its date. */
  today?: Day;
}

/** The parts of a deal's line after its slug: account, value, when it closes or closed, why. */
function dealParts(deal: Deal, theme: Theme, currency: string, year?: number, today?: Day): string[] {
  const parts = [theme.bold(formatMoney(deal.value, currency))];
  if (deal.account) parts.push(deal.account);
  if (deal.status === 'open') {
    if (deal.expectedClose && today !== undefined && deal.expectedClose < today)
      // A deal still open after its expected close is one to update or chase.
      parts.push(theme.warn(`close date passed ${formatDay(deal.expectedClose, year)}`));
    else if (deal.expectedClose) parts.push(`closes ${formatDay(deal.expectedClose, year)}`);
  } else {
    const paint = deal.status === 'won' ? theme.good : theme.bad;
    parts.push(paint(`${deal.status} ${formatDay(deal.closedOn ?? '', year)}`));
    if (deal.reason) parts.push(theme.dim(deal.reason));
  }
  return parts;
}

function dealLine(deal: Deal, view: DealsView, indent: string): string[] {
  const { theme } = view;
  return wrapParts(
    [`${theme.id(`#${deal.id}`)} ${theme.accent(deal.slug)}`, deal.name, ...dealParts(deal, theme, view.currency, view.year, view.today)],
    view.width,
    {
      first: indent,
      indent: `${indent}    `,
    },
  );
}

/**
 * Open deals grouped by stage, each group by expected close; with `all`, the won and lost ones
 * after them. A total line per status, in the journal's currency.
 */
export function renderDealList(deals: readonly Deal[], view: DealsView & { all: boolean; stage: string | undefined }): string {
  const { theme } = view;
  if (deals.length === 0) {
    const what =
      view.stage === undefined
        ? view.all
          ? 'No deals yet.'
          : 'No open deals.'
        : `No ${view.all ? '' : 'open '}deals ${view.stage === 'none' ? 'without a stage' : `at stage ${view.stage}`}.`;
    return theme.dim(`${what} Add one with: perf deals add "Acme renewal" -a Acme --value 48000 --stage proposal`);
  }
  const open = deals.filter((deal) => deal.status === 'open');
  const out: string[] = [theme.heading('Pipeline')];
  for (const group of groupByStage(open)) {
    out.push('', theme.bold(group.stage ?? 'no stage'), ...group.deals.flatMap((deal) => dealLine(deal, view, '  ')));
  }
  if (open.length === 0) out.push(theme.dim('  no open deals'));
  out.push('', `Open: ${plural(open.length, 'deal')}, ${formatMoney(totalValue(open), view.currency)}`);
  if (!view.all) return out.join('\n');
  for (const status of ['won', 'lost'] as const) {
    const closed = groupByStage(deals.filter((deal) => deal.status === status)).flatMap((group) => group.deals);
    if (closed.length === 0) continue;
    out.push('', theme.heading(status === 'won' ? 'Won' : 'Lost'), ...closed.flatMap((deal) => dealLine(deal, view, '  ')));
    out.push(
      '',
      `${status === 'won' ? 'Won' : 'Lost'}: ${plural(closed.length, 'deal')}, ${formatMoney(totalValue(closed), view.currency)}`,
    );
  }
  return out.join('\n');
}

/** The confirmation after add, edit, won, lost and reopen. */
export function renderDealSaved(verb: string, deal: Deal, theme: Theme, currency: string, today?: Day): string {
  const head = verb === 'Lost' ? theme.bad(verb) : theme.good(verb);
  return [head, theme.id(`#${deal.id}`), theme.accent(deal.slug), deal.name, ...dealParts(deal, theme, currency, undefined, today)].join(
    '  ',
  );
}

/** An open deal's expected close, marked when it has passed. */
function expectedClose(deal: Deal, view: DealsView): string {
  const day = formatDay(deal.expectedClose ?? '');
  const passed = deal.status === 'open' && view.today !== undefined && (deal.expectedClose ?? '') < view.today;
  return passed ? `${day} ${view.theme.warn('(passed)')}` : day;
}

/** One deal with its fields and the notes about it, oldest first. */
export function renderDealDetail(detail: { deal: Deal; notes: readonly Note[] }, view: DealsView): string {
  const { theme } = view;
  const { deal } = detail;
  const field = (label: string, value: string | null) => (value === null ? [] : [`  ${theme.dim(label.padEnd(15))}${value}`]);
  const out = [
    `${theme.heading(deal.name)}  ${theme.id(`#${deal.id}`)} ${theme.accent(deal.slug)}`,
    ...field('value', formatMoney(deal.value, view.currency)),
    ...field('account', deal.account),
    ...field('stage', deal.stage),
    ...field('status', deal.status === 'open' ? 'open' : `${deal.status} on ${formatDay(deal.closedOn ?? '')}`),
    ...field('expected close', deal.expectedClose === null ? null : expectedClose(deal, view)),
    ...field('reason', deal.reason),
    ...field('external id', deal.externalId),
    '',
  ];
  if (detail.notes.length === 0) {
    out.push(theme.dim(`No notes about it yet: perf log "…" --deal ${deal.slug}`));
    return out.join('\n');
  }
  out.push(theme.bold(plural(detail.notes.length, 'note')));
  for (const note of detail.notes) {
    out.push(`  ${theme.dim(formatDay(note.date))} ${theme.id(`#${note.id}`)}${note.type === 'note' ? '' : ` ${theme.accent(note.type)}`}`);
    for (const line of wrapText(note.text, view.width - 6)) out.push(`    ${line}`);
  }
  return out.join('\n');
}
