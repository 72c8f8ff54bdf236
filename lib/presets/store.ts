import { z } from 'zod/mini';
import { builtinPresets, ONE_YEAR_PRESET_ID } from './builtins';
import { connectionPresetSettingsSchema, presetSchema, type ConnectionPresetSettings, type Preset, type PresetSettings } from './model';
import type { TeamFile } from './team-file';

// One preset library serves every connection, because a preset such as "1 year" means the same on
// every Gravitee. Rules and the default are kept per connection key (presetConnectionKey: the
// Management API URL and organization), because they name API and plan ids, which differ between
// installations. lib/presets/sync-store.ts reads and writes the store in storage.sync.

export const presetStoreSchema = z.strictObject({
  presets: z.array(presetSchema),
  connections: z.record(z.string(), connectionPresetSettingsSchema),
});

export type PresetStore = z.infer<typeof presetStoreSchema>;

/** Returns the store of a new installation: the built-in presets, and no connection settings yet. */
export function defaultPresetStore(): PresetStore {
  return { presets: builtinPresets(), connections: {} };
}

/**
 * Returns the settings pickPreset reads for one connection key. A connection without its own entry
 * gets no rules and the built-in "1 year" as default while that preset is in the library.
 */
export function settingsForConnection(store: PresetStore, connectionKey: string): PresetSettings {
  const own = Object.hasOwn(store.connections, connectionKey) ? store.connections[connectionKey] : undefined;
  if (own) return { presets: store.presets, defaultPresetId: own.defaultPresetId, rules: own.rules };

  const hasOneYear = store.presets.some((preset) => preset.id === ONE_YEAR_PRESET_ID);
  return { presets: store.presets, defaultPresetId: hasOneYear ? ONE_YEAR_PRESET_ID : null, rules: [] };
}

/** Returns a copy of the store with one connection's rules and default replaced. */
export function withConnectionSettings(store: PresetStore, connectionKey: string, settings: ConnectionPresetSettings): PresetStore {
  return { ...store, connections: { ...store.connections, [connectionKey]: settings } };
}

/** Returns a copy of the store without a deleted connection's rules and default. */
export function withoutConnection(store: PresetStore, connectionKey: string): PresetStore {
  const connections = { ...store.connections };
  delete connections[connectionKey];
  return { ...store, connections };
}

/**
 * Returns a copy of the store with a checked team file applied for one connection. File presets
 * replace library presets with the same id and the others are appended, so presets that other
 * connections' rules name stay. The connection's rules become the file's rules, and its default
 * becomes the file's default when the file has one.
 */
export function applyTeamFile(store: PresetStore, connectionKey: string, file: TeamFile): PresetStore {
  const incoming = new Map(file.presets.map((preset) => [preset.id, preset]));
  const replaced: Preset[] = store.presets.map((preset) => incoming.get(preset.id) ?? preset);
  const existingIds = new Set(store.presets.map((preset) => preset.id));
  const added = file.presets.filter((preset) => !existingIds.has(preset.id));

  const current = settingsForConnection(store, connectionKey);
  const next = { presets: [...replaced, ...added], connections: store.connections };
  return withConnectionSettings(next, connectionKey, {
    defaultPresetId: file.defaultPresetId ?? current.defaultPresetId,
    rules: file.rules,
  });
}
