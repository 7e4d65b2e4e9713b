import { CONFIG_KEYS, findConfigKey, settingsFrom, type ConfigEntry, type Settings } from '../domain/config.js';
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

function checkScaleMax(store: Store, top: number, message: (highest: number) => string): void {
  const highest = store.ratings.highest();
  if (highest !== null && highest > top) throw new UsageError(message(highest));
}
