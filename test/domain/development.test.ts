import { describe, expect, it } from 'vitest';
import { isOverdue, nextStatus, normalizeDevTitle, sortForPlan, type DevAction, type DevStatus } from '../../src/domain/development.js';
import { countByRelationship, isGivenBy, parseGiverFilter, parseRelationship } from '../../src/domain/feedback.js';

const TODAY = '2026-11-26';

describe('nextStatus', () => {
  const activity = (status: DevStatus, startedOn: string | null = null, completedOn: string | null = null) => ({
    id: 3,
    status,
    startedOn,
    completedOn,
  });

  it.each<[DevStatus, DevAction, DevStatus]>([
    ['planned', 'start', 'in-progress'],
    ['planned', 'done', 'done'],
    ['planned', 'drop', 'dropped'],
    ['in-progress', 'done', 'done'],
    ['in-progress', 'drop', 'dropped'],
  ])('%s + %s → %s', (status, action, expected) => {
    expect(nextStatus(activity(status), action, TODAY)).toBe(expected);
  });

  it.each<[DevStatus, DevAction, string]>([
    ['in-progress', 'start', 'development activity #3 is already in progress since 2026-11-01'],
    ['done', 'start', 'development activity #3 was done on 2026-11-20, so it cannot be started: plan a new one with perf dev add'],
    ['done', 'done', 'development activity #3 is already done (2026-11-20)'],
    ['done', 'drop', 'development activity #3 was done on 2026-11-20, so it cannot be dropped: it stays in the record as done'],
    ['dropped', 'start', 'development activity #3 was dropped on 2026-11-20, so it cannot be started: plan a new one with perf dev add'],
    ['dropped', 'done', 'development activity #3 was dropped on 2026-11-20, so it cannot be done: plan a new one with perf dev add'],
    ['dropped', 'drop', 'development activity #3 is already dropped (2026-11-20)'],
  ])('%s + %s is refused', (status, action, message) => {
    const closed = status === 'done' || status === 'dropped';
    expect(() => nextStatus(activity(status, '2026-11-01', closed ? '2026-11-20' : null), action, TODAY)).toThrow(message);
  });

  it('refuses to end an activity before it started', () => {
    expect(() => nextStatus(activity('in-progress', '2026-11-10'), 'done', '2026-11-09')).toThrow(
      'development activity #3 started on 2026-11-10: it cannot end on 2026-11-09, before that; give a later --date',
    );
    expect(nextStatus(activity('in-progress', '2026-11-10'), 'done', '2026-11-10')).toBe('done');
  });
});

describe('isOverdue', () => {
  it.each<[DevStatus, string | null, boolean]>([
    ['planned', '2026-11-25', true],
    ['in-progress', '2026-11-25', true],
    ['planned', TODAY, false],
    ['planned', '2026-12-01', false],
    ['planned', null, false],
    ['done', '2026-11-01', false],
    ['dropped', '2026-11-01', false],
  ])('%s due %s → %s', (status, due, expected) => {
    expect(isOverdue({ status, due }, TODAY)).toBe(expected);
  });
});

describe('sortForPlan', () => {
  it('puts overdue first, then by due day (none last), then closed ones, the latest closed first', () => {
    const activities = [
      { id: 1, status: 'planned' as const, due: null, completedOn: null },
      { id: 2, status: 'done' as const, due: '2026-10-01', completedOn: '2026-10-05' },
      { id: 3, status: 'planned' as const, due: '2027-01-15', completedOn: null },
      { id: 4, status: 'in-progress' as const, due: '2026-11-20', completedOn: null },
      { id: 5, status: 'planned' as const, due: '2026-12-01', completedOn: null },
      { id: 6, status: 'planned' as const, due: '2026-11-01', completedOn: null },
      { id: 7, status: 'dropped' as const, due: null, completedOn: '2026-11-02' },
      { id: 8, status: 'planned' as const, due: '2026-12-01', completedOn: null },
    ];
    expect(sortForPlan(activities, TODAY).map((a) => a.id)).toEqual([6, 4, 5, 8, 3, 1, 7, 2]);
  });
});

describe('normalizeDevTitle', () => {
  it('collapses white space and refuses an empty title', () => {
    expect(normalizeDevTitle('  Negotiation   course ')).toBe('Negotiation course');
    expect(() => normalizeDevTitle('  ')).toThrow(/needs a title/);
  });
});

describe('feedback relationships', () => {
  it.each([
    ['manager', 'manager'],
    ['Other manager', 'other-manager'],
    ['direct_report', 'direct-report'],
    [' CUSTOMER ', 'customer'],
    ['peers', 'peer'],
    ['Managers', 'manager'],
    ['other managers', 'other-manager'],
    ['admins', 'admin'],
    ['customers', 'customer'],
    ['direct-reports', 'direct-report'],
  ])('%j → %s', (raw, expected) => {
    expect(parseRelationship(raw)).toBe(expected);
  });

  it.each(['peerss', 's', 'managerz', 'friends'])('refuses %j', (raw) => {
    expect(() => parseRelationship(raw)).toThrow(/^unknown relationship/);
  });

  it.each([
    ['Bob', 'Bob Stone', true],
    ['stone', 'Bob Stone', true],
    ['MARÍA', 'María López', true],
    ['OAN', 'Joanna', true],
    ['Bobby', 'Bob Stone', false],
  ])('--by %j matches %j: %s', (by, from, expected) => {
    expect(isGivenBy({ from }, parseGiverFilter(by))).toBe(expected);
  });

  it('refuses an empty --by', () => {
    expect(() => parseGiverFilter('  ')).toThrow('--by needs a name or part of one, e.g. --by Maria');
  });

  it('refuses an unknown relationship, naming the accepted ones', () => {
    expect(() => parseRelationship('friend')).toThrow(
      'unknown relationship "friend": use manager, peer, other-manager, admin, customer or direct-report',
    );
  });

  it('counts by relationship in a fixed order, zeros left out', () => {
    const items = ['peer', 'customer', 'peer', 'manager'].map((relationship) => ({ relationship }) as { relationship: 'peer' });
    expect(countByRelationship(items)).toEqual({ manager: 1, peer: 2, customer: 1 });
    expect(Object.keys(countByRelationship(items))).toEqual(['manager', 'peer', 'customer']);
  });
});
