import { describe, expect, it } from 'vitest';
import { run } from '../../helpers.js';
import { newJournal } from '../../harness/journals.js';

async function logJson(args: string[], options: { input?: string } = {}) {
  const result = await run(['log', ...args, '--json'], { db: newJournal(), ...options });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { date: string; text: string };
}

describe('perf log "yesterday: …" (jrnl habit, issue 13 item 2)', () => {
  it.each([
    ['yesterday: Called Acme', '2026-11-25', 'Called Acme'],
    ['last friday: Demo for Initech', '2026-11-20', 'Demo for Initech'],
    ['3 days ago: Sent the proposal', '2026-11-23', 'Sent the proposal'],
    ['2026-11-02: Signed Globex: 3 years', '2026-11-02', 'Signed Globex: 3 years'],
    ['march 3: QBR with Acme', '2026-03-03', 'QBR with Acme'],
  ])('%j is dated %s and saved without the date', async (text, date, saved) => {
    expect(await logJson([text])).toMatchObject({ date, text: saved });
  });

  it('works word by word as the shell splits them, and on stdin', async () => {
    expect(await logJson(['yesterday:', 'Called', 'Acme'])).toMatchObject({ date: '2026-11-25', text: 'Called Acme' });
    expect(await logJson([], { input: 'yesterday: Called Acme\n' })).toMatchObject({ date: '2026-11-25', text: 'Called Acme' });
  });

  it.each([
    'Note: Acme wants a discount',
    'Called Acme: renewal agreed',
    '10:30 call with Acme',
    // Dates in the future are not a note's day: the words stay text.
    'next friday: prepare the demo',
    // A month alone is no day.
    'may: follow up',
  ])('%j stays text, dated today', async (text) => {
    expect(await logJson([text])).toMatchObject({ date: '2026-11-26', text });
  });

  it('-d wins when both are given, and the text is kept as typed', async () => {
    expect(await logJson(['yesterday: Called Acme', '-d', '2026-11-02'])).toMatchObject({
      date: '2026-11-02',
      text: 'yesterday: Called Acme',
    });
  });

  it('a numeric date before the colon is read by the locale, as -d reads it (6.5.2026 is 6 May in Germany)', async () => {
    const logged = async (text: string, env: Record<string, string>) => {
      const result = await run(['log', text, '--json'], { db: newJournal(), env });
      expect(result.code).toBe(0);
      return JSON.parse(result.stdout) as { date: string; text: string };
    };
    expect(await logged('6.5.2026: Demo for Vogel', { LANG: 'de_DE.UTF-8' })).toMatchObject({ date: '2026-05-06', text: 'Demo for Vogel' });
    expect(await logged('03/04/2026: QBR', { LANG: 'en_GB.UTF-8' })).toMatchObject({ date: '2026-04-03', text: 'QBR' });
    expect(await logged('6.5.2026: Demo', { LANG: 'en_US.UTF-8' })).toMatchObject({ date: '2026-06-05', text: 'Demo' });
  });

  it.each([
    [{ LANG: 'de_DE.UTF-8' }, 'gestern: Acme angerufen', '2026-11-25', 'Acme angerufen'],
    [{ LANG: 'de_DE.UTF-8' }, 'letzten Freitag: Demo bei Vogel', '2026-11-20', 'Demo bei Vogel'],
    [{ LANG: 'de_DE.UTF-8' }, '4. März 2026: Angebot geschickt', '2026-03-04', 'Angebot geschickt'],
    [{ LANG: 'de_DE.UTF-8' }, 'Notiz: Acme will Rabatt', '2026-11-26', 'Notiz: Acme will Rabatt'],
    [{ LANG: 'fr_FR.UTF-8' }, 'hier: appelé Acme', '2026-11-25', 'appelé Acme'],
    [{ LANG: 'fr_FR.UTF-8' }, 'il y a 3 jours: démo', '2026-11-23', 'démo'],
    [{ LANG: 'fr_FR.UTF-8' }, '4 mars 2026: proposition', '2026-03-04', 'proposition'],
  ])('%j: %j is dated in the language -d reads (%s)', async (env, text, date, saved) => {
    const result = await run(['log', text, '--json'], { db: newJournal(), env });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ date, text: saved });
  });

  it('a date with nothing after it is an empty note, refused', async () => {
    const result = await run(['log', 'yesterday:'], { db: newJournal() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^perf: the note is empty/);
  });
});

describe('perf notes --on and --today-in-history', () => {
  async function journal() {
    const db = newJournal();
    for (const [date, text] of <[string, string][]>[
      ['2026-11-25', 'Called Acme'],
      ['2026-11-24', 'Demo for Initech'],
      ['2025-11-26', 'Signed Globex last year'],
      ['2024-11-26', 'First day on the job'],
      ['2025-11-25', 'Not this day'],
      ['2026-11-26', 'Today itself'],
    ]) {
      const result = await run(['log', text, '-d', date], { db });
      expect(result.code).toBe(0);
    }
    return db;
  }
  const texts = (stdout: string) => (JSON.parse(stdout) as { text: string }[]).map((n) => n.text);

  it('--on lists the notes of one day, in any date form', async () => {
    const db = await journal();
    for (const on of ['yesterday', '2026-11-25', 'nov 25']) {
      const result = await run(['notes', '--on', on, '--json'], { db });
      expect(result.code).toBe(0);
      expect(texts(result.stdout)).toEqual(['Called Acme']);
    }
  });

  it('--today-in-history lists this month and day in earlier years, newest first', async () => {
    const db = await journal();
    const result = await run(['notes', '--today-in-history', '--json'], { db });
    expect(result.code).toBe(0);
    expect(texts(result.stdout)).toEqual(['Signed Globex last year', 'First day on the job']);
    const human = await run(['notes', '--today-in-history'], { db });
    expect(human.stdout).toContain('Tue 26 Nov 2024');
    expect(human.stdout).not.toContain('Today itself');
  });

  it.each([
    [['--on', 'yesterday', '--period', 'this-month'], /^perf: --on and --period both choose the days: give one of them\n$/],
    [['--today-in-history', '--from', '2026-01-01'], /^perf: --today-in-history and --from both choose the days/],
    [['--on', 'nonsense'], /^perf: invalid --on date "nonsense": use YYYY-MM-DD/],
  ])('notes %j is refused', async (args, message) => {
    const result = await run(['notes', ...args], { db: await journal() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
