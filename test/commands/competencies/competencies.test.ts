import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { dumpDb, expectRefused, run, tempDbPath, stderrAfterCreating, createdLine } from '../../helpers.js';
import { journalFixture, newJournal } from '../../harness/journals.js';
import { SEEDED_COMPETENCIES } from '../../../src/storage/migrations.js';

/** A journal with a note, self and manager ratings, feedback and a development activity. */
const journalWithData = journalFixture(async (db) => {
  for (const args of [
    ['log', 'Held the price with Acme procurement', '--type', 'call', '-a', 'Acme', '-c', 'negotiation'],
    ['rate', 'negotiation', '3', '--note', 'lost two deals on price', '--date', '2026-11-20'],
    ['rate', 'negotiation', '2', '--source', 'manager', '--by', 'Maria', '--date', '2026-03-02'],
    ['rate', 'closing', '4', '--date', '2026-11-01'],
    ['rate', 'discovery', '5', '--date', '2026-11-01'],
    [
      'feedback',
      'add',
      'Kept our margin on the Acme deal',
      '--from',
      'Maria',
      '--relationship',
      'manager',
      '-c',
      'negotiation',
      '-d',
      '2026-11-02',
    ],
    ['dev', 'add', 'Negotiation workshop', '-c', 'negotiation', '--due', '2027-03-31', '--assigned-by', '2025 appraisal'],
  ]) {
    const result = await run(args, { db });
    expect(stderrAfterCreating(result.stderr, db)).toBe('');
    expect(result.code).toBe(0);
  }
});

type CompetencyJson = Record<string, unknown> & { slug: string };

async function competencyJson(db: string, slug: string): Promise<CompetencyJson> {
  const result = await run(['competencies', '--json'], { db });
  const found = (JSON.parse(result.stdout) as CompetencyJson[]).find((c) => c.slug === slug);
  if (!found) throw new Error(`no ${slug}`);
  return found;
}

describe('perf competencies (list)', () => {
  it('shows the seeded framework on a missing journal without creating it', async () => {
    const db = tempDbPath();
    const result = await run(['competencies'], { db });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Competencies · scale 1–5');
    for (const name of ['Prospecting', 'Objection handling', 'Pipeline management', 'Collaboration']) expect(result.stdout).toContain(name);
    expect(result.stdout).toContain(
      'No ratings yet. Rate every competency in turn: perf rate\nor one at a time: perf rate negotiation 3\n',
    );
    expect(fs.existsSync(db)).toBe(false);
  });

  it('--json prints a flat array in the CLI.md shape', async () => {
    const db = tempDbPath();
    const list = JSON.parse((await run(['competencies', '--json'], { db })).stdout) as CompetencyJson[];
    expect(list).toHaveLength(12);
    // The framework's order, which test/storage/db.test.ts spells out.
    expect(list.map((c) => c.slug)).toEqual(SEEDED_COMPETENCIES.map(([slug]) => slug));
    expect(list[0]).toEqual({
      id: 1,
      slug: 'prospecting',
      name: 'Prospecting',
      description: 'Finds and opens new opportunities: research, outreach, a full top of funnel.',
      target: 5,
      ownTarget: null,
      latest: null,
      latestOthers: null,
      gap: null,
      improvementTarget: false,
      trend: { ratings: [], direction: null },
      openDevelopment: 0,
    });
  });

  it('shows latest self and others, gap, trend, open development and improvement targets', async () => {
    const db = await journalWithData();
    expect(await competencyJson(db, 'negotiation')).toMatchObject({
      latest: { rating: 3, date: '2026-11-20', source: 'self', by: null },
      latestOthers: { rating: 2, date: '2026-03-02', source: 'manager', by: 'Maria' },
      target: 5,
      gap: 3,
      improvementTarget: true,
      trend: { ratings: [2, 3], direction: 'up' },
      openDevelopment: 1,
    });
    expect(await competencyJson(db, 'discovery')).toMatchObject({ gap: 0, improvementTarget: false });

    const result = await run(['competencies'], { db });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.find((l) => l.includes('Negotiation'))).toMatch(/^ {2}• Negotiation\s+3\s+2 manager\s+5\s+3\s+▃▅ ↑\s+1 open$/);
    expect(lines.find((l) => l.includes('Closing'))).toMatch(/^ {2}• Closing\s+4\s+—\s+5\s+1\s+▆$/);
    expect(lines.find((l) => l.includes('Discovery'))).toMatch(/^ {4}Discovery\s+5\s+—\s+5\s+0\s+█$/);
    expect(result.stdout).toContain('No development planned for 1 improvement target: closing.');
    expect(result.stdout).toContain('Plan one: perf dev add "<course, book, coaching>" -c closing');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('aligns the columns when names are Japanese (two columns a character) or carry accents', async () => {
    const db = newJournal();
    for (const name of ['交渉力', '交渉力とクロージングの技術', 'Négociation']) {
      expect((await run(['competencies', 'add', name], { db })).code).toBe(0);
    }
    const result = await run(['competencies'], { db });
    const stringWidth = (await import('string-width')).default;
    const lines = result.stdout.split('\n').filter((line) => /^ {4}\S/.test(line) && !line.includes('Competency'));
    // "Self" is the column after the name: it starts at the same terminal column on every row.
    const selfColumn = (line: string) => stringWidth(line.slice(0, line.indexOf('—')));
    const header = result.stdout.split('\n').find((line) => line.includes('Competency')) ?? '';
    for (const line of lines) expect(selfColumn(line), line).toBe(header.indexOf('Self'));
    expect(lines.find((line) => line.includes('交渉力と'))).toMatch(/^ {4}交渉力とクロージン… {3}—/);
  });

  it('`competencies list` is the same listing', async () => {
    const db = await journalWithData();
    expect((await run(['competencies', 'list'], { db })).stdout).toBe((await run(['competencies'], { db })).stdout);
  });
});

describe('perf competencies show', () => {
  let db: string;
  beforeEach(async () => {
    db = await journalWithData();
  });

  it('shows ratings by source, evidence, feedback and development', async () => {
    const result = await run(['competencies', 'show', 'neg'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Negotiation  negotiation · #5');
    expect(result.stdout).toContain('Trades value rather than discounts');
    expect(result.stdout).toMatch(/self\n\s+Fri 20 Nov\s+3\/5 {2}lost two deals on price/);
    expect(result.stdout).toMatch(/manager\n\s+Mon 2 Mar\s+2\/5 {2}Maria/);
    expect(result.stdout).toContain('Evidence · 1 note');
    expect(result.stdout).toContain('#1 Thu 26 Nov · call · Acme: Held the price with Acme procurement');
    expect(result.stdout).toContain('“Kept our margin on the Acme deal”');
    expect(result.stdout).toContain('— Maria, manager · Mon 2 Nov · negotiation · #1');
    expect(result.stdout).toContain('Development · 1 open');
    expect(result.stdout).toContain('Negotiation workshop');
  });

  it('--json adds the history to the competency', async () => {
    const detail = JSON.parse((await run(['competencies', 'show', 'negotiation', '--json'], { db })).stdout) as Record<string, unknown[]>;
    expect(detail).toMatchObject({ slug: 'negotiation', gap: 3, improvementTarget: true });
    expect(detail.ratings).toEqual([
      { id: 2, date: '2026-03-02', rating: 2, source: 'manager', by: 'Maria', note: null },
      { id: 1, date: '2026-11-20', rating: 3, source: 'self', by: null, note: 'lost two deals on price' },
    ]);
    expect(detail.notes).toMatchObject([{ id: 1, competencies: ['negotiation'] }]);
    expect(detail.feedback).toMatchObject([{ id: 1, from: 'Maria', relationship: 'manager', competency: 'negotiation' }]);
    expect(detail.development).toMatchObject([{ id: 1, title: 'Negotiation workshop', competency: 'negotiation', status: 'planned' }]);
  });

  it('refuses an ambiguous or unknown reference', async () => {
    await expectRefused(
      ['competencies', 'show', 'c'],
      db,
      /competency "c" is ambiguous: it matches closing, communication, collaboration\n$/,
    );
    await expectRefused(['competencies', 'show', 'negociation'], db, /unknown competency "negociation": did you mean negotiation\?/);
    await expectRefused(['competencies', 'show', '99'], db, /no competency with id 99/);
  });
});

describe('perf competencies add', () => {
  it('adds one at the end of the framework with its own slug', async () => {
    const db = await journalWithData();
    const result = await run(['competencies', 'add', 'Social', 'selling', '--description', 'Finds buyers on LinkedIn', '--target', '4'], {
      db,
    });
    expect(result.stdout).toBe('Added Social selling (social-selling).\n');
    const added = await competencyJson(db, 'social-selling');
    expect(added).toMatchObject({
      id: 13,
      name: 'Social selling',
      description: 'Finds buyers on LinkedIn',
      target: 4,
      ownTarget: 4,
      gap: null,
    });
    const list = JSON.parse((await run(['competencies', '--json'], { db })).stdout) as CompetencyJson[];
    expect(list.at(-1)?.slug).toBe('social-selling');
  });

  it('--json prints the new competency', async () => {
    const db = newJournal();
    const result = await run(['competencies', 'add', 'Forecasting', '--json'], { db });
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 13,
      slug: 'forecasting',
      name: 'Forecasting',
      target: 5,
      ownTarget: null,
      latest: null,
    });
  });

  it('gives a different name with the same slug a numbered slug', async () => {
    const db = await journalWithData();
    await run(['competencies', 'add', 'Closing!'], { db });
    expect((await competencyJson(db, 'closing-2')).name).toBe('Closing!');
  });

  it('refuses a duplicate name whatever its case, a bad target and a name without letters', async () => {
    const db = await journalWithData();
    await expectRefused(['competencies', 'add', 'negotiation'], db, /a competency named "Negotiation" already exists \(negotiation\)/);
    await expectRefused(['competencies', 'add', ' Objection  Handling '], db, /a competency named "Objection handling" already exists/);
    await expectRefused(['competencies', 'add', 'Forecasting', '--target', '6'], db, /invalid target "6": use a whole number from 1 to 5/);
    await expectRefused(['competencies', 'add', 'Forecasting', '--target', '3.5'], db, /invalid target "3.5"/);
    await expectRefused(['competencies', 'add', '2026'], db, /invalid competency name "2026"/);
  });

  it('refuses a duplicate without creating a missing journal', async () => {
    const db = tempDbPath();
    await expectRefused(['competencies', 'add', 'Closing'], db, /already exists/);
    expect(fs.existsSync(db)).toBe(false);
  });
});

describe('perf competencies edit', () => {
  it('renames keeping the slug, so the old slug still names it', async () => {
    const db = await journalWithData();
    await run(['competencies', 'add', 'Social selling'], { db });
    const renamed = await run(['competencies', 'edit', 'social-selling', '--name', 'Social media selling'], { db });
    expect(renamed.stdout).toBe(
      'Updated Social media selling; its slug stays social-selling (--slug\n  social-media-selling changes it).\n',
    );
    const shown = await run(['competencies', 'show', 'social-selling'], { db });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^Social media selling {2}social-selling · #13\n/);
    expect(await competencyJson(db, 'social-selling')).toMatchObject({ id: 13, name: 'Social media selling' });
    // The new name names it too.
    expect((await run(['rate', 'social media', '3'], { db })).stdout).toMatch(/^Rated Social media selling 3\/5/);
  });

  it('changes the slug only with --slug', async () => {
    const db = await journalWithData();
    const renamed = await run(['competencies', 'edit', 'collab', '--name', 'Teamwork', '--slug', 'teamwork'], { db });
    expect(renamed.stdout).toBe('Updated Teamwork; its slug is now teamwork.\n');
    expect(await competencyJson(db, 'teamwork')).toMatchObject({ id: 12, name: 'Teamwork' });
    expect((await run(['competencies', 'edit', 'teamwork', '--slug', 'team', '--json'], { db })).stdout).toMatch(/"slug": "team"/);
    const added = await run(['competencies', 'add', 'Social selling', '--slug', 'social', '--json'], { db });
    expect(JSON.parse(added.stdout)).toMatchObject({ id: 13, slug: 'social', name: 'Social selling' });
  });

  it.each([
    [
      ['competencies', 'edit', 'collab', '--slug', 'Team Work'],
      /invalid slug "Team Work": use lowercase letters, digits and single dashes/,
    ],
    [['competencies', 'edit', 'collab', '--slug', '42'], /slug "42" is ambiguous: a number names a competency by its id; add letters/],
    [
      ['competencies', 'edit', 'collab', '--slug', 'closing'],
      /slug "closing" is taken by competency #6 "Closing": choose another with --slug/,
    ],
    [['competencies', 'add', 'Social selling', '--slug', 'negotiation'], /slug "negotiation" is taken by competency #5/],
    [['competencies', 'add', 'Social selling', '--slug', ''], /invalid slug ""/],
    [
      ['competencies', 'add', 'Social selling', '--slug', `s${'-x'.repeat(30)}`],
      /invalid slug "s-x-x.*": it has 61 characters; use at most 60$/m,
    ],
  ])('refuses %j', async (args, message) => {
    await expectRefused(args, await journalWithData(), message);
  });

  it('describes and sets or clears the target', async () => {
    const db = await journalWithData();
    await run(['competencies', 'edit', 'negotiation', '--target', '4', '--description', 'Trades, never gives'], { db });
    expect(await competencyJson(db, 'negotiation')).toMatchObject({ target: 4, ownTarget: 4, gap: 2, description: 'Trades, never gives' });
    expect((await run(['competencies'], { db })).stdout).toContain('* own target');

    const cleared = await run(['competencies', 'edit', '5', '--no-target', '--description', '', '--json'], { db });
    expect(JSON.parse(cleared.stdout)).toMatchObject({ slug: 'negotiation', target: 5, ownTarget: null, gap: 3, description: null });
  });

  it('removes the target with --target "" as goals do, or with --no-target', async () => {
    const db = await journalWithData();
    for (const clear of [['--target', ''], ['--no-target']]) {
      await run(['competencies', 'edit', 'closing', '--target', '4'], { db });
      expect((await competencyJson(db, 'closing')).ownTarget).toBe(4);
      expect((await run(['competencies', 'edit', 'closing', ...clear], { db })).stdout).toBe('Updated Closing.\n');
      expect(await competencyJson(db, 'closing')).toMatchObject({ target: 5, ownTarget: null });
    }
  });

  it.each([
    [['competencies', 'edit', 'closing', '--target', '4', '--no-target'], /^perf: use --target "4" or --no-target, not both\n$/],
    [['competencies', 'edit', 'closing', '--no-target', '--target', '3'], /^perf: use --target "3" or --no-target, not both\n$/],
    [['competencies', 'edit', 'closing', '--target', '', '--no-target'], /use --target "" or --no-target, not both/],
    [['competencies', 'add', 'Forecasting', '--target', ''], /invalid target "": use a whole number from 1 to 5/],
  ])('refuses the contradiction or an empty target on add: %j', async (args, message) => {
    const db = await journalWithData();
    await run(['competencies', 'edit', 'closing', '--target', '4'], { db });
    await expectRefused(args, db, message);
  });

  it('refuses nothing to change, a taken name, a bad target and an unknown competency', async () => {
    const db = await journalWithData();
    await expectRefused(
      ['competencies', 'edit', 'negotiation'],
      db,
      /nothing to change: give --name, --slug, --description, --target or --no-target/,
    );
    await expectRefused(['competencies', 'edit', 'negotiation', '--name', 'closing'], db, /a competency named "Closing" already exists/);
    await expectRefused(['competencies', 'edit', 'negotiation', '--target', '0'], db, /invalid target "0"/);
    await expectRefused(['competencies', 'edit', 'haggling', '--target', '4'], db, /unknown competency "haggling"/);
  });

  it('keeps the slug when only the case of the name changes', async () => {
    const db = await journalWithData();
    await run(['competencies', 'edit', 'closing', '--name', 'CLOSING'], { db });
    expect((await competencyJson(db, 'closing')).name).toBe('CLOSING');
  });
});

describe('perf competencies rm', () => {
  it('removes an unused competency', async () => {
    const db = await journalWithData();
    await run(['competencies', 'add', 'Forecasting'], { db });
    const result = await run(['competencies', 'rm', 'forecasting'], { db });
    expect(result.stdout).toBe('Removed Forecasting (forecasting).\n');
    expect((JSON.parse((await run(['competencies', '--json'], { db })).stdout) as unknown[]).length).toBe(12);
  });

  it('refuses one with ratings, feedback, notes or development without --force', async () => {
    const db = await journalWithData();
    await expectRefused(
      ['competencies', 'rm', 'negotiation'],
      db,
      /competency negotiation has 2 ratings, 1 feedback item, 1 linked note and 1 development activity: add --force to remove it anyway\n$/,
    );
    await expectRefused(['competencies', 'rm', 'closing'], db, /competency closing has 1 rating: add --force/);
  });

  it('--force says what it removes and what it keeps', async () => {
    const db = await journalWithData();
    const result = await run(['competencies', 'rm', 'negotiation', '--force'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'Removed Negotiation (negotiation) and its 2 ratings.\nKept 1 linked note, 1 feedback item and 1 development activity, now unlinked.\n',
    );
    const dump = JSON.parse(dumpDb(db) ?? '{}') as { dump: Record<string, Record<string, unknown>[]> };
    expect(dump.dump.ratings?.map((r) => r.competency_id)).toEqual([6, 2]);
    expect(dump.dump.note_competencies).toEqual([]);
    expect(dump.dump.feedback?.[0]?.competency_id).toBeNull();
    expect(dump.dump.development?.[0]?.competency_id).toBeNull();
    expect(dump.dump.notes).toHaveLength(1);
  });
});

describe('human output', () => {
  it('fits in 80 columns, with data and in the empty state', async () => {
    const db = await journalWithData();
    await run(['dev', 'done', '1', '--note', 'Now trading terms for price rather than giving discounts; used it on Acme and Globex'], {
      db,
    });
    const empty = tempDbPath();
    const views = [
      ['competencies'],
      ['competencies', 'show', 'negotiation'],
      ['competencies', 'show', 'objection-handling'],
      ['feedback'],
      ['feedback', 'show', '1'],
      ['dev'],
      ['dev', '--all'],
    ];
    for (const journal of [db, empty]) {
      for (const args of views) {
        const result = await run(args, { db: journal });
        for (const line of result.stdout.split('\n')) expect(line.length, `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
      }
    }
  });
});

describe('a rep at work', () => {
  it('rates, plans and lists as a rep would', async () => {
    const db = tempDbPath();
    expect(await run(['rate', 'negotiation', '3'], { db })).toEqual({
      code: 0,
      stderr: createdLine(db),
      stdout: 'Rated Negotiation 3/5 · self, Thu 26 Nov 2026\n',
    });
    expect((await run(['dev', 'add', 'Negotiation workshop', '-c', 'neg'], { db })).code).toBe(0);
    const list = JSON.parse((await run(['competencies', '--json'], { db })).stdout) as CompetencyJson[];
    expect(list.find((c) => c.slug === 'negotiation')).toMatchObject({ gap: 2, improvementTarget: true, openDevelopment: 1 });
    expect(await run(['rate', 'c', '3'], { db })).toEqual({
      code: 2,
      stderr: 'perf: competency "c" is ambiguous: it matches closing, communication, collaboration\n',
      stdout: '',
    });
  });
});
