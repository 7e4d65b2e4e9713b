import fs from 'node:fs';
import path from 'node:path';
import { lexer, type Tokens } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli.js';
import { buildJournal } from '../../fixtures/journal-builder.js';
import { buildRealisticYear } from '../../fixtures/realistic-year.js';
import { NOW, dumpDb, expectRefused, run, tempDbPath, tempDir, createdLine } from '../../helpers.js';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'fixtures');
const JRNL_JSON = path.join(FIXTURES, 'jrnl-export.json');
const JRNL_MD = path.join(FIXTURES, 'jrnl-export.md');

let year: string;
let yearExport: string;

beforeAll(async () => {
  year = buildRealisticYear(tempDbPath());
  yearExport = path.join(tempDir(), 'year.json');
  expect((await run(['export', '-o', yearExport], { db: year })).code).toBe(0);
});

async function exportJson(db: string): Promise<any> {
  const result = await run(['export'], { db });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

function writeJson(value: unknown, name = 'import.json'): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

/** A confirmation broken over lines to fit 80 columns, each line checked, read as one line. */
function joinLines(text: string): string {
  for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  return text.trimEnd().replace(/\n\s*/g, ' ');
}

const withoutTimestamp = ({ exportedAt, ...rest }: any) => (void exportedAt, rest);

/** A small RFC 4180 reader, to check the CSV the way a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const AWKWARD = [
  'She said "we\'ll sign Friday", then didn\'t',
  'Line one\nLine two, with a comma\n\nAfter a blank line',
  'Signed 🎉🚀 with Zoë at Škoda — 5 % off, ½ price',
  "Robert'); DROP TABLE notes; -- and SELECT * FROM goals WHERE 1=1",
  'Trailing spaces and\ttabs\t kept inside',
  '"Quoted from start to end"',
];

describe('perf export --format json', () => {
  it('is complete and versioned', async () => {
    const dump = await exportJson(year);
    expect(Object.keys(dump)).toEqual([
      'format',
      'version',
      'exportedAt',
      'journalId',
      'config',
      'competencies',
      'goals',
      'deals',
      'notes',
      'goalCheckins',
      'ratings',
      'feedback',
      'development',
      'checkins',
      'reflections',
    ]);
    expect(dump).toMatchObject({ format: 'perf-journal', version: 3, exportedAt: new Date(NOW).toISOString() });
    expect(dump.config).toEqual({ manager: 'Maria Lopez', name: 'Jane Doe', role: 'Account Executive, EMEA' });
    expect(
      [dump.competencies, dump.goals, dump.notes, dump.goalCheckins, dump.ratings, dump.feedback, dump.development, dump.checkins].map(
        (t) => t.length,
      ),
    ).toEqual([12, 6, 257, 12, 10, 6, 6, 2]);
    const initech = dump.notes.find((n: any) => n.date === '2026-06-30' && n.type === 'win');
    expect(initech).toMatchObject({ starred: true, goalIds: [2], account: 'Initech', tags: [], competencyIds: [5, 6] });
    expect(dump.goalCheckins.find((c: any) => c.noteId === initech.id)).toMatchObject({ goalId: 2, kind: 'add', amount: 100000 });
    expect(dump.goals[1]).toMatchObject({ slug: 'new-arr', org: false, alignsToId: 1, alignsToText: null, baseline: 0, target: 500000 });
    // The journal's identity, and every record's source key (null: typed into this journal).
    expect(dump.journalId).toMatch(/^[0-9a-f]{32}$/);
    for (const table of ['goals', 'notes', 'goalCheckins', 'ratings', 'feedback', 'development', 'checkins']) {
      expect(dump[table].every((r: any) => r.sourceKey === null)).toBe(true);
    }
  });

  it('round-trips: export, import into an empty journal, export again gives the same document', async () => {
    const restored = tempDbPath();
    const result = await run(['import', yearExport], { db: restored });
    expect(result).toMatchObject({ code: 0, stderr: createdLine(restored) });
    expect(joinLines(result.stdout)).toMatch(
      /^Restored .*year\.json into the empty journal: 3 settings, 12 competencies, 6 goals, 257 notes, 12 goal check-ins, 10 ratings, 6 pieces of feedback, 6 development activities, 2 one-to-ones\.$/,
    );
    const again = await exportJson(restored);
    expect(withoutTimestamp(again)).toEqual(withoutTimestamp(JSON.parse(fs.readFileSync(yearExport, 'utf8'))));
    // Every row of every table, ids and timestamps included.
    expect(dumpDb(restored, { undoLog: false })).toEqual(dumpDb(year, { undoLog: false }));
    // And the reports agree.
    const summary = async (db: string) => (await run(['summary', '--json'], { db })).stdout;
    expect(await summary(restored)).toBe(await summary(year));
  });

  it('round-trips awkward text: quotes, line breaks, emoji, SQL, tabs', async () => {
    const db = tempDbPath();
    for (const [i, text] of AWKWARD.entries()) {
      const result = await run(['log', '--type', 'call', '-a', i % 2 ? 'Smith, "Jones" & Co' : 'Zoë 🏢', '-t', 'q4', '--star'], {
        db,
        input: text,
      });
      expect(result.code).toBe(0);
    }
    await run(['config', 'set', 'name', 'Ann "Annie" O\'Neil, 🦄'], { db });
    const first = await exportJson(db);
    expect(first.notes.map((n: any) => n.text)).toEqual(AWKWARD.map((t) => t.trim()));
    const file = writeJson(first);
    const restored = tempDbPath();
    expect((await run(['import', file], { db: restored })).code).toBe(0);
    expect(withoutTimestamp(await exportJson(restored))).toEqual(withoutTimestamp(first));
    expect(dumpDb(restored, { undoLog: false })).toEqual(dumpDb(db, { undoLog: false }));
    // The notes table survived the SQL in the text, and search still finds the words.
    expect(JSON.parse((await run(['notes', '-q', 'DROP', '--json'], { db: restored })).stdout)).toHaveLength(1);
  });

  it('on a missing journal exports the empty journal and creates nothing', async () => {
    const missing = tempDbPath();
    const dump = await exportJson(missing);
    expect(dump.notes).toEqual([]);
    expect(dump.competencies).toHaveLength(12);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('perf export --format csv', () => {
  it('writes every note per RFC 4180, so quotes, commas and line breaks survive', async () => {
    const db = tempDbPath();
    for (const text of AWKWARD) await run(['log', '-a', 'Smith, "Jones" & Co', '-t', 'q4', '-t', 'renewal'], { db, input: text });
    const result = await run(['export', '--format', 'csv'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(result.stdout);
    expect(rows[0]).toEqual([
      'id',
      'date',
      'type',
      'account',
      'starred',
      'tags',
      'goal',
      'progress',
      'goals',
      'competencies',
      'text',
      'created_at',
    ]);
    expect(rows.slice(1).map((r) => r[10])).toEqual(AWKWARD.map((t) => t.trim()));
    expect(rows[1]?.slice(0, 10)).toEqual(['1', '2026-11-26', 'note', 'Smith, "Jones" & Co', 'false', 'q4 renewal', '', '', '', '']);
    expect(rows.every((r) => r.length === 12)).toBe(true);
  });

  it('carries the goal, its progress and competencies', async () => {
    const rows = parseCsv((await run(['export', '--format', 'csv'], { db: year })).stdout);
    expect(rows).toHaveLength(258);
    const initech = rows.find((r) => r[1] === '2026-06-30' && r[2] === 'win');
    expect(initech?.slice(3, 11)).toEqual([
      'Initech',
      'true',
      '',
      'new-arr',
      '100000',
      'new-arr:100000',
      'negotiation closing',
      'Initech closed: 100k ARR\nBeat the incumbent on value, not price.',
    ]);
  });
});

describe('perf export --format md', () => {
  it('writes the journal by year and month, as jrnl does', async () => {
    const md = (await run(['export', '--format', 'md'], { db: year })).stdout;
    const headings = lexer(md).filter((t): t is Tokens.Heading => t.type === 'heading');
    expect(headings.filter((h) => h.depth === 1).map((h) => h.text)).toEqual(['2025', '2026']);
    expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual([
      'December',
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
    ]);
    expect(headings.filter((h) => h.depth === 3)).toHaveLength(257);
    expect(md).toContain(
      '### 2026-06-30 Initech closed: 100k ARR\n\nBeat the incumbent on value, not price.\n\n*win · Initech · ★ starred · goal new-arr +$100,000*',
    );
  });

  it('gives the jrnl fixture the headings of jrnl’s own Markdown export (without the times)', async () => {
    const db = tempDbPath();
    expect((await run(['import', JRNL_JSON], { db })).code).toBe(0);
    const ours = lexer((await run(['export', '--format', 'md'], { db })).stdout).filter((t): t is Tokens.Heading => t.type === 'heading');
    const theirs = lexer(fs.readFileSync(JRNL_MD, 'utf8')).filter((t): t is Tokens.Heading => t.type === 'heading');
    const dropTime = (text: string) => text.replace(/^(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}:\d{2} [AP]M /, '$1 ');
    expect(ours.map((h) => [h.depth, h.text])).toEqual(theirs.map((h) => [h.depth, dropTime(h.text)]));
  });
});

describe('perf export -o', () => {
  it('writes the file, and refuses to overwrite it without --force', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'backup.json');
    expect(joinLines((await run(['export', '-o', file], { db: year })).stdout)).toBe(
      `Wrote the whole journal to ${file}: 3 settings, 12 competencies, 6 goals, 257 notes, 12 goal check-ins, 10 ratings, 6 pieces of feedback, 6 development activities, 2 one-to-ones.`,
    );
    await expectRefused(['export', '-o', file], year, /backup\.json" already exists: add --force/);
    fs.writeFileSync(file, 'x');
    expect((await run(['export', '--format', 'csv', '-o', file, '--force'], { db: year })).stdout).toBe(
      `Wrote 257 notes as CSV to ${file}.\n`,
    );
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^id,date,/);
    const md = path.join(dir, 'journal.md');
    expect((await run(['export', '--format', 'md', '-o', md], { db: year })).stdout).toBe(`Wrote 257 notes as Markdown to ${md}.\n`);
  });

  it('refuses a folder that does not exist, and an unknown format', async () => {
    await expectRefused(['export', '-o', path.join(tempDir(), 'missing', 'x.json')], year, /the folder ".*missing" does not exist/);
    await expectRefused(['export', '--format', 'xml'], year, /argument 'xml' is invalid\. Allowed choices are json, csv, md/);
  });
});

describe('perf import into a journal with data', () => {
  it('skips exact duplicates and says so', async () => {
    const db = tempDbPath();
    fs.copyFileSync(year, db);
    const before = dumpDb(db);
    const result = await run(['import', yearExport, '--json'], { db });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'perf', mode: 'merge', added: 0, skipped: 314 });
    expect(dumpDb(db)).toEqual(before);
    expect(joinLines((await run(['import', yearExport], { db })).stdout)).toMatch(
      /nothing new to add; skipped 314 duplicates already in the journal: 3 settings, 12 competencies, 6 goals, 257 notes/,
    );
  });

  it('adds what is new with new ids, keeps the journal’s settings, and maps the references', async () => {
    const db = tempDbPath();
    await run(['config', 'set', 'name', 'J. Doe'], { db });
    await run(['log', 'Already here', '--type', 'win'], { db });
    // The same slug for a different goal: the imported one gets the next free slug.
    buildJournal(db, (b) => void b.goal({ slug: 'new-arr', title: 'Another goal with the same slug', start: '2026-01-01' }));
    const result = await run(['import', yearExport, '--json'], { db });
    expect(result.code).toBe(0);
    const counts = JSON.parse(result.stdout).counts;
    expect(counts).toMatchObject({
      config: { added: 2, skipped: 1 },
      competencies: { added: 0, skipped: 12 },
      goals: { added: 6, skipped: 0 },
      notes: { added: 257, skipped: 0 },
      goalCheckins: { added: 12, skipped: 0 },
      checkins: { added: 2, skipped: 0 },
    });
    const dump = await exportJson(db);
    expect(dump.config.name).toBe('J. Doe');
    expect(dump.notes).toHaveLength(258);
    expect(dump.goals.map((g: any) => g.slug)).toEqual([
      'new-arr',
      'emea-growth',
      'new-arr-2',
      'prospecting-calls',
      'account-nps',
      'old-goal',
      'certifications',
    ]);
    const summary = JSON.parse((await run(['summary', '--json'], { db })).stdout);
    const arr = summary.goals.find((g: any) => g.slug === 'new-arr-2');
    expect(arr).toMatchObject({ valueAtEnd: 400000, alignsTo: { slug: 'emea-growth' } });
    expect(arr.notes).toHaveLength(6);
    // A second import adds nothing.
    expect(JSON.parse((await run(['import', yearExport, '--json'], { db })).stdout)).toMatchObject({ added: 0 });
  });
});

describe('perf import of a jrnl export', () => {
  it('turns entries into notes: text, tags, star, date, and a type from a tag', async () => {
    const db = tempDbPath();
    const result = await run(['import', JRNL_JSON], { db });
    expect(result).toMatchObject({ code: 0, stderr: createdLine(db), stdout: `Imported ${JRNL_JSON}: added 10 notes.\n` });
    const notes = JSON.parse((await run(['notes', '--json', '-n', '100'], { db })).stdout).reverse();
    expect(notes.map((n: any) => [n.date, n.type, n.starred, n.tags])).toEqual([
      ['2026-11-16', 'note', false, ['goals', 'planning']],
      ['2026-11-16', 'note', false, ['shipped', 'work']],
      ['2026-11-17', 'note', false, ['bug', 'perf']],
      ['2026-11-17', 'note', true, ['career', 'milestone']],
      ['2026-11-18', 'note', false, ['1on1', 'feedback']],
      ['2026-11-19', 'note', false, ['health', 'running']],
      ['2026-11-20', 'note', false, ['mentoring']],
      // @learning names a note type.
      ['2026-11-21', 'learning', false, ['learning', 'reading']],
      ['2026-11-24', 'note', false, ['incident', 'oncall']],
      ['2026-11-25', 'note', false, ['review', 'writing']],
    ]);
    expect(notes[0].text).toBe(
      'Weekly planning.\nGoals for the week: ship the export command, write the perf summary doc. @planning @goals',
    );
    expect(notes[4].text).toBe(
      '1:1 with Dana. @1on1 @feedback\nFeedback: communicate blockers earlier.\nAgreed to post a short daily status in the channel.\n\nNext 1:1 in two weeks.',
    );
    // Importing it again adds nothing.
    expect(joinLines((await run(['import', JRNL_JSON], { db })).stdout)).toMatch(/nothing new to add; skipped 10 duplicates/);
  });

  it('reads #tags and mixed case, and @win or @Call set the type', async () => {
    const file = writeJson({
      tags: {},
      entries: [
        { title: 'Closed the Acme deal!', body: '', date: '2026-10-02', time: '17:00', tags: ['@Win', '@Acme'], starred: true },
        { title: 'Called Globex.', body: 'Left a voicemail #followup', date: '2026-10-01', time: '09:00', tags: ['#Call'], starred: false },
        { title: 'No tags at all', date: '2026-10-03' },
      ],
    });
    const db = tempDbPath();
    expect((await run(['import', file, '--format', 'jrnl'], { db })).code).toBe(0);
    const notes = JSON.parse((await run(['notes', '--json'], { db })).stdout).reverse();
    expect(notes.map((n: any) => [n.id, n.date, n.type, n.starred, n.tags, n.text])).toEqual([
      [1, '2026-10-01', 'call', false, ['call', 'followup'], 'Called Globex.\nLeft a voicemail #followup'],
      [2, '2026-10-02', 'win', true, ['acme', 'win'], 'Closed the Acme deal!'],
      [3, '2026-10-03', 'note', false, [], 'No tags at all'],
    ]);
  });
});

describe('perf import shows progress for big files in a terminal', () => {
  const bigExport = () =>
    writeJson({
      format: 'perf-journal',
      version: 1,
      notes: Array.from({ length: 1200 }, (_, i) => ({ id: i + 1, date: '2026-03-02', text: `Call number ${i + 1}`, type: 'call' })),
    });

  async function importWith(file: string, stderrIsTTY: boolean) {
    let stderr = '';
    let stdout = '';
    const code = await main(['import', file], {
      io: {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s), isTTY: stderrIsTTY },
        stdin: { async *[Symbol.asyncIterator]() {} },
        env: { NO_COLOR: '1', PERF_DB: tempDbPath() },
      },
      now: () => new Date(NOW),
    });
    return { code, stdout, stderr };
  }

  it('draws a bar on stderr and clears it', async () => {
    const result = await importWith(bigExport(), true);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1,200 notes/);
    expect(result.stderr).toContain('Importing');
    expect(result.stderr).toContain('100%  1,200/1,200');
    expect(result.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('keeps the seeded framework when a hand-written file has notes only', async () => {
    const db = tempDbPath();
    expect(joinLines((await run(['import', bigExport()], { db })).stdout)).toMatch(/^Restored .* 1,200 notes\.$/);
    const dump = await exportJson(db);
    expect(dump.notes).toHaveLength(1200);
    expect(dump.notes[0]).toMatchObject({
      id: 1,
      date: '2026-03-02',
      text: 'Call number 1',
      type: 'call',
      starred: false,
      tags: [],
      account: null,
    });
    expect(dump.competencies.map((c: any) => c.slug)).toContain('negotiation');
    expect(dump.competencies).toHaveLength(12);
  });

  it('stays quiet when stderr is not a terminal', async () => {
    // Only the line that says the journal was made: no progress.
    expect((await importWith(bigExport(), false)).stderr).toMatch(/^Created a new journal at \S+\n$/);
  });
});

describe('perf import refuses bad input (exit 2, one line, nothing written)', () => {
  const valid = () => JSON.parse(fs.readFileSync(yearExport, 'utf8'));

  it('a missing file, a folder, a file that is not JSON', async () => {
    await expectRefused(
      ['import', '/no/such/file.json'],
      year,
      /^perf: cannot import "\/no\/such\/file\.json", no such file: give a perf export \(perf export --format json\) or a jrnl export \(jrnl --export json\)\n$/,
    );
    await expectRefused(['import', tempDir()], year, /it is a folder, not a file/);
    await expectRefused(['import', writeJson('{"format": "perf-journal",\n  oops')], year, /import\.json" is not JSON \(/);
    await expectRefused(['import', writeJson('')], year, /is not JSON/);
  });

  it('the wrong format, a newer version, neither kind of export', async () => {
    await expectRefused(
      ['import', writeJson({ ...valid(), format: 'day-one' })],
      year,
      /invalid format "day-one" in ".*import\.json": use "perf-journal" \(a file from perf export --format json\); nothing was imported\n$/,
    );
    await expectRefused(
      ['import', writeJson({ ...valid(), version: 4 })],
      year,
      /is a version 4 export and this perf-journal reads up to version 3: upgrade perf-journal/,
    );
    await expectRefused(
      ['import', writeJson({ ...valid(), version: 'one' })],
      year,
      /invalid version "one" in ".*": use a version number such as 1/,
    );
    await expectRefused(['import', writeJson({ notes: [] })], year, /is neither a perf-journal export .* nor a jrnl export/);
    await expectRefused(['import', writeJson([1, 2])], year, /is neither a perf-journal export/);
    await expectRefused(
      ['import', yearExport, '--format', 'jrnl'],
      year,
      /not a jrnl export \(expected a JSON object with an "entries" list/,
    );
    await expectRefused(['import', JRNL_JSON, '--format', 'perf'], year, /missing format in ".*jrnl-export\.json": use "perf-journal"/);
    await expectRefused(['import', yearExport, '--format', 'xml'], year, /argument 'xml' is invalid\. Allowed choices are perf, jrnl, csv/);
    // A JSON export read as CSV is refused as unreadable CSV, naming the line.
    await expectRefused(['import', yearExport, '--format', 'csv'], year, /is not readable CSV \(line 2\)/);
  });

  it.each<[string, (d: any) => void, RegExp]>([
    [
      'a bad date',
      (d) => (d.notes[3].date = '2026-02-30'),
      /^perf: invalid date "2026-02-30" in notes\[3\] \(id 4\): use YYYY-MM-DD, from 1000-01-01 to 9998-12-31; nothing was imported\n$/,
    ],
    [
      'an unknown type',
      (d) => (d.notes[10].type = 'Two words'),
      /^perf: invalid type "Two words" in notes\[10\] \(id 11\): use a lowercase word such as call, email or renewal; nothing was imported\n$/,
    ],
    [
      'a rating out of scale',
      (d) => (d.ratings[2].rating = 6),
      /^perf: invalid rating 6 in ratings\[2\] \(id 3\): use a whole number from 1 to 5; nothing was imported\n$/,
    ],
    [
      'a rating of zero',
      (d) => (d.ratings[0].rating = 0),
      /^perf: invalid rating 0 in ratings\[0\] \(id 1\): use a whole number from 1 to 5; nothing was imported\n$/,
    ],
    [
      'empty text',
      (d) => (d.notes[0].text = '   '),
      /^perf: invalid text " {3}" in notes\[0\] \(id 1\): use a text that is not empty; nothing was imported\n$/,
    ],
    [
      'a missing goal',
      (d) => (d.notes[5].goalIds = [99]),
      /^perf: invalid goalIds 99 in notes\[5\] \(id 6\): there is no goal with that id in the file; nothing was imported\n$/,
    ],
    [
      'a duplicate id',
      (d) => (d.notes[1].id = 1),
      /^perf: invalid id 1 in notes\[1\] \(id 1\): an earlier record has it; give each notes record its own id; nothing was imported\n$/,
    ],
    [
      'goals aligned in a circle',
      (d) => (d.goals[0].alignsToId = 2),
      /^perf: invalid alignsToId 2 in goals\[0\] \(id 1\): goals would align to each other in a circle; nothing was imported\n$/,
    ],
    [
      'a goal aligned to itself',
      (d) => (d.goals[2].alignsToId = 3),
      /^perf: invalid alignsToId 3 in goals\[2\] \(id 3\): goals would align/,
    ],
    [
      'a duplicate slug',
      (d) => (d.goals[2].slug = 'new-arr'),
      /^perf: invalid slug "new-arr" in goals\[2\] \(id 3\): an earlier record has it/,
    ],
    [
      'an unknown relationship',
      (d) => (d.feedback[0].relationship = 'friend'),
      /^perf: invalid relationship "friend" in feedback\[0\] \(id 1\): use manager, peer/,
    ],
    [
      'a bad check-in kind',
      (d) => (d.goalCheckins[0].kind = 'multiply'),
      /^perf: invalid kind "multiply" in goalCheckins\[0\] \(id 1\): use set or add; nothing was imported\n$/,
    ],
    ['a bad due date', (d) => (d.development[1].due = 'soon'), /^perf: invalid due "soon" in development\[1\] \(id 2\): use YYYY-MM-DD/],
    [
      'a bad instant',
      (d) => (d.checkins[0].createdAt = 'yesterday'),
      /^perf: invalid createdAt "yesterday" in checkins\[0\] \(id 1\): use an ISO 8601 instant/,
    ],
    [
      'a bad tag',
      (d) => (d.notes[0].tags = ['two words']),
      /^perf: invalid tag "two words" in notes\[0\] \(id 1\): use letters, digits, "_", "-" or "\/"/,
    ],
    ['a bad setting', (d) => (d.config['scale.max'] = '99'), /invalid setting config\.scale\.max: invalid scale\.max "99"/],
    ['an unknown setting', (d) => (d.config.colour = 'blue'), /invalid setting config\.colour: unknown setting "colour"/],
    ['a record that is not an object', (d) => (d.ratings[4] = 'five'), /^perf: invalid record "five" in ratings\[4\]: use an object/],
    ['a table that is not a list', (d) => (d.goals = {}), /^perf: invalid goals \{\} in ".*": use a list of records/],
    [
      'a note dated in the future',
      (d) => (d.notes[2].date = '2030-01-01'),
      /^perf: date "2030-01-01" in notes\[2\] \(id 3\) is in the future: use today \(2026-11-26\) or an earlier day; nothing was imported\n$/,
    ],
    // 15:00 on 26 Nov in UTC is already the 27th in Kiritimati (UTC+14): the 28th is tomorrow everywhere.
    [
      'a note dated tomorrow everywhere',
      (d) => (d.notes[0].date = '2026-11-28'),
      /^perf: date "2026-11-28" in notes\[0\] \(id 1\) is in the future: use today \(2026-11-26\)/,
    ],
    [
      'a rating dated in the future',
      (d) => (d.ratings[1].date = '2030-01-01'),
      /^perf: date "2030-01-01" in ratings\[1\] \(id 2\) is in the future/,
    ],
    [
      'feedback dated in the future',
      (d) => (d.feedback[0].date = '2030-01-01'),
      /^perf: date "2030-01-01" in feedback\[0\] \(id 1\) is in the future/,
    ],
    [
      'a goal check-in dated in the future',
      (d) => (d.goalCheckins[0].date = '2030-01-01'),
      /^perf: date "2030-01-01" in goalCheckins\[0\] \(id 1\) is in the future/,
    ],
    [
      'a one-to-one dated in the future',
      (d) => (d.checkins[0].date = '2030-01-01'),
      /^perf: date "2030-01-01" in checkins\[0\] \(id 1\) is in the future/,
    ],
  ])('%s, naming the record and the field', async (_, spoil, message) => {
    const dump = valid();
    spoil(dump);
    const file = writeJson(dump);
    await expectRefused(['import', file], year, message);
    // Into a new journal too: it is not even created.
    const fresh = tempDbPath();
    await expectRefused(['import', file], fresh, message);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('a rating above the scale of the journal it is merged into', async () => {
    const db = tempDbPath();
    fs.copyFileSync(year, db);
    await run(['config', 'set', 'scale.max', '5'], { db });
    const dump = valid();
    dump.config['scale.max'] = '10';
    dump.ratings.push({ ...dump.ratings[0], id: 99, date: '2026-11-20', rating: 7 });
    await expectRefused(
      ['import', writeJson(dump)],
      db,
      /^perf: invalid rating 7 in ratings\[10\] \(id 99\): use a whole number from 1 to 5, this journal's scale; nothing was imported\n$/,
    );
  });

  it('a jrnl entry with a bad date, a bad tag or no text', async () => {
    const entry = { title: 'Fine.', body: '', date: '2026-11-16', time: '09:00', tags: [], starred: false };
    await expectRefused(
      ['import', writeJson({ entries: [entry, { ...entry, date: 'notadate', title: 'bad' }] })],
      year,
      /^perf: invalid date "notadate" in entries\[1\]: use YYYY-MM-DD; nothing was imported\n$/,
    );
    await expectRefused(
      ['import', writeJson({ entries: [{ title: 'No date' }] })],
      year,
      /^perf: missing date in entries\[0\]: use YYYY-MM-DD; nothing was imported\n$/,
    );
    await expectRefused(
      ['import', writeJson({ entries: [entry, { ...entry, date: '16/11/2026' }] })],
      year,
      /^perf: invalid date "16\/11\/2026" in entries\[1\]: use YYYY-MM-DD; nothing was imported\n$/,
    );
    await expectRefused(
      ['import', writeJson({ entries: [{ ...entry, tags: ['@c++'] }] })],
      year,
      /^perf: invalid tag "@c\+\+" in entries\[0\]: use letters, digits/,
    );
    await expectRefused(
      ['import', writeJson({ entries: [{ ...entry, title: ' ', body: '' }] })],
      year,
      /^perf: invalid entries\[0\]: its title and body are both empty; give it words in one of them; nothing was imported\n$/,
    );
    await expectRefused(
      ['import', writeJson({ entries: [entry, { ...entry, date: '2030-01-01' }] })],
      year,
      /^perf: date "2030-01-01" in entries\[1\] is in the future: use today \(2026-11-26\) or an earlier day; nothing was imported\n$/,
    );
    await expectRefused(
      ['import', writeJson({ entries: [{ ...entry, starred: 'yes' }] })],
      year,
      /^perf: invalid starred "yes" in entries\[0\]: use true or false; nothing was imported\n$/,
    );
  });

  it('is all or nothing: a bad record late in a big file writes nothing', async () => {
    const dump = valid();
    dump.development[5].status = 'finished';
    const db = tempDbPath();
    await run(['log', 'Before the import'], { db });
    await expectRefused(
      ['import', writeJson(dump)],
      db,
      /^perf: invalid status "finished" in development\[5\] \(id 6\): use planned, in-progress, done or dropped; nothing was imported\n$/,
    );
  });
});

describe('perf import takes future due dates', () => {
  it('a goal and a development item due after today are imported', async () => {
    const dump = JSON.parse(fs.readFileSync(yearExport, 'utf8'));
    dump.goals[0].due = '2030-01-01';
    dump.development[0].due = '2030-01-01';
    const db = tempDbPath();
    expect((await run(['import', writeJson(dump)], { db })).code).toBe(0);
  });
});
