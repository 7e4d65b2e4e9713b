import { expect } from 'vitest';
import { UsageError } from '../src/errors.js';

/** What `fn` throws; the test fails if it throws nothing. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** The UsageError `fn` throws (exit 2 in the CLI); the test fails on anything else. */
export function usageError(fn: () => unknown): Error {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(UsageError);
  return error as Error;
}
