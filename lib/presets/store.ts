import { storage } from '#imports';
import { z } from 'zod/mini';
import { builtinPresets, ONE_YEAR_PRESET_ID } from './builtins';
import { connectionPresetSettingsSchema, presetSchema, type ConnectionPresetSettings, type Preset, type PresetSettings } from './model';
import { formatPath } from './problems';
import type { TeamFile } from './team-file';

// One preset library serves every connection, because a preset such as "1 year" means the same on
// every Gravitee. Rules and the default are kept per connection id, because they name API and plan
// ids, which differ between installations.

export const presetStoreSchema = z.strictObject({
  presets: z.array(presetSchema),
  connections: z.record(z.string(), connectionPresetSettingsSchema),
});

export type PresetStore = z.infer<typeof presetStoreSchema>;

/** Returns the store of a new installation: the built-in presets, and no connection settings yet. */
export function defaultPresetStore(): PresetStore {
  return { presets: builtinPresets(), connections: {} };
}

/** The preset library and each connection's rules and default preset, keyed by connection id. */
export const presetStoreItem = storage.defineItem<PresetStore>('local:presets', {
  fallback: defaultPresetStore(),
  version: 1,
});

/**
 * Reads the stored presets and rules. A stored value that fails the schema is logged, and the
 * default store is returned in its place. Storage itself is left unchanged, so nothing is lost.
 */
export async function readPresetStore(): Promise<PresetStore> {
  const stored: unknown = await presetStoreItem.getValue();
  const parsed = presetStoreSchema.safeParse(stored);
  if (parsed.success) return parsed.data;

  const first = parsed.error.issues[0];
  const where = first ? formatPath(first.path) || '(root)' : '(unknown)';
  console.warn(`[presets] stored presets are invalid at ${where} (${parsed.error.issues.length} problems), so the built-in presets are used`);
  return defaultPresetStore();
}

/**
 * Returns the settings pickPreset reads for one connection. A connection without its own entry
 * gets no rules and the built-in "1 year" as default while that preset is in the library.
 */
export function settingsForConnection(store: PresetStore, connectionId: string): PresetSettings {
  const own = Object.hasOwn(store.connections, connectionId) ? store.connections[connectionId] : undefined;
  if (own) return { presets: store.presets, defaultPresetId: own.defaultPresetId, rules: own.rules };

  const hasOneYear = store.presets.some((preset) => preset.id === ONE_YEAR_PRESET_ID);
  return { presets: store.presets, defaultPresetId: hasOneYear ? ONE_YEAR_PRESET_ID : null, rules: [] };
}

/** Returns a copy of the store with one connection's rules and default replaced. */
export function withConnectionSettings(store: PresetStore, connectionId: string, settings: ConnectionPresetSettings): PresetStore {
  return { ...store, connections: { ...store.connections, [connectionId]: settings } };
}

/** Returns a copy of the store without a deleted connection's rules and default. */
export function withoutConnection(store: PresetStore, connectionId: string): PresetStore {
  const connections = { ...store.connections };
  delete connections[connectionId];
  return { ...store, connections };
}

/**
 * Returns a copy of the store with a checked team file applied for one connection. File presets
 * replace library presets with the same id and the others are appended, so presets that other
 * connections' rules name stay. The connection's rules become the file's rules, and its default
 * becomes the file's default when the file has one.
 */
export function applyTeamFile(store: PresetStore, connectionId: string, file: TeamFile): PresetStore {
  const incoming = new Map(file.presets.map((preset) => [preset.id, preset]));
  const replaced: Preset[] = store.presets.map((preset) => incoming.get(preset.id) ?? preset);
  const existingIds = new Set(store.presets.map((preset) => preset.id));
  const added = file.presets.filter((preset) => !existingIds.has(preset.id));

  const current = settingsForConnection(store, connectionId);
  const next = { presets: [...replaced, ...added], connections: store.connections };
  return withConnectionSettings(next, connectionId, {
    defaultPresetId: file.defaultPresetId ?? current.defaultPresetId,
    rules: file.rules,
  });
}
