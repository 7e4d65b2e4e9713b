import { CONFIG_KEYS, findConfigKey, settingsFrom, type ConfigEntry, type Settings } from '../domain/config.js';
import { noteTypesFrom } from '../domain/notes.js';
import { UsageError, quote } from '../errors.js';
import type { Store } from '../storage/store.js';

export function readSettings(store: Store): Settings {
  return settingsFrom(store.config.all());
}

export function listConfig(store: Store): ConfigEntry[] {
  const values = store.config.all();
  return CONFIG_KEYS.map((k) => {
    const stored = values.get(k.key);
    return {
      key: k.key,
      value: stored ?? k.default,
      default: k.default,
      isDefault: stored === undefined,
      description: k.description,
    };
  });
}

export function getConfig(store: Store, key: string): ConfigEntry {
  const { key: name } = findConfigKey(key);
  const entry = listConfig(store).find((e) => e.key === name);
  if (!entry) throw new UsageError(`unknown setting ${quote(key)}`);
  return entry;
}

/** Validates and stores one setting; `scale.max` may not drop below a rating already given. */
export function setConfig(store: Store, key: string, value: string): ConfigEntry {
  const spec = findConfigKey(key);
  const normalized = spec.normalize(value);
  return store.transaction(() => {
    if (spec.key === 'note.types') checkNoteTypesKept(store, normalized, `invalid note.types ${quote(value)}`);
    if (spec.key === 'scale.max') {
      checkScaleMax(
        store,
        Number(normalized),
        (highest) => `invalid scale.max ${quote(value)}: ratings up to ${highest} already exist; use ${highest} or more`,
      );
    }
    store.config.set(spec.key, normalized);
    return getConfig(store, spec.key);
  });
}

/** Removes a setting: name, role and manager are then not set, the others back to their default. */
export function unsetConfig(store: Store, key: string): ConfigEntry {
  const spec = findConfigKey(key);
  return store.transaction(() => {
    if (spec.key === 'note.types' && spec.default !== null) {
      checkNoteTypesKept(store, spec.default, 'cannot unset note.types (back to the built-in types)');
    }
    if (spec.key === 'scale.max' && spec.default !== null) {
      const top = spec.default;
      checkScaleMax(
        store,
        Number(top),
        (highest) => `cannot unset scale.max: its default ${top} is below ratings of up to ${highest} already given; keep it`,
      );
    }
    store.config.unset(spec.key);
    return getConfig(store, spec.key);
  });
}

/**
 * A list of note types may not leave out a type that notes still have: those notes could no
 * longer be filtered or edited by it. The rep changes them first (or keeps the type).
 */
function checkNoteTypesKept(store: Store, list: string, what: string): void {
  const accepted = noteTypesFrom(list);
  const dropped = store.notes.typeCounts().filter((row) => !accepted.includes(row.type));
  if (dropped.length === 0) return;
  const used = dropped.map((row) => `${row.type} (${row.count} ${row.count === 1 ? 'note' : 'notes'})`).join(', ');
  throw new UsageError(
    `${what}: it leaves out ${used}; keep ${dropped.length === 1 ? 'it' : 'them'} in the list, or change those notes first (perf notes --type ${dropped[0]?.type})`,
  );
}

function checkScaleMax(store: Store, top: number, message: (highest: number) => string): void {
  const highest = store.ratings.highest();
  if (highest !== null && highest > top) throw new UsageError(message(highest));
}
