import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, dumpDb, expectRefused, run, stderrAfterCreating, tempDbPath, tempDir, type RunResult } from '../../helpers.js';
import { newJournal } from '../../harness/journals.js';

// Real-shaped CRM exports (test/fixtures/crm): a Salesforce activity report (BOM, CRLF, quoted
// multi-line comments, US dates), a HubSpot calls export (ids, times, multi-line notes), a European
// Excel save (`;`, day-first dates, Windows-1252, German headers, an exact repeat) and opportunities.
const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', 'crm', name);

async function ok(db: string, args: string[]): Promise<RunResult> {
  const result = await run(args, { db });
  expect(stderrAfterCreating(result.stderr, db)).toBe('');
  expect(result.code).toBe(0);
  return result;
}

type NoteJson = { date: string; text: string; type: string; account: string | null; tags: string[] };

async function notes(db: string): Promise<NoteJson[]> {
  return JSON.parse((await ok(db, ['notes', '--json', '-n', 'all'])).stdout) as NoteJson[];
}

const GERMAN = ['--map', 'date=Datum', '--map', 'text=Betreff', '--map', 'type=Typ', '--map', 'account=Firma', '--map', 'body=Notizen'];

describe('perf import --format csv (activities as notes)', () => {
  it('reads a Salesforce activity report: types mapped, comments kept with their line breaks; again adds nothing', async () => {
    const db = tempDbPath();
    const first = await ok(db, ['import', fixture('salesforce-activities.csv'), '--format', 'csv']);
    expect(first.stdout).toMatch(/^Added 6 notes from .*salesforce-activities\.csv \(2 call, 1 email, 1 meeting, 2 note\)\.\n$/);
    const all = await notes(db);
    expect(all).toHaveLength(6);
    expect(all.find((n) => n.date === '2026-11-02')).toMatchObject({
      type: 'call',
      account: 'Acme Corp',
      text: 'Discovery call\nBudget confirmed for Q1.\nNext: demo with IT.',
    });
    expect(all.find((n) => n.date === '2026-11-03')).toMatchObject({
      type: 'email',
      text: 'Renewal follow-up\nSent the "standard" quote, 3% uplift',
    });
    expect(all.find((n) => n.date === '2026-11-09')).toMatchObject({ account: 'Umbrella, Inc.' });
    const before = dumpDb(db);
    const again = await ok(db, ['import', fixture('salesforce-activities.csv'), '--format', 'csv']);
    expect(again.stdout).toMatch(/^Added 0 notes from .*; 6 imported before\.\n$/);
    expect(dumpDb(db)).toEqual(before);
  });

  it('reads a HubSpot calls export as calls (recognised from .csv), and --json says what was added', async () => {
    const db = tempDbPath();
    const result = JSON.parse((await ok(db, ['import', fixture('hubspot-calls.csv'), '--json'])).stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ format: 'csv', as: 'notes', dryRun: false, added: 4, known: 0, byType: { call: 4 } });
    const all = await notes(db);
    expect(all.map((n) => n.date)).toEqual(['2026-11-13', '2026-11-12', '2026-11-10', '2026-11-10']);
    expect(all.find((n) => n.text.startsWith('Call with Maria'))?.text).toBe(
      'Call with Maria at Acme\nTalked pricing.\nWants a pilot for 20 seats.',
    );
    expect(JSON.parse((await ok(db, ['import', fixture('hubspot-calls.csv'), '--json'])).stdout)).toMatchObject({ added: 0, known: 4 });
  });

  it('reads a European Excel file: ; separators, day-first dates, Windows-1252, --map; an exact repeat row counts twice', async () => {
    const db = tempDbPath();
    const first = await ok(db, ['import', fixture('excel-european.csv'), '--format', 'csv', ...GERMAN, '--map-type', 'Task=learning']);
    expect(first.stdout).toMatch(/^Added 4 notes from .* \(1 call, 2 learning, 1 meeting\)\.\n$/);
    const all = await notes(db);
    expect(all.find((n) => n.type === 'call')).toMatchObject({
      date: '2026-11-03',
      text: 'Anruf bei Müller GmbH\nAngebot über 12.500 € besprochen',
      account: 'Müller GmbH',
    });
    expect(all.find((n) => n.type === 'meeting')).toMatchObject({ date: '2026-11-04', account: 'Société Générale' });
    expect((await ok(db, ['import', fixture('excel-european.csv'), '--format', 'csv', ...GERMAN])).stdout).toMatch(
      /Added 0 notes .*; 4 imported before/,
    );
  });

  it('--dry-run prints counts by type and the first rows, and writes nothing (no journal created)', async () => {
    const db = tempDbPath();
    const result = await run(['import', fixture('salesforce-activities.csv'), '--dry-run'], { db, columns: 100 });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      `Would add 6 notes from ${fixture('salesforce-activities.csv')} (2 call, 1 email, 1 meeting, 2 note).`,
      '  line 2 · 2 Nov 2026 · call · Acme Corp · Discovery call Budget confirmed for …',
      '  line 4 · 3 Nov 2026 · email · Acme Corp · Renewal follow-up Sent the "standar…',
    ]);
    expect(result.stdout).toContain('  … and 1 more\nNothing was written (--dry-run).\n');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('a file with nothing to add (a header alone) creates no journal', async () => {
    const db = tempDbPath();
    const file = path.join(tempDir(), 'header.csv');
    fs.writeFileSync(file, 'Date,Subject\n');
    const result = await run(['import', file], { db });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Added 0 notes from .*header\.csv\.\n$/);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('leaves out rows dated after today (planned, not done), names their lines, and adds them once the day has come', async () => {
    const db = tempDbPath();
    const csv = path.join(tempDir(), 'activities.csv');
    fs.writeFileSync(
      csv,
      [
        'Activity ID,Subject,Date,Type,Account Name',
        'A1,Discovery call,2026-11-20,Call,Acme',
        'A2,Demo for Initech,2026-12-03,Meeting,Initech',
        'A3,Pricing email,2026-11-25,Email,Acme',
        'A4,QBR with Globex,2026-12-10,Meeting,Globex',
      ].join('\n'),
    );
    // Today is 26 Nov 2026: lines 3 and 5 are planned.
    const first = await ok(db, ['import', csv, '--format', 'csv']);
    expect(first.stdout).toBe(
      [
        `Added 2 notes from ${csv} (1 call, 1 email).`,
        'Left out 2 rows dated after today, planned rather than done (lines 3, 5): import',
        'the file again once they have happened.',
        '',
      ].join('\n'),
    );
    expect((await notes(db)).map((n) => n.text)).toEqual(['Pricing email', 'Discovery call']);
    const json = JSON.parse((await run(['import', csv, '--format', 'csv', '--json'], { db })).stdout);
    expect(json).toMatchObject({ added: 0, known: 2, planned: [3, 5] });
    // On 4 Dec the demo has happened; the QBR is still to come.
    const later = await run(['import', csv, '--format', 'csv'], { db, now: '2026-12-04T09:00:00' });
    expect(later.stdout).toContain('Added 1 note from');
    expect(later.stdout).toContain('2 imported before');
    expect(later.stdout).toContain('(line 5)');
    expect((await notes(db)).map((n) => n.text)).toContain('Demo for Initech');
  });

  it('a file of planned rows only writes nothing and creates no journal', async () => {
    const db = tempDbPath();
    const csv = path.join(tempDir(), 'planned.csv');
    fs.writeFileSync(csv, 'Subject,Date\nQBR with Globex,2027-01-10\n');
    const result = await run(['import', csv, '--format', 'csv'], { db });
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: `Added 0 notes from ${csv}.\nLeft out 1 row dated after today, planned rather than done (line 2): import the\nfile again once it has happened.\n`,
    });
    expect(fs.existsSync(db)).toBe(false);
  });

  it('is one change to undo', async () => {
    const db = newJournal();
    await ok(db, ['import', fixture('hubspot-calls.csv')]);
    await ok(db, ['undo', '--yes']);
    expect(await notes(db)).toEqual([]);
  });

  it('reads a Salesforce Classic report export, leaving out the copyright footer it ends with', async () => {
    const db = newJournal();
    const file = path.join(tempDir(), 'report.csv');
    fs.writeFileSync(
      file,
      '"Subject","Activity Type","Date","Account Name","Comments"\r\n' +
        '"Discovery call","Call","11/2/2026","Acme Corp","Budget confirmed"\r\n' +
        '"Onsite demo","Meeting","11/4/2026","Globex",""\r\n' +
        '""\r\n' +
        '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\r\n' +
        '"Confidential Information - Do Not Distribute"\r\n' +
        '"Generated By:  Jane Doe  11/30/2026 9:46 AM"\r\n' +
        '"Acme Sales Inc."\r\n',
    );
    const result = await ok(db, ['import', file]);
    expect(result.stdout).toMatch(/^Added 2 notes from .*report\.csv \(1 call, 1 meeting\)\.\n$/);
    // A one-cell row among the activities is still a bad row, named by its line.
    const broken = path.join(tempDir(), 'broken.csv');
    fs.writeFileSync(broken, 'Subject,Date\nCall,11/2/2026\nOops\nDemo,11/4/2026\n');
    await expectRefused(['import', broken], db, /^perf: line 3 of "broken\.csv": unreadable date ""/);
    const cut = path.join(tempDir(), 'cut.csv');
    fs.writeFileSync(cut, 'Subject,Date\nCall,11/2/2026\nDemo\n');
    await expectRefused(['import', cut], db, /^perf: line 3 of "cut\.csv": unreadable date ""/);
  });

  it('--map-type maps to the journal’s own note types (note.types), and only to them', async () => {
    const db = newJournal();
    await ok(db, ['config', 'set', 'note.types', 'call, email, meeting, visit']);
    const file = path.join(tempDir(), 'visits.csv');
    fs.writeFileSync(file, 'Date,Subject,Type\n2026-11-02,Site visit at Acme,Site Visit\n');
    await expectRefused(
      ['import', file, '--map-type', 'Site Visit=demo'],
      db,
      /^perf: invalid --map-type "Site Visit=demo": .*the note types are call, email, meeting, visit, note /,
    );
    await ok(db, ['import', file, '--map-type', 'Site Visit=visit']);
    expect((await notes(db)).map((n) => n.type)).toEqual(['visit']);
  });

  it('refuses bad input with one line, writing nothing', async () => {
    const db = newJournal();
    await ok(db, ['log', 'Called Acme', '--type', 'call']);
    const dir = tempDir();
    const write = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    await expectRefused(
      ['import', write('nodate.csv', 'Subject,Account\nCall,Acme\n'), '--format', 'csv'],
      db,
      /^perf: "nodate\.csv" has no date column \(looked for .*; its columns: Subject, Account\): name it with --map date=<Header>\n$/,
    );
    await expectRefused(['import', write('notext.csv', 'Date,Account\n2026-11-02,Acme\n')], db, /has no text column/);
    await expectRefused(
      ['import', write('baddate.csv', 'Date,Subject\n2026-11-02,Fine\nsoon,Broken\n2026-11-03,Fine too\n')],
      db,
      /^perf: line 3 of "baddate\.csv": unreadable date "soon": use dates such as 2026-11-03/,
    );
    // Blank lines (before the header, between rows) count as the lines an editor shows.
    await expectRefused(
      ['import', write('blank-lines.csv', '\n\nDate,Subject\n2026-11-02,Fine\n\n2026-11-03,"two\nlines"\n\n\nsoon,Broken\n')],
      db,
      /^perf: line 10 of "blank-lines\.csv": unreadable date "soon"/,
    );
    await expectRefused(
      ['import', write('multi.csv', 'Date,Subject,Comments\n2026-11-02,"A","two\nlines"\n31/02/2026,B,\n')],
      db,
      /^perf: line 4 of "multi\.csv": unreadable date "31\/02\/2026"/,
    );
    await expectRefused(
      ['import', fixture('hubspot-calls.csv'), '--map', 'colour=Call Title'],
      db,
      /^perf: unknown --map field "colour": use date, text, body, account, type, id, tags/,
    );
    await expectRefused(
      ['import', fixture('hubspot-calls.csv'), '--map', 'text=Nope'],
      db,
      /--map text="Nope": the file has no such column/,
    );
    await expectRefused(
      ['import', fixture('hubspot-calls.csv'), '--map-type', 'Call=gossip'],
      db,
      /^perf: invalid --map-type "Call=gossip": write "CRM type=note type", e\.g\. --map-type "Sales Call=call"; the note types are call, email, .*, note \(perf config set note\.types\)\n$/,
    );
    // A planned row is checked like the others: one that is bad still refuses the file.
    await expectRefused(
      ['import', write('future.csv', 'Date,Subject\n2026-11-20,Called Acme\n2027-01-05,\n')],
      db,
      /^perf: line 3 of "future\.csv": no text \(the subject and comments are empty\)\n$/,
    );
  });
});

describe('perf import --format csv --as deals (opportunities)', () => {
  it('adds the deals, then a later export moves the known ones instead of adding them again', async () => {
    const db = newJournal();
    const first = await ok(db, ['import', fixture('salesforce-opportunities.csv'), '--as', 'deals']);
    expect(first.stdout).toMatch(/^Added 4 deals from .*, updated 0\.\n$/);
    const rows = () =>
      (JSON.parse(dumpDb(db) ?? '{}').dump.deals as Record<string, unknown>[]).map((d) => [
        d.external_id,
        d.name,
        d.value,
        d.stage,
        d.status,
        d.expected_close,
        d.closed_on,
      ]);
    expect(rows()).toEqual([
      ['0065g00000Opp01', 'Acme renewal 2027', 48000, 'Closed Won', 'won', null, '2026-10-30'],
      ['0065g00000Opp02', 'Globex expansion', 120000, 'Negotiation/Review', 'open', '2026-12-15', null],
      ['0065g00000Opp03', 'Initech pilot', 15500, 'Closed Lost', 'lost', null, '2026-11-02'],
      ['0065g00000Opp04', 'Umbrella new logo', 60000, 'Proposal/Price Quote', 'open', '2027-01-31', null],
    ]);
    const later = await ok(db, ['import', fixture('salesforce-opportunities-later.csv'), '--as', 'deals']);
    expect(later.stdout).toMatch(/^Added 0 deals from .*, updated 1; 3 unchanged\.\n$/);
    expect(rows()[1]).toEqual(['0065g00000Opp02', 'Globex expansion', 125000, 'Closed Won', 'won', null, '2026-11-20']);
    expect(rows()).toHaveLength(4);
  });

  it('reads amounts as the export writes them: 45.000 in a European (;) file is 45,000, not 45', async () => {
    const db = newJournal();
    const dir = tempDir();
    const european = path.join(dir, 'chancen.csv');
    fs.writeFileSync(
      european,
      'Opportunity ID;Opportunity Name;Amount;Stage;Close Date\n' +
        'E1;Rahmenvertrag;45.000;Proposal;15.12.2026\n' +
        'E2;Flotte;1.234.567,89 €;Proposal;15.12.2026\n' +
        'E3;Pilot;12.500,5;Proposal;15.12.2026\n' +
        'E4;Wartung;EUR 2.500,00;Proposal;15.12.2026\n' +
        'E5;Klein;750;Proposal;15.12.2026\n',
    );
    const us = path.join(dir, 'opportunities.csv');
    fs.writeFileSync(
      us,
      'Opportunity ID,Opportunity Name,Amount,Stage,Close Date\n' +
        'U1,Renewal,"$48,000.00",Proposal,12/15/2026\n' +
        'U2,Pilot,2.5k,Proposal,12/15/2026\n' +
        'U3,Seats,"1,234,567",Proposal,12/15/2026\n' +
        'U4,Support,99.90,Proposal,12/15/2026\n',
    );
    await ok(db, ['import', european, '--as', 'deals']);
    await ok(db, ['import', us, '--as', 'deals']);
    const deals = JSON.parse((await ok(db, ['deals', '--json'])).stdout) as { externalId: string; value: number }[];
    expect(Object.fromEntries(deals.map((d) => [d.externalId, d.value]))).toEqual({
      E1: 45000,
      E2: 1234567.89,
      E3: 12500.5,
      E4: 2500,
      E5: 750,
      U1: 48000,
      U2: 2500,
      U3: 1234567,
      U4: 99.9,
    });
    const odd = path.join(dir, 'odd.csv');
    fs.writeFileSync(odd, 'Opportunity Name,Amount,Stage\nFine,100,Proposal\nNegative,(500),Proposal\n');
    await expectRefused(['import', odd, '--as', 'deals'], db, /^perf: line 3 of "odd\.csv": unreadable amount "\(500\)"/);
  });

  it('--dry-run shows each deal’s value in the journal’s currency, and how many more there are', async () => {
    const db = newJournal();
    await ok(db, ['config', 'set', 'currency', 'EUR']);
    const file = path.join(tempDir(), 'opportunities.csv');
    const rows = Array.from({ length: 7 }, (_, i) => `O${i},Deal ${i},"$${i + 1}5,000.00",Proposal,12/15/2026`);
    fs.writeFileSync(file, `Opportunity ID,Opportunity Name,Amount,Stage,Close Date\n${rows.join('\n')}\n`);
    const before = dumpDb(db);
    const result = await ok(db, ['import', file, '--as', 'deals', '--dry-run']);
    expect(result.stdout).toContain('  line 2 · Deal 0 · €15,000 · open · Proposal\n');
    expect(result.stdout).toContain('  … and 2 more\nNothing was written (--dry-run).\n');
    expect(dumpDb(db)).toEqual(before);
  });

  it('a later export that only pushes the close date moves it (a slipped deal), and the same export again changes nothing', async () => {
    const db = newJournal();
    const dir = tempDir();
    const header = 'Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Close Date\n';
    const first = path.join(dir, 'first.csv');
    const later = path.join(dir, 'later.csv');
    fs.writeFileSync(first, `${header}O1,Acme renewal,Acme,1000,Proposal,12/15/2026\n`);
    fs.writeFileSync(later, `${header}O1,Acme renewal,Acme,1000,Proposal,1/31/2027\n`);
    await ok(db, ['import', first, '--as', 'deals']);
    expect((await ok(db, ['import', later, '--as', 'deals'])).stdout).toMatch(/^Added 0 deals from .*, updated 1\.\n$/);
    const deals = JSON.parse((await ok(db, ['deals', '--json'])).stdout) as { expectedClose: string }[];
    expect(deals.map((d) => d.expectedClose)).toEqual(['2027-01-31']);
    const before = dumpDb(db);
    expect((await ok(db, ['import', later, '--as', 'deals'])).stdout).toMatch(/updated 0; 1 unchanged\.\n$/);
    expect(dumpDb(db)).toEqual(before);
  });

  it('counts toward a goal that sums won deals', async () => {
    const db = newJournal();
    await ok(db, ['goals', 'add', 'Q4 quota', '--target', '100000', '--sums', 'deals:won', '--start', '2026-10-01', '--due', '2026-12-31']);
    await ok(db, ['import', fixture('salesforce-opportunities.csv'), '--as', 'deals']);
    expect(JSON.parse((await ok(db, ['goals', 'show', 'q4-quota', '--json'])).stdout)).toMatchObject({ current: 48000, percent: 48 });
  });

  it('gives an opportunity named like a command word or a number a slug the deals commands can name', async () => {
    const db = newJournal();
    const file = path.join(tempDir(), 'opportunities.csv');
    fs.writeFileSync(
      file,
      'Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Close Date\nA1,Won,Acme,100,Prospecting,12/15/2026\nA2,2027,Acme,200,Prospecting,12/15/2026\n',
    );
    await ok(db, ['import', file, '--as', 'deals']);
    const deals = JSON.parse((await ok(db, ['deals', '--json'])).stdout) as { slug: string; name: string }[];
    expect(deals.map((d) => [d.name, d.slug]).sort()).toEqual([
      ['2027', 'deal-2027'],
      ['Won', 'deal-won'],
    ]);
    expect((await ok(db, ['deals', 'show', 'deal-won', '--json'])).stdout).toContain('"name": "Won"');
  });
});
