import { describe, expect, it } from 'vitest';
import { run, tempDbPath } from '../../helpers.js';

async function json(db: string, args: string[]): Promise<{ slug: string }> {
  const result = await run([...args, '--json'], { db });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { slug: string };
}

describe('slugs from titles in any script', () => {
  it('keep their letters, and name the goal or competency on the command line', async () => {
    const db = tempDbPath();
    expect((await json(db, ['goals', 'add', '売上目標'])).slug).toBe('売上目標');
    expect((await json(db, ['goals', 'add', '売上目標'])).slug).toBe('売上目標-2');
    expect((await json(db, ['goals', 'add', 'Продажи в регионе'])).slug).toBe('продажи-в-регионе');
    expect((await json(db, ['goals', 'add', '２０２６'])).slug).toBe('goal-2026');
    expect((await json(db, ['goals', 'show', '売上目標'])).slug).toBe('売上目標');
    expect((await json(db, ['goals', 'show', 'продажи-в-регионе'])).slug).toBe('продажи-в-регионе');
    expect((await json(db, ['goals', 'add', 'Q4', '--slug', 'q4-売上'])).slug).toBe('q4-売上');
    expect((await json(db, ['competencies', 'add', '交渉力'])).slug).toBe('交渉力');
  });
});
