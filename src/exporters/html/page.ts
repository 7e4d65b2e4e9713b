/**
 * The frame of an HTML report: one self-contained file (inline CSS, no scripts, nothing fetched),
 * readable on screen in light and dark, and printable on A4 or Letter with each section on its
 * own page and no table row split across pages. Builders here take escaped HTML fragments: only
 * `escape.ts` turns journal text into HTML.
 */
import { escapeHtml } from './escape.js';

/** An HTML fragment that is already safe to insert (built from escaped text). */
export type Html = string;

// The light palette is also the printed one: paper is white whatever the screen's scheme.
const LIGHT = `--fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0;
  --accent: #0969da; --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; --track: #e6eaef;
  --heat0: #ebedf0; --heat1: #9be9a8; --heat2: #40c463; --heat3: #30a14e; --heat4: #216e39;`;

const STYLE = `
:root { color-scheme: light dark; ${LIGHT} }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d;
    --accent: #4493f8; --good: #3fb950; --warn: #d29922; --bad: #f85149; --track: #262c36;
    --heat0: #1c2128; --heat1: #0e4429; --heat2: #006d32; --heat3: #26a641; --heat4: #39d353; }
}
@media print { :root { color-scheme: light; ${LIGHT} } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 .3rem; } p.label { margin: .6rem 0 .2rem; }
p.facts, p.note, figcaption, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
caption { text-align: left; color: var(--muted); font-size: .9rem; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th, td.num { white-space: nowrap; } /* a heading or an amount cut in two reads as two */
ul.items { padding-left: 1.2rem; } ul.items li { margin: .3rem 0; }
blockquote { margin: .75rem 0; padding: .5rem 1rem; border-left: 4px solid var(--line); background: var(--panel); }
blockquote footer { color: var(--muted); font-size: .9rem; margin-top: .25rem; }
figure { margin: 1rem 0 1.5rem; }
figure svg.chart { display: block; width: 100%; height: auto; }
.columns { display: flex; flex-wrap: wrap; gap: 0 1.5rem; } .columns > table { flex: 1 1 14rem; width: auto; }
details { margin-top: .25rem; } summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
.pace-achieved, .pace-ahead { color: var(--good); } .pace-behind { color: var(--warn); } .pace-overdue { color: var(--bad); }
.stats { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; list-style: none; }
.stats li { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; }
.stats strong { display: block; font-size: 1.3rem; }
svg text { fill: var(--fg); font: 12px system-ui, sans-serif; } svg .muted { fill: var(--muted); }
svg .track { fill: var(--track); } svg .bar { fill: var(--accent); } svg .bar-achieved, svg .bar-ahead { fill: var(--good); }
svg .bar-behind { fill: var(--warn); } svg .bar-overdue { fill: var(--bad); } svg .marker { stroke: var(--fg); stroke-width: 2; }
svg .self { fill: var(--accent); stroke: var(--accent); } svg .others { fill: var(--good); stroke: var(--good); }
svg .axis { stroke: var(--line); } svg .win { fill: var(--good); } svg .loss { fill: var(--bad); }
svg .heat0 { fill: var(--heat0); } svg .heat1 { fill: var(--heat1); } svg .heat2 { fill: var(--heat2); }
svg .heat3 { fill: var(--heat3); } svg .heat4 { fill: var(--heat4); }
svg .future { fill: none; stroke: var(--line); stroke-dasharray: 2 2; }
@page { size: auto; margin: 18mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section + section { break-before: page; }
  h2, h3 { break-after: avoid; } tr, figure svg, blockquote, li { break-inside: avoid; }
  thead { display: table-header-group; } details > summary { display: none; } a { color: inherit; text-decoration: none; }
}
`;

/** The whole document. `title` is plain text; `body` is HTML. */
export function page(title: string, body: Html): Html {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A report section: an h2 and its content, printed from a new page. */
export function section(id: string, heading: string, content: Html): Html {
  return `<section id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-h">\n<h2 id="${escapeHtml(id)}-h">${escapeHtml(heading)}</h2>\n${content}\n</section>`;
}

/** A heading under a section's h2 (level 3), or under one of those (4), and its content. */
export function subsection(heading: string, content: Html, level: 3 | 4 = 3): Html {
  return `<h${level}>${escapeHtml(heading)}</h${level}>\n${content}`;
}

export function paragraph(text: string, className?: string): Html {
  return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`;
}

export type Align = 'left' | 'right';

/** A table of plain-text cells (escaped here); right-aligned columns hold numbers. */
export function table(
  caption: string | null,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): Html {
  const cls = (i: number) => (align[i] === 'right' ? ' class="num"' : '');
  const head = headers.map((h, i) => `<th scope="col"${cls(i)}>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td${cls(i)}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
  const cap = caption === null ? '' : `<caption>${escapeHtml(caption)}</caption>`;
  return `<table>${cap}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

/**
 * A chart and the numbers behind it: the SVG for the eye, the table for a screen reader, a copy
 * and paste into the review form, or a reader who wants the exact figures.
 */
export function figure(svg: Html, caption: string, numbers: Html): Html {
  // Open by default so that the numbers are read aloud and printed; on screen a reader may fold them.
  return `<figure>\n${svg}\n<figcaption>${escapeHtml(caption)}</figcaption>\n<details open><summary>The numbers behind the chart</summary>\n${numbers}\n</details>\n</figure>`;
}

/** A list of HTML items. */
export function list(items: readonly Html[]): Html {
  return `<ul class="items">\n${items.map((item) => `<li>${item}</li>`).join('\n')}\n</ul>`;
}

/** Headline numbers as tiles: [label, value] pairs of plain text. */
export function stats(pairs: readonly (readonly [string, string])[]): Html {
  return `<ul class="stats">${pairs.map(([label, value]) => `<li><strong>${escapeHtml(value)}</strong>${escapeHtml(label)}</li>`).join('')}</ul>`;
}
