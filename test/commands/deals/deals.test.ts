import { describe, expect, it } from 'vitest';
import { colourRun, plainRun, stripSgr } from '../../harness/colour.js';
import { journalFixture, newJournal } from '../../harness/journals.js';
import { dumpDb, expectRefused, run, stderrAfterCreating } from '../../helpers.js';

// Deals #1 acme-renewal (open, proposal, closes 15 Dec), #2 globex-expansion (won 2 Oct),
// #3 initech-pilot (open, discovery, closes 10 Dec), #4 vogel (open, Proposal, no close day),
// #5 hooli (lost 1 Nov, budget frozen). Notes #1 and #2 are about acme-renewal.
const journal = journalFixture(async (db) => {
  for (const args of [
    ['deals', 'add', 'Acme renewal', '-a', 'Acme', '--value', '48000', '--stage', 'proposal', '--close', '2026-12-15'],
    ['deals', 'add', 'Globex expansion', '-a', 'Globex', '--value', '120000', '--won', '2026-10-02', '--reason', 'Held the price'],
    ['deals', 'add', 'Initech pilot', '-a', 'Initech', '--value', '9000.50', '--stage', 'discovery', '--close', '2026-12-10'],
    ['deals', 'add', 'Vogel', '-a', 'Vogel AG', '--value', '1,250', '--stage', 'Proposal'],
    ['deals', 'add', 'Hooli', '--value', '30000', '--lost', '2026-11-01', '--reason', 'Budget frozen', '--external-id', 'CRM-9'],
    ['log', 'Pricing call with Acme procurement', '--type', 'call', '--deal', 'acme-renewal', '-d', '2026-11-20'],
    ['log', 'Sent Acme the 3-year proposal', '--type', 'proposal', '--deal', '1', '-d', '2026-11-24'],
  ]) {
    expect(stderrAfterCreating((await run(args, { db })).stderr, db)).toBe('');
  }
});

/**
 * The journal file's contents but the undo log, sqlite_sequence (an undone insert leaves it
 * ahead: ids are never handed out twice) and the search index's segments, as in undo.test.ts.
 */
function journalState(file: string): unknown {
  const all = JSON.parse(dumpDb(file, { undoLog: false }) ?? 'null') as { dump: Record<string, unknown> };
  for (const table of Object.keys(all.dump)) {
    if (table === 'sqlite_sequence' || table.startsWith('notes_fts')) delete all.dump[table];
  }
  return all;
}

async function json(args: string[], db: string): Promise<unknown> {
  const result = await run([...args, '--json'], { db });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('perf deals add', () => {
  it('prints the deal as the JSON shape in CLI.md, with a slug made from its name', async () => {
    const db = newJournal();
    expect(
      await json(['deals', 'add', 'Acme  renewal', '-a', 'Acme', '--value', '48000', '--stage', 'proposal', '--close', '2026-12-15'], db),
    ).toEqual({
      id: 1,
      slug: 'acme-renewal',
      name: 'Acme renewal',
      account: 'Acme',
      value: 48000,
      stage: 'proposal',
      status: 'open',
      expectedClose: '2026-12-15',
      closedOn: null,
      reason: null,
      externalId: null,
    });
  });

  it('reads the value as every amount is read: 30k, 1.2m, and grouping by the decimal mark of the journal', async () => {
    const db = newJournal();
    const value = async (raw: string) =>
      ((await json(['deals', 'add', `Deal ${raw}`, '-a', 'Acme', '--value', raw], db)) as { value: number }).value;
    expect(await value('30k')).toBe(30000);
    expect(await value('1.2m')).toBe(1200000);
    expect(await value('34,000')).toBe(34000);
    expect((await run(['config', 'set', 'numbers.decimal', ','], { db })).code).toBe(0);
    expect((await run(['config', 'set', 'currency', 'EUR'], { db })).code).toBe(0);
    expect(await value('34.000')).toBe(34000);
    expect(await value('€34.000,50')).toBe(34000.5);
  });

  it('adds a deal already won, with its day and reason; a name that is a command word gets another slug', async () => {
    const db = newJournal();
    expect(await json(['deals', 'add', 'Won', '--value', '5', '--won', 'yesterday', '--reason', 'Referral'], db)).toMatchObject({
      slug: 'deal-won',
      status: 'won',
      closedOn: '2026-11-25',
      reason: 'Referral',
    });
  });

  it.each([
    [['deals', 'add', 'Umbrella', '--value', '7000']],
    [['deals', 'won', 'acme-renewal', '--reason', 'Held the price']],
    [['deals', 'edit', 'vogel', '--value', '2000', '--stage', 'demo']],
    [['deals', 'rm', 'acme-renewal', '--yes']],
    [['notes', 'edit', '1', '--no-deal']],
  ])('perf %j is undone by perf undo: the journal holds exactly what it held before', async (args) => {
    const db = await journal();
    const before = journalState(db);
    expect((await run(args, { db })).code).toBe(0);
    expect(journalState(db)).not.toEqual(before);
    const undo = await run(['undo', '--yes'], { db });
    expect(undo.code).toBe(0);
    expect(journalState(db)).toEqual(before);
  });
});

describe('perf deals (the pipeline)', () => {
  it('lists open deals grouped by stage, each by expected close, with the total in the journal currency', async () => {
    const db = await journal();
    const result = await run(['deals'], { db });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'Pipeline',
        '',
        'discovery',
        '  #3 initech-pilot · Initech pilot · $9,000.50 · Initech · closes Thu 10 Dec',
        '',
        'proposal',
        '  #1 acme-renewal · Acme renewal · $48,000 · Acme · closes Tue 15 Dec',
        '  #4 vogel · Vogel · $1,250 · Vogel AG',
        '',
        'Open: 3 deals, $58,250.50',
        '',
      ].join('\n'),
    );
  });

  it('--all adds the won and lost deals; --stage keeps one stage, in any case', async () => {
    const db = await journal();
    const all = (await run(['deals', '--all'], { db })).stdout;
    expect(all).toContain('Won\n  #2 globex-expansion · Globex expansion · $120,000 · Globex · won Fri 2 Oct\n      Held the price\n');
    expect(all).toContain('Won: 1 deal, $120,000');
    expect(all).toContain('Lost: 1 deal, $30,000');
    const proposal = (await json(['deals', '--stage', 'PROPOSAL'], db)) as { slug: string }[];
    expect(proposal.map((d) => d.slug)).toEqual(['acme-renewal', 'vogel']);
    const every = (await json(['deals', '--all'], db)) as { slug: string }[];
    expect(every).toHaveLength(5);
  });

  it('marks an open deal whose expected close has passed, in the warning colour', async () => {
    const db = await journal();
    // 11 Dec: Initech's close (10 Dec) has passed, Acme's (15 Dec) has not.
    const now = '2026-12-11T10:00:00';
    const plain = await run(['deals'], { db, now });
    expect(plain.stdout).toContain('  #3 initech-pilot · Initech pilot · $9,000.50 · Initech\n      close date passed Thu 10 Dec\n');
    expect(plain.stdout).toContain('  #1 acme-renewal · Acme renewal · $48,000 · Acme · closes Tue 15 Dec\n');
    const colour = await colourRun(['deals'], { db, now });
    expect(colour.stdout).toContain('\u001b[33mclose date passed Thu 10 Dec\u001b[39m');
    expect(stripSgr(colour.stdout)).toBe(plain.stdout);
  });

  it('says so when a deal is added or shown with an expected close already past', async () => {
    const db = await journal();
    const now = '2026-12-11T10:00:00';
    const added = await run(['deals', 'add', 'Late one', '--value', '100', '--close', '2026-12-01'], { db, now });
    expect(added.stdout).toMatch(/Late one {2}\$100 {2}close date passed Tue 1 Dec 2026\n$/);
    expect((await run(['deals', 'add', 'On time', '--value', '100', '--close', '2026-12-20'], { db, now })).stdout).toMatch(
      /closes Sun 20 Dec 2026\n$/,
    );
    const shown = await run(['deals', 'show', 'initech-pilot'], { db, now });
    expect(shown.stdout).toContain('expected close Thu 10 Dec 2026 (passed)');
    const colour = await colourRun(['deals', 'show', 'initech-pilot'], { db, now });
    expect(colour.stdout).toContain('\u001b[33m(passed)\u001b[39m');
    expect(stripSgr(colour.stdout)).toBe(shown.stdout);
    expect((await run(['deals', 'show', 'acme-renewal'], { db, now })).stdout).toContain('expected close Tue 15 Dec 2026\n');
  });

  it('--stage none lists the open deals without a stage, as the list heads them "no stage"', async () => {
    const db = await journal();
    await run(['deals', 'add', 'Wayne', '-a', 'Wayne', '--value', '5000'], { db });
    expect(((await json(['deals', '--stage', 'none'], db)) as { slug: string }[]).map((d) => d.slug)).toEqual(['wayne']);
    expect((await run(['deals', '--stage', 'None'], { db })).stdout).toContain('no stage\n  #6 wayne · Wayne · $5,000 · Wayne\n');
    const none = await run(['deals', '--stage', 'none'], { db: await journal() });
    expect(none.stdout).toContain('No open deals without a stage.');
  });

  it('shows money in the currency set with perf config set currency (any case in, the ISO code kept)', async () => {
    const db = await journal();
    expect((await run(['config', 'set', 'currency', 'eur'], { db })).stdout).toContain('currency = EUR');
    expect((await run(['deals'], { db })).stdout).toContain('Open: 3 deals, €58,250.50');
  });

  it('reads the same with colour on as with colour off', async () => {
    const db = await journal();
    for (const args of [
      ['deals', '--all'],
      ['deals', 'show', 'acme-renewal'],
    ]) {
      const colour = await colourRun(args, { db });
      const plain = await plainRun(args, { db });
      expect(colour.stdout).toMatch(/\u001b\[/);
      expect(stripSgr(colour.stdout)).toBe(plain.stdout);
    }
  });

  it('says there is nothing yet on a missing journal, and creates none', async () => {
    const db = `${newJournal()}.missing`;
    const result = await run(['deals'], { db });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No open deals.');
    expect(dumpDb(db)).toBeNull();
  });
});

describe('perf deals won|lost|reopen|edit|rm|show', () => {
  it('won closes a deal today by default, with its reason; reopen makes it open again', async () => {
    const db = await journal();
    expect(await json(['deals', 'won', 'acme-renewal', '--reason', 'Held the price, 3-month ramp'], db)).toMatchObject({
      status: 'won',
      closedOn: '2026-11-26',
      reason: 'Held the price, 3-month ramp',
    });
    expect(await json(['deals', 'reopen', 'acme-renewal'], db)).toMatchObject({ status: 'open', closedOn: null, reason: null });
    expect(await json(['deals', 'lost', '3', '-d', '2026-11-02'], db)).toMatchObject({ status: 'lost', closedOn: '2026-11-02' });
  });

  it('edit changes the fields given and clears one with ""', async () => {
    const db = await journal();
    expect(await json(['deals', 'edit', 'acme-renewal', '--stage', 'negotiation', '--value', '52000', '--close', ''], db)).toMatchObject({
      slug: 'acme-renewal',
      stage: 'negotiation',
      value: 52000,
      expectedClose: null,
    });
  });

  it('show lists the notes about the deal, and --json holds them', async () => {
    const db = await journal();
    const text = (await run(['deals', 'show', 'acme-renewal'], { db })).stdout;
    expect(text).toContain('2 notes');
    expect(text).toContain('Pricing call with Acme procurement');
    const shown = (await json(['deals', 'show', '1'], db)) as { notes: { id: number; deal: string }[] };
    expect(shown.notes.map((n) => [n.id, n.deal])).toEqual([
      [1, 'acme-renewal'],
      [2, 'acme-renewal'],
    ]);
  });

  it('rm deletes a deal with --yes; its notes stay, unlinked', async () => {
    const db = await journal();
    expect(await json(['deals', 'rm', 'acme-renewal', '--yes'], db)).toMatchObject({ id: 1, slug: 'acme-renewal' });
    const note = (await json(['notes', 'show', '1'], db)) as { deal: string | null };
    expect(note.deal).toBeNull();
  });
});

describe('notes and deals', () => {
  it('perf log --deal links the note; notes edit --deal and --no-deal change the link', async () => {
    const db = await journal();
    expect(await json(['log', 'Intro call', '--deal', 'vogel'], db)).toMatchObject({ id: 3, deal: 'vogel' });
    expect(await json(['notes', 'edit', '3', '--deal', 'initech-pilot'], db)).toMatchObject({ deal: 'initech-pilot' });
    expect(await json(['notes', 'edit', '3', '--no-deal'], db)).toMatchObject({ deal: null });
    expect((await run(['notes', 'show', '1'], { db })).stdout).toMatch(/Deal +acme-renewal/);
  });
});

describe('bad input (exit 2, one line, nothing written)', () => {
  it.each([
    [['deals', 'add', 'X', '--value', '0'], /invalid --value "0": a deal's value is a positive amount/],
    [['deals', 'add', 'X', '--value', '-5'], /invalid --value "-5": a deal's value is a positive amount/],
    [['deals', 'add', 'X', '--value', 'abc'], /invalid --value "abc": a deal's value is a positive amount/],
    [['deals', 'edit', 'vogel', '--value', '0'], /invalid --value "0"/],
    [['deals', 'add', 'X', '--value', '5', '--won', 'today', '--lost', 'today'], /either --won or --lost/],
    [['deals', 'add', 'X', '--value', '5', '--reason', 'why'], /--reason says why a deal was won or lost/],
    [['deals', 'add', 'X', '--value', '5', '--slug', 'won'], /slug "won" is a command word/],
    [['deals', 'edit', 'vogel', '--slug', 'show'], /slug "show" is a command word/],
    [['deals', 'add', 'X', '--value', '5', '--slug', 'acme-renewal'], /slug "acme-renewal" is taken by deal #1/],
    [['deals', 'add', 'X', '--value', '5', '--external-id', 'CRM-9'], /external id "CRM-9" is already deal #5/],
    [['deals', 'show', 'acme-renwal'], /unknown deal "acme-renwal": did you mean acme-renewal\?/],
    [['deals', 'won', '99'], /no deal with id "99"/],
    [['deals', 'won', 'globex-expansion'], /deal "globex-expansion" is already won \(on 2026-10-02\)/],
    [['deals', 'lost', 'hooli', '--date', 'today'], /deal "hooli" is already lost/],
    [['deals', 'reopen', 'vogel'], /deal "vogel" is already open/],
    [['deals', 'edit', 'vogel', '--stage', 'Proposal'], /nothing to change: deal vogel is already so/],
    [['deals', 'edit', 'vogel'], /nothing to change: give an option/],
    [['deals', 'rm', 'vogel'], /perf deals rm needs --yes when not run in a terminal/],
    // The journal's currency is USD: a value typed in another would be shown, and summed, as dollars.
    [
      ['deals', 'add', 'X', '--value', '€34.000'],
      /^perf: invalid --value "€34\.000": deal values are in USD, the journal's currency; give the amount in USD, or set the currency first: perf config set currency CODE\n$/,
    ],
    [['deals', 'add', 'X', '--value', '34000 EUR'], /^perf: invalid --value "34000 EUR": deal values are in USD/],
    [['deals', 'edit', 'vogel', '--value', '¥3,400,000'], /^perf: invalid --value "¥3,400,000": deal values are in USD/],
    [['config', 'set', 'currency', 'XYZ'], /invalid currency "XYZ": use an ISO 4217 code/],
    [['config', 'set', 'currency', 'euro'], /invalid currency "euro"/],
    [['log', 'Call', '--deal', 'nope'], /unknown deal "nope"/],
    [['notes', 'edit', '1', '--deal', 'vogel', '--no-deal'], /use --deal or --no-deal, not both/],
    [['notes', 'edit', '1', '--deal', 'acme-renewal'], /nothing to change: note #1 is already so/],
  ])('perf %j', async (args, message) => {
    await expectRefused(args, await journal(), message);
  });
});

describe('a deal value with a currency sign or code', () => {
  it("is taken when it is the journal's currency", async () => {
    const db = newJournal();
    expect((await json(['deals', 'add', 'A', '--value', '$48,000'], db)) as object).toMatchObject({ value: 48000 });
    expect((await json(['deals', 'add', 'B', '--value', '5k USD'], db)) as object).toMatchObject({ value: 5000 });
    expect((await run(['config', 'set', 'currency', 'EUR'], { db })).code).toBe(0);
    expect((await json(['deals', 'add', 'C', '--value', '€34,000'], db)) as object).toMatchObject({ value: 34000 });
    expect((await json(['deals', 'add', 'D', '--value', '34000 eur'], db)) as object).toMatchObject({ value: 34000 });
    await expectRefused(['deals', 'add', 'E', '--value', '$5'], db, /deal values are in EUR, the journal's currency/);
  });
});
