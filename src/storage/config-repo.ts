import type { Db } from './db.js';
import { onFirstUse } from './on-first-use.js';

export type ConfigRepo = ReturnType<typeof createConfigRepo>;

export function createConfigRepo(db: Db) {
  const get = onFirstUse(() => db.prepare<[string], { value: string }>('SELECT value FROM config WHERE key = ?'));
  const set = onFirstUse(() =>
    db.prepare<[string, string], void>(
      'INSERT INTO config (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
  );
  const all = onFirstUse(() => db.prepare<[], { key: string; value: string }>('SELECT key, value FROM config ORDER BY key'));
  const unset = onFirstUse(() => db.prepare<[string], void>('DELETE FROM config WHERE key = ?'));
  return {
    get(key: string): string | null {
      return get().get(key)?.value ?? null;
    },
    set(key: string, value: string): void {
      set().run(key, value);
    },
    unset(key: string): void {
      unset().run(key);
    },
    all(): Map<string, string> {
      return new Map(
        all()
          .all()
          .map((row) => [row.key, row.value]),
      );
    },
  };
}
