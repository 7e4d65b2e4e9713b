import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../../src/domain/calendar.js';
import { parseDate } from '../../src/domain/dates.js';
import { run, tempDbPath, tempDir, createdLine } from '../helpers.js';

/**
 * Runs in every zone of the matrix (vitest.config.ts). The expectations are calendar days worked
 * out from the zone's own "today", so the same test holds in UTC, Los Angeles and Kiritimati.
 */

// Instants just after DST changes (US: 8 Mar and 1 Nov 2026; EU: 29 Mar and 25 Oct 2026), near
// midnight in Los Angeles, and the moments when Kiritimati is a day ahead of most of the world.
const INSTANTS = [
  '2026-03-09T07:30:00Z',
  '2026-03-08T10:30:00Z',
  '2026-03-10T07:59:00Z',
  '2026-11-02T07:30:00Z',
  '2026-11-01T08:30:00Z',
  '2026-03-30T00:30:00Z',
  '2026-10-26T00:30:00Z',
  '2026-11-26T10:30:00Z',
  '2026-11-26T23:59:00Z',
];

describe(`relative days are calendar days (TZ=${process.env.TZ})`, () => {
  it.each(INSTANTS)('at %s', (instant) => {
    const now = new Date(instant);
    const today = dayOf(now);
    expect(parseDate('1 day ago', { now })).toBe(addDays(today, -1));
    expect(parseDate('a day ago', { now })).toBe(addDays(today, -1));
    expect(parseDate('3 days ago', { now })).toBe(addDays(today, -3));
    expect(parseDate('2 weeks ago', { now })).toBe(addDays(today, -14));
    expect(parseDate('in 3 days', { now, mode: 'forward' })).toBe(addDays(today, 3));
    expect(parseDate('yesterday', { now })).toBe(addDays(today, -1));
  });

  it('months and years are calendar months, clamped to the end of a shorter month', () => {
    // 30 March less one month is the last day of February, not 2 March (chrono's answer).
    const now = new Date(2026, 2, 30, 10);
    expect(parseDate('1 month ago', { now })).toBe('2026-02-28');
    expect(parseDate('a month ago', { now })).toBe('2026-02-28');
    expect(parseDate('13 months ago', { now })).toBe('2025-02-28');
    expect(parseDate('2 years ago', { now: new Date(2028, 1, 29, 10) })).toBe('2026-02-28');
    expect(parseDate('in 1 month', { now: new Date(2026, 0, 31, 10), mode: 'forward' })).toBe('2026-02-28');
    expect(parseDate('three weeks ago', { now })).toBe(addDays(dayOf(now), -21));
  });

  it('hours still count from the present moment', () => {
    const now = new Date('2026-03-09T07:30:00Z');
    expect(parseDate('3 hours ago', { now })).toBe(dayOf(new Date(now.getTime() - 3 * 3_600_000)));
  });
});

describe(`import accepts a backup made in a zone ahead (TZ=${process.env.TZ})`, () => {
  // 02:00 UTC on 27 Nov: already the afternoon of the 27th in Kiritimati, still the 26th in
  // Los Angeles. A note dated the 27th was "today" for its writer, whatever the importer's zone.
  const now = '2026-11-27T02:00:00Z';

  async function exportWithNoteOn(date: string): Promise<string> {
    const source = tempDbPath();
    expect((await run(['log', 'Closed Acme', '-d', '2026-11-20'], { db: source, now })).code).toBe(0);
    const exported = await run(['export', '--format', 'json'], { db: source, now });
    const dump = JSON.parse(exported.stdout);
    dump.notes[0].date = date;
    const file = path.join(tempDir(), 'backup.json');
    fs.writeFileSync(file, JSON.stringify(dump));
    return file;
  }

  it('a note dated the latest day anywhere on Earth is imported', async () => {
    const db = tempDbPath();
    const result = await run(['import', await exportWithNoteOn('2026-11-27')], { db, now });
    expect(result.stderr).toBe(createdLine(db));
    expect(result.code).toBe(0);
  });

  it('a day after that is still refused', async () => {
    const result = await run(['import', await exportWithNoteOn('2026-11-28')], { db: tempDbPath(), now });
    expect(result.stderr).toMatch(/^perf: date "2026-11-28" in notes\[0\].* is in the future/);
    expect(result.code).toBe(2);
  });

  it('a jrnl export follows the same rule', async () => {
    const file = path.join(tempDir(), 'jrnl.json');
    const entry = (date: string) => ({ date, time: '09:00', title: `On ${date}`, body: '', tags: [], starred: false });
    fs.writeFileSync(file, JSON.stringify({ tags: {}, entries: [entry('2026-11-27')] }));
    expect((await run(['import', file], { db: tempDbPath(), now })).code).toBe(0);
    fs.writeFileSync(file, JSON.stringify({ tags: {}, entries: [entry('2026-11-28')] }));
    expect((await run(['import', file], { db: tempDbPath(), now })).code).toBe(2);
  });
});
