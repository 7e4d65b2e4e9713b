/**
 * The human formats show the most telling few notes of each list (starred first, then the most
 * recent, in date order) and say how many more there are and how to list them; --all and JSON
 * show every note. The crowded year (test/fixtures/crowded-year.ts) has more notes than each cap.
 */
import { lexer, type Tokens } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { CROWDED, buildCrowdedYear } from '../../fixtures/crowded-year.js';
import { colourRun, firstDifference, plainRun, stripSgr } from '../../harness/colour.js';
import { run, tempDbPath } from '../../helpers.js';

let db: string;
let json: any;

beforeAll(async () => {
  db = buildCrowdedYear(tempDbPath());
  json = await ok(['summary', '--period', '2026', '--json']);
});

async function ok(args: string[]): Promise<any> {
  const result = await run(args, { db });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return args.includes('--json') || args.includes('json') ? JSON.parse(result.stdout) : result.stdout;
}

const wins = (...i: number[]) => i.map((n) => CROWDED.wins[n]);
const lessons = (...i: number[]) => i.map((n) => CROWDED.learning[n]);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The notes' days under `heading` in the plain text, up to the next line that is not a note. */
function daysUnder(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const days: string[] = [];
  for (const line of lines.slice(lines.indexOf(heading) + 1)) {
    const day = /^ +★? *(\d{1,2} \w{3} 2026)/.exec(line);
    if (day) days.push(day[1] as string);
    else if (!/^ {5,}\S/.test(line)) break;
  }
  return days;
}

const short = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The notes `command` (from a "… and N more:" line) lists, by id. */
async function listed(command: string): Promise<number[]> {
  const args = command.split(' ').slice(1);
  const notes = await ok([...args, '--json']);
  return notes.map((n: any) => n.id).sort((a: number, b: number) => a - b);
}

const ids = (notes: { id: number }[]) => notes.map((n) => n.id).sort((a, b) => a - b);

describe('perf summary text: each list of notes cut to its most telling few', () => {
  let text: string;
  beforeAll(async () => {
    text = await ok(['summary', '--period', '2026']);
  });

  it('highlights: the 15 of 23, the five starred and the ten latest, in date order, then how many more', () => {
    const expected = [...CROWDED.meetings, ...wins(2, 9, 10, 11, 12, 13, 14, 15, 16, 17), lessons(3)[0], ...wins(18, 19)];
    expect(daysUnder(text, 'HIGHLIGHTS')).toEqual(expected.map((d) => short(d as string)));
    // Starred notes and wins: no one `perf notes` filter lists both.
    expect(text).toContain('\n  … and 8 more (perf summary --all lists them)\n');
    expect(json.highlights).toHaveLength(23);
  });

  it("a goal's notes: 5 of 20, with the perf notes command that lists all 20", async () => {
    expect(daysUnder(text, '  Close 20 deals')).toEqual(wins(2, 9, 17, 18, 19).map((d) => short(d as string)));
    const line = '    perf notes --goal quota --from 2026-01-01 --to 2026-12-31 -n all';
    expect(text).toContain(`\n    … and 15 more:\n${line}\n`);
    expect(await listed(line.trim())).toEqual(ids(json.goals[0].notes));
    expect(json.goals[0].notes).toHaveLength(20);
  });

  it('learning: 10 of 13, the starred one and the nine latest, and the command that lists all 13', async () => {
    expect(daysUnder(text, 'LEARNING')).toEqual(lessons(...range(3, 12)).map((d) => short(d as string)));
    const line = '  perf notes --type learning --from 2026-01-01 --to 2026-12-31 -n all';
    expect(text).toContain(`\n  … and 3 more:\n${line}\n`);
    expect(await listed(line.trim())).toEqual(ids(json.learning));
  });

  it("a competency's evidence: 5 of 14 notes and feedback, the starred note and the latest four", () => {
    const discovery = text.slice(text.indexOf('\n  Discovery\n'), text.indexOf('LEARNING'));
    expect(discovery.match(/^ {6}\d{1,2} \w{3} 2026/gm)?.map((l) => l.trim())).toEqual(
      [...lessons(3, 10, 11, 12), CROWDED.feedback].map((d) => short(d as string)),
    );
    expect(discovery).toContain('\n      … and 9 more (perf summary --all lists them)\n');
    expect(json.competencies[0].evidence).toHaveLength(14);
  });

  it("a growth area's notes: 5 of 13", () => {
    const ahead = text.slice(text.indexOf('LOOKING AHEAD'), text.indexOf('ACTIVITY'));
    expect(ahead.match(/^ {6}\d{1,2} \w{3} 2026/gm)?.map((l) => l.trim())).toEqual(
      lessons(3, 9, 10, 11, 12).map((d) => short(d as string)),
    );
    expect(ahead).toContain('\n      … and 8 more (perf summary --all lists them)\n');
    expect(json.lookingAhead.growthAreas[0].progress).toHaveLength(13);
  });

  it('names `perf notes --type win` when the highlights are all wins, and that command lists them all', async () => {
    const wide = await ok(['summary', '--from', '2026-02-01', '--to', '2026-05-31']);
    // Shorter than the goal's: the command fits on the line.
    const line = '  … and 2 more: perf notes --type win --from 2026-02-01 --to 2026-05-31 -n all';
    expect(wide).toContain(`\n${line}\n`);
    const all = await ok(['summary', '--from', '2026-02-01', '--to', '2026-05-31', '--json']);
    expect(await listed(line.slice(line.indexOf('perf')))).toEqual(ids(all.highlights));
    expect(all.highlights).toHaveLength(17);
  });

  it('counts every note in the activity, cut lists or not', () => {
    expect(text).toContain('  35 notes on 33 days');
    expect(json.stats.notes).toBe(35);
  });

  it('reads the same with colour on and off', async () => {
    const plain = await plainRun(['summary', '--period', '2026'], { db, tty: true });
    const colour = await colourRun(['summary', '--period', '2026'], { db, tty: true });
    expect(colour.stdout).toMatch(/\x1b\[/);
    expect(stripSgr(colour.stdout), firstDifference(stripSgr(colour.stdout), plain.stdout)).toBe(plain.stdout);
    expect(plain.stdout).toContain('… and 15 more:');
    for (const line of plain.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });
});

describe('perf summary --all', () => {
  it('lists every note, with no "more" line, in text and Markdown', async () => {
    const text = await ok(['summary', '--period', '2026', '--all']);
    expect(text).not.toContain('… and');
    expect(daysUnder(text, 'HIGHLIGHTS')).toHaveLength(23);
    expect(daysUnder(text, '  Close 20 deals')).toHaveLength(20);
    const md = await ok(['summary', '--period', '2026', '--all', '--format', 'md']);
    expect(md).not.toContain('… and');
  });

  it('changes nothing in JSON, which always lists every note', async () => {
    expect(await ok(['summary', '--period', '2026', '--json', '--all'])).toEqual(json);
    expect(await ok(['summary', '--period', '2026', '--format', 'json'])).toEqual(json);
  });
});

describe('perf summary --format md: the same cuts', () => {
  let lists: Tokens.List[];
  let md: string;
  beforeAll(async () => {
    md = await ok(['summary', '--period', '2026', '--format', 'md']);
    lists = lexer(md).filter((t): t is Tokens.List => t.type === 'list');
  });

  it('shows 15 highlights, 5 notes a goal, 5 pieces of evidence, 10 learning notes, 5 a growth area', () => {
    // The last list is the activity's facts.
    expect(lists.map((l) => l.items.length)).toEqual([15, 5, 10, 5, 5, 4]);
  });

  it('says how many more after each cut list, with the command as code', () => {
    expect(md).toContain('\n\n_… and 8 more (perf summary --all lists them)_\n\n');
    expect(md).toContain('\n\n_… and 15 more:_ `perf notes --goal quota --from 2026-01-01 --to 2026-12-31 -n all`');
    expect(md).toContain('\n\n_… and 3 more:_ `perf notes --type learning --from 2026-01-01 --to 2026-12-31 -n all`');
    expect(md).toContain('\n\n_… and 9 more (perf summary --all lists them)_\n\n');
    expect(md).toContain('\n\n_… and 8 more (perf summary --all lists them)_\n\n### Development planned');
  });
});

describe('perf summary --format html: the same cuts', () => {
  let html: string;
  beforeAll(async () => {
    html = await ok(['summary', '--period', '2026', '--format', 'html']);
  });

  it('shows 15 highlights, 5 notes a goal, 5 pieces of evidence, 10 learning notes, 5 a growth area', () => {
    const lists = [...html.matchAll(/<ul class="items">([\s\S]*?)<\/ul>/g)].map((m) => (m[1]?.match(/<li>/g) ?? []).length);
    expect(lists).toEqual([15, 5, 10, 5, 5]);
  });

  it('says how many more after each cut list, with the command as code, and counts every highlight', () => {
    expect(html).toContain('<p class="note">… and 8 more (perf summary --all lists them)</p>');
    expect(html).toContain(
      '<p class="note">… and 15 more: <code>perf notes --goal quota --from 2026-01-01 --to 2026-12-31 -n all</code></p>',
    );
    expect(html).toContain(
      '<p class="note">… and 3 more: <code>perf notes --type learning --from 2026-01-01 --to 2026-12-31 -n all</code></p>',
    );
    expect(html).toContain('<p class="note">… and 9 more (perf summary --all lists them)</p>');
    expect(html).toContain('<li><strong>23</strong>highlights</li>');
  });

  it('lists every note with --all', async () => {
    const all = await ok(['summary', '--period', '2026', '--format', 'html', '--all']);
    const lists = [...all.matchAll(/<ul class="items">([\s\S]*?)<\/ul>/g)].map((m) => (m[1]?.match(/<li>/g) ?? []).length);
    expect(lists).toEqual([23, 14, 13, 20, 13]);
    expect(all).not.toContain('… and');
  });
});
