import { describe, expect, it } from 'vitest';
import { splitDatePrefix } from '../../src/domain/date-prefix.js';

describe('splitDatePrefix: the cheap check before the date parser loads', () => {
  it.each([
    ['yesterday: Called Acme', 'yesterday', 'Called Acme'],
    ['last friday: Demo for Initech', 'last friday', 'Demo for Initech'],
    ['3 days ago: Sent the proposal', '3 days ago', 'Sent the proposal'],
    ['2026-11-20: Signed Globex', '2026-11-20', 'Signed Globex'],
    ['march 3: QBR with Acme: went well', 'march 3', 'QBR with Acme: went well'],
    ['Mon: standup', 'Mon', 'standup'],
  ])('%j passes: %j', (text, when, rest) => {
    expect(splitDatePrefix(text)).toEqual({ when, rest });
  });

  it.each([
    'Note: Acme wants a discount',
    'Re: pricing',
    'Called Acme: renewal agreed',
    '10:30 call with Acme',
    'https://example.com',
    'no colon at all',
    ': starts with a colon',
    'a very long line before the first colon that is no date: x',
  ])('%j does not', (text) => {
    expect(splitDatePrefix(text)).toBeNull();
  });
});
