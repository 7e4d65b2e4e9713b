/**
 * The one-to-one agenda as one HTML page to print or send before the meeting, in the order of
 * the conversation: the past (what was agreed, wins, challenges, feedback), the present (each
 * goal's progress with the pace line, goals at risk) and the future (development due).
 * Loaded only for `perf checkin --format html`.
 */
import type { CheckinAgenda } from '../domain/checkin.js';
import { formatShortDay } from '../terminal/format.js';
import { PLAIN_THEME } from '../terminal/theme.js';
import { escapeHtml, escapeLines } from './html/escape.js';
import { type Html, list, page, paragraph, section, stats, subsection } from './html/page.js';
import { developmentItem, feedbackQuote, goalProgressFigure, noteItem } from './html/report-parts.js';
import { agendaBasisText, amountOrNone, goalStanding, percentOrNone } from './report-format.js';

type SectionRenderer = (agenda: CheckinAgenda) => Html;

export const CHECKIN_HTML_SECTIONS: readonly SectionRenderer[] = [pastSection, presentSection, futureSection];

export function renderCheckinHtml(agenda: CheckinAgenda): string {
  const title = 'Agenda for the one-to-one';
  const header = `<header>\n<h1>${title}</h1>\n${paragraph(`${formatShortDay(agenda.from)} – ${formatShortDay(agenda.to)}, ${agendaBasisText(agenda)}.`, 'facts')}\n${stats(
    [
      ['notes logged', String(agenda.notes)],
      ['wins', String(agenda.wins.length)],
      ['goals at risk', String(agenda.atRisk.length)],
      ['feedback received', String(agenda.feedback.length)],
    ],
  )}\n</header>`;
  return page(title, `<main>\n${[header, ...CHECKIN_HTML_SECTIONS.map((render) => render(agenda))].join('\n')}\n</main>`);
}

export function pastSection(agenda: CheckinAgenda): Html {
  const parts: Html[] = [];
  // What was agreed last time comes first: the conversation picks up where it left off.
  if (agenda.lastOneToOne) {
    const note = agenda.lastOneToOne.note;
    parts.push(
      subsection(
        `Agreed last time (${formatShortDay(agenda.lastOneToOne.date)})`,
        note === null ? paragraph('Nothing noted.') : `<blockquote><p>${escapeLines(note)}</p></blockquote>`,
      ),
    );
  }
  parts.push(
    subsection('Wins to mention', agenda.wins.length ? list(agenda.wins.map(noteItem)) : paragraph('None logged.')),
    subsection('Challenges and losses', agenda.challenges.length ? list(agenda.challenges.map(noteItem)) : paragraph('None logged.')),
    subsection('Feedback received', agenda.feedback.length ? agenda.feedback.map(feedbackQuote).join('\n') : paragraph('None recorded.')),
  );
  return section('past', 'The past: since last time', parts.join('\n'));
}

export function presentSection(agenda: CheckinAgenda): Html {
  const goals = agenda.goals.length
    ? goalProgressFigure(
        'chart-goal-progress',
        'Progress of each goal toward its target, with the pace line',
        agenda.goals.map((g) => ({ ...g, value: g.current })),
        'Now',
      )
    : paragraph('No open goals.');
  const atRisk = agenda.atRisk.length
    ? list(
        agenda.atRisk.map((g) =>
          escapeHtml(
            `${g.title}: ${goalStanding(g, PLAIN_THEME)}, ${percentOrNone(g.percent)} of ${amountOrNone(g.target, g.unit)}${g.due ? `, due ${formatShortDay(g.due)}` : ''}`,
          ),
        ),
      )
    : paragraph('None.');
  return section('present', 'The present: goals now', `${subsection('Progress per goal', goals)}\n${subsection('Goals at risk', atRisk)}`);
}

export function futureSection(agenda: CheckinAgenda): Html {
  const items = agenda.development;
  return section(
    'future',
    'The future: next steps',
    subsection(
      'Development follow-ups',
      items.length ? list(items.map((d) => developmentItem(d, false))) : paragraph('Nothing due in the next two weeks.'),
    ),
  );
}
