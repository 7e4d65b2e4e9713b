import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/db.js';
import { MIGRATIONS, RESERVED_SLUGS_VERSION } from '../../src/storage/migrations.js';
import { run, tempDbPath } from '../helpers.js';

const NOW = '2026-01-01T00:00:00.000Z';

/** A journal from before the rename migration, with goals and a competency named by command words. */
function journalWithClashes(): string {
  const file = tempDbPath();
  const db = openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, RESERVED_SLUGS_VERSION - 1) });
  const goal = db.prepare(
    `INSERT INTO goals (id, slug, title, start_date, created_at, updated_at) VALUES (?, ?, ?, '2026-01-01', '${NOW}', '${NOW}')`,
  );
  goal.run(1, 'edit', 'Edit the playbook');
  goal.run(2, 'goal-edit', 'A goal already called goal-edit');
  goal.run(3, 'updates', 'Weekly updates');
  goal.run(4, 'q4-arr', 'Q4 ARR');
  db.prepare(`UPDATE competencies SET slug = 'list' WHERE slug = 'communication'`).run();
  db.close();
  return file;
}

function slugs(file: string, table: 'goals' | 'competencies'): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT slug FROM ${table} ORDER BY id`).all() as { slug: string }[]).map((r) => r.slug);
  } finally {
    db.close();
  }
}

describe('the migration that takes command words out of slugs', () => {
  it('renames each clash, keeps every other slug, and says so once, on the first command', async () => {
    const file = journalWithClashes();
    const first = await run(['goals', '--json'], { db: file });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(
      'perf: the journal was upgraded: command words are no longer slugs, so goal "edit" is now "goal-edit-1", goal "updates" is now "goal-updates", competency "list" is now "competency-list"\n',
    );
    expect(slugs(file, 'goals')).toEqual(['goal-edit-1', 'goal-edit', 'goal-updates', 'q4-arr']);
    expect(slugs(file, 'competencies')).toContain('competency-list');
    expect(slugs(file, 'competencies')).not.toContain('list');
    const again = await run(['goals', 'show', 'goal-updates'], { db: file });
    expect(again).toMatchObject({ code: 0, stderr: '' });
  });

  it('says nothing when nothing clashed', async () => {
    const file = tempDbPath();
    openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, RESERVED_SLUGS_VERSION - 1) }).close();
    expect(await run(['goals'], { db: file })).toMatchObject({ code: 0, stderr: '' });
  });
});
