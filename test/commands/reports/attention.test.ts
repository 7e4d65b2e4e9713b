import { describe, expect, it } from 'vitest';
import { expectRefused, run, type RunResult } from '../../helpers.js';
import { journalFixture } from '../../harness/journals.js';
import { colourRun, plainRun, stripSgr } from '../../harness/colour.js';

// Thursday 26 November 2026 (the tests' NOW), a working day; Saturday 28th is not.
const SATURDAY = '2026-11-28T10:00:00';

async function ok(db: string, args: string[], now?: string): Promise<RunResult> {
  const result = await run(args, { db, now });
  expect(result.code).toBe(0);
  return result;
}

const seed = journalFixture(async (db) => {
  await ok(db, ['log', 'Called Acme', '--type', 'call', '-d', 'yesterday']);
  // Due in 4 days (30 Nov) and behind: 1 of 10 over a month.
  await ok(db, ['goals', 'add', 'November demos', '--target', '10', '--start', '2026-11-01', '--due', '2026-11-30']);
  await ok(db, ['goals', 'update', 'november-demos', '1', '-d', '2026-11-02']);
  // Due in 4 days and on track: not named.
  await ok(db, ['goals', 'add', 'November calls', '--target', '2', '--start', '2026-11-01', '--due', '2026-11-30']);
  await ok(db, ['goals', 'update', 'november-calls', '2', '-d', '2026-11-20']);
  // Behind, but due in 35 days: not yet.
  await ok(db, ['goals', 'add', 'Q4 pipeline', '--target', '100', '--start', '2026-10-01', '--due', '2026-12-31']);
  // Ended on 31 October, never closed.
  await ok(db, ['goals', 'add', 'October demos', '--target', '5', '--start', '2026-10-01', '--due', '2026-10-31']);
  // Development due in 10 days, and one due in 20 (not yet).
  await ok(db, ['dev', 'add', 'MEDDPICC course', '--due', '2026-12-06']);
  await ok(db, ['dev', 'add', 'Negotiation workshop', '--due', '2026-12-16']);
});

interface StatusJson {
  attention: {
    behindDueSoon: { slug: string; daysLeft: number; current: number; target: number }[];
    endedNotClosed: { slug: string; due: string; rollsOver: boolean }[];
    developmentDueSoon: { title: string; due: string }[];
    noNoteToday: boolean;
    nextOneToOne: string | null;
    daysToNextOneToOne: number | null;
  };
  daysUntilNextReview: number;
}

describe('perf status says what needs attention', () => {
  it('names goals behind and due within 7 days, goals ended and not closed, development due in 14 days, no note today', async () => {
    const db = await seed();
    const status = JSON.parse((await ok(db, ['status', '--json'])).stdout) as StatusJson;
    expect(status.attention).toMatchObject({
      behindDueSoon: [{ slug: 'november-demos', daysLeft: 4, current: 1, target: 10 }],
      endedNotClosed: [{ slug: 'october-demos', due: '2026-10-31', rollsOver: false }],
      developmentDueSoon: [{ title: 'MEDDPICC course', due: '2026-12-06' }],
      noNoteToday: true,
      nextOneToOne: null,
      daysToNextOneToOne: null,
    });
    expect(status.daysUntilNextReview).toBe(36);
    const text = (await ok(db, ['status'])).stdout;
    expect(text).toContain('Needs attention\n');
    expect(text).toContain('  ! November demos (november-demos) — behind at 1 of 10, due in 4 days\n');
    expect(text).toContain(
      '  ! October demos (october-demos) — ended 31 Oct 2026: perf goals done\n    october-demos, or perf goals roll october-demos\n',
    );
    expect(text).toContain('  ! #1 MEDDPICC course — development due 6 Dec 2026\n');
    expect(text).toContain('  ! Nothing logged today — perf log "..."\n');
  });

  it('asks for no note on a weekend, nor once one is logged today', async () => {
    const db = await seed();
    const weekend = JSON.parse((await ok(db, ['status', '--json'], SATURDAY)).stdout) as StatusJson;
    expect(weekend.attention.noNoteToday).toBe(false);
    await ok(db, ['log', 'Demo for Beta', '--type', 'demo']);
    const logged = JSON.parse((await ok(db, ['status', '--json'])).stdout) as StatusJson;
    expect(logged.attention.noNoteToday).toBe(false);
  });

  it('shows the next one-to-one planned with perf checkin --next, in status and the agenda', async () => {
    const db = await seed();
    expect((await ok(db, ['checkin', '--next', '2026-12-01'])).stdout).toBe('Next one-to-one: 1 Dec 2026.\n');
    const status = JSON.parse((await ok(db, ['status', '--json'])).stdout) as StatusJson;
    expect(status.attention).toMatchObject({ nextOneToOne: '2026-12-01', daysToNextOneToOne: 5 });
    expect((await ok(db, ['status'])).stdout).toContain('One-to-one   1 Dec 2026, in 5 days (perf checkin)\n');
    const agenda = JSON.parse((await ok(db, ['checkin', '--json'])).stdout) as { nextOneToOne: string | null };
    expect(agenda.nextOneToOne).toBe('2026-12-01');
    expect((await ok(db, ['checkin'])).stdout).toContain('Next one-to-one: 1 Dec 2026\n');
    // Once it has happened, the plan is gone.
    await ok(db, ['checkin', '--done'], '2026-12-01T16:00:00');
    const after = JSON.parse((await ok(db, ['status', '--json'], '2026-12-01T17:00:00')).stdout) as StatusJson;
    expect(after.attention.nextOneToOne).toBeNull();
  });

  it('refuses a next one-to-one in the past or an unreadable day', async () => {
    const db = await seed();
    await expectRefused(['checkin', '--next', '2026-11-01'], db, /^perf: --next 2026-11-01 is in the past/);
    await expectRefused(['checkin', '--next', 'someday soon'], db, /someday soon/);
  });
  it('wraps each item to the terminal under its own text, the same with colour on and off', async () => {
    const db = await seed();
    const plain = await plainRun(['status'], { db, tty: true, columns: 60 });
    expect(plain.code).toBe(0);
    expect(Math.max(...plain.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(60);
    expect(plain.stdout).toContain(
      '  ! October demos (october-demos) — ended 31 Oct 2026: perf\n    goals done october-demos, or perf goals roll\n    october-demos\n',
    );
    const colour = await colourRun(['status'], { db, tty: true, columns: 60 });
    expect(colour.stdout).not.toBe(plain.stdout);
    expect(stripSgr(colour.stdout)).toBe(plain.stdout);
  });
});
