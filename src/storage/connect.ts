import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';

let addonOptionsFound: { nativeBinding?: string } | undefined;

/**
 * better-sqlite3 finds its native addon through the `bindings` package, which tries a dozen paths
 * by requires that fail (stat calls and thrown errors: a few ms of every start, issue 12), and
 * which cannot find it at all from inside the bundles (dist/perf.cjs, dist/remind.cjs hold
 * better-sqlite3's JavaScript). npm's build puts it in build/Release, so it is named when it is
 * there; elsewhere `bindings` looks.
 */
function addon(): { nativeBinding?: string } {
  if (addonOptionsFound) return addonOptionsFound;
  try {
    const main = createRequire(import.meta.url).resolve('better-sqlite3');
    const file = path.join(path.dirname(main), '..', 'build', 'Release', 'better_sqlite3.node');
    addonOptionsFound = fs.existsSync(file) ? { nativeBinding: file } : {};
  } catch {
    addonOptionsFound = {};
  }
  return addonOptionsFound;
}

/**
 * A connection to `file` (a path, ':memory:', or a serialized database), always with the addon
 * named. Every connection the program makes goes through here: one made with `new Database`
 * works in the tests (which import the sources) and fails in the bundles users run.
 */
export function connect(file: string | Buffer, options: Database.Options = {}): Database.Database {
  return new Database(file, { ...options, ...addon() });
}
