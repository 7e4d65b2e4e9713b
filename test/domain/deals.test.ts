import { describe, expect, it } from 'vitest';
import { dealSlugBase, groupByStage, parseDealSlug, parseDealValue, totalValue, type Deal } from '../../src/domain/deals.js';

function deal(id: number, fields: Partial<Deal> = {}): Deal {
  return {
    id,
    slug: `deal-${id}`,
    name: `Deal ${id}`,
    account: null,
    value: 100,
    stage: null,
    status: 'open',
    expectedClose: null,
    closedOn: null,
    reason: null,
    externalId: null,
    createdAt: '2026-11-26T15:00:00.000Z',
    updatedAt: '2026-11-26T15:00:00.000Z',
    ...fields,
  };
}

describe('parseDealValue', () => {
  it.each([
    ['48000', 48000],
    ['48,000', 48000],
    ['2.5', 2.5],
    [' 0.01 ', 0.01],
  ])('%j is %d', (raw, value) => {
    expect(parseDealValue(raw)).toBe(value);
  });

  it.each(['0', '-5', 'abc', '', '0.00'])('%j is refused as not a positive amount', (raw) => {
    expect(() => parseDealValue(raw)).toThrow(`invalid --value ${JSON.stringify(raw)}: a deal's value is a positive amount`);
  });

  it('gives examples the decimal mark in force reads: 2,5 under a comma, where 2.5 is refused', () => {
    expect(() => parseDealValue('2.5', { decimal: ',' })).toThrow(
      'invalid --value "2.5": a deal\'s value is a positive amount, e.g. 25000 or 2,5 (decimals take a comma: perf config set numbers.decimal)',
    );
    expect(() => parseDealValue('-5')).toThrow('invalid --value "-5": a deal\'s value is a positive amount, e.g. 25000 or 2.5');
  });

  it('keeps the parser own message for a number too large', () => {
    expect(() => parseDealValue('1e999'.replace('e999', '0'.repeat(20)))).toThrow(/too large/);
  });
});

describe('deal slugs', () => {
  it.each([
    ['acme-renewal', 'acme-renewal'],
    ['won', 'deal-won'],
    ['update', 'deal-update'],
    ['42', 'deal-42'],
    ['', 'deal'],
  ])('a name slugified to %j gets the slug %j', (slugified, slug) => {
    expect(dealSlugBase(slugified)).toBe(slug);
  });

  it.each(['add', 'won', 'lost', 'edit', 'rm', 'show', 'reopen', 'Lost'])('--slug %j is refused as a command word', (raw) => {
    expect(() => parseDealSlug(raw)).toThrow(/is a command word/);
  });
});

describe('groupByStage and totalValue', () => {
  it('groups by stage in any case, the group closing soonest first, each by expected close (none last); no stage last', () => {
    const groups = groupByStage([
      deal(1, { stage: 'proposal', expectedClose: '2026-12-15' }),
      deal(2),
      deal(3, { stage: 'Proposal' }),
      deal(4, { stage: 'discovery', expectedClose: '2026-12-10' }),
      deal(5, { stage: 'proposal', expectedClose: '2026-12-01' }),
    ]);
    expect(groups.map((g) => [g.stage, g.deals.map((d) => d.id)])).toEqual([
      ['proposal', [5, 1, 3]],
      ['discovery', [4]],
      [null, [2]],
    ]);
  });

  it('adds values in cents', () => {
    expect(totalValue([deal(1, { value: 0.1 }), deal(2, { value: 0.2 })])).toBe(0.3);
  });
});
