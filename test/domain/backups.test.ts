import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar.js';
import { autoBackupFile, autoBackupsToPrune, journalStem, manualBackupName, parseBackupName } from '../../src/domain/backups.js';

const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => addDays(from, i));

describe('autoBackupsToPrune', () => {
  it('keeps everything while there are no more than the daily ones', () => {
    expect(autoBackupsToPrune(days('2026-11-20', 7), 7, 4)).toEqual([]);
  });

  it('keeps the newest days, then the newest of each earlier week, up to the weekly count', () => {
    // 2026-11-26 is a Thursday; weeks start on Monday.
    const all = days('2026-09-28', 60);
    const kept = all.filter((d) => !autoBackupsToPrune(all, 7, 4).includes(d));
    expect(kept).toEqual(['2026-10-25', '2026-11-01', '2026-11-08', '2026-11-15', ...days('2026-11-20', 7)]);
  });

  it('counts a week with a gap by its newest backup, and skips weeks without any', () => {
    const present = ['2026-11-26', '2026-11-10', '2026-11-09', '2026-10-14', '2026-09-01'];
    expect(autoBackupsToPrune(present, 1, 2)).toEqual(['2026-11-09', '2026-09-01']);
  });

  it('keep-weekly 0 keeps the daily ones only', () => {
    expect(autoBackupsToPrune(days('2026-11-01', 5), 2, 0)).toEqual(['2026-11-03', '2026-11-02', '2026-11-01']);
  });
});

describe('backup names', () => {
  it("name the journal they belong to, and tell automatic ones from the user's", () => {
    const journal = '/data/work.db';
    expect(journalStem(journal)).toBe('work');
    expect(autoBackupFile(journal, '2026-11-30')).toBe('/data/backups/work-auto-2026-11-30.db');
    const manual = manualBackupName(journal, new Date(2026, 10, 30, 10, 15, 0));
    expect(manual).toBe('work-2026-11-30T101500.db');
    expect(parseBackupName(journal, manual)).toMatchObject({ kind: 'manual', day: '2026-11-30', time: '101500' });
    expect(parseBackupName(journal, 'work-auto-2026-11-30.db')).toMatchObject({ kind: 'auto', day: '2026-11-30' });
    expect(parseBackupName(journal, 'work-before-restore-2026-11-30T101500.db')).toMatchObject({ kind: 'before-restore' });
    // Another journal's backups in the same folder are not this one's.
    expect(parseBackupName(journal, 'journal-auto-2026-11-30.db')).toBeNull();
    expect(parseBackupName('/data/work-auto.db', 'work-auto-2026-11-30.db')).toBeNull();
  });
});
