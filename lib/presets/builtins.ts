import type { Language } from '../i18n/language';
import type { PresetMessageKey } from '../i18n/presets';
import type { Preset, PresetSettings } from './model';
import { presetText } from './messages';

// The presets a new installation starts with. They are ordinary data: the user may rename, edit,
// reorder or delete them, and nothing else in lib/presets treats their ids specially, except that
// presetDisplayName translates a built-in name the user has not changed.

interface BuiltinDefinition {
  preset: Omit<Preset, 'name'>;
  nameKey: PresetMessageKey;
}

const definitions: readonly BuiltinDefinition[] = [
  { nameKey: 'presets.builtin.30-days', preset: { id: 'builtin-30-days', start: 'now', end: { kind: 'duration', amount: 30, unit: 'days' } } },
  { nameKey: 'presets.builtin.90-days', preset: { id: 'builtin-90-days', start: 'now', end: { kind: 'duration', amount: 90, unit: 'days' } } },
  { nameKey: 'presets.builtin.6-months', preset: { id: 'builtin-6-months', start: 'now', end: { kind: 'duration', amount: 6, unit: 'months' } } },
  { nameKey: 'presets.builtin.1-year', preset: { id: 'builtin-1-year', start: 'now', end: { kind: 'duration', amount: 1, unit: 'years' } } },
  {
    nameKey: 'presets.builtin.semester',
    preset: { id: 'builtin-semester', start: 'now', end: { kind: 'calendar', anchors: [{ month: 6, day: 30 }, { month: 12, day: 31 }] } },
  },
  { nameKey: 'presets.builtin.no-end', preset: { id: 'builtin-no-end', start: 'now', end: { kind: 'none' } } },
];

export const ONE_YEAR_PRESET_ID = 'builtin-1-year';

/** Returns fresh copies of the built-in presets, named in language, in their default order. */
export function builtinPresets(language: Language = 'en'): Preset[] {
  return definitions.map((definition) => buildPreset(definition, language));
}

/**
 * Returns the built-in "1 year" preset, as shipped. pickPreset falls back to it when a connection
 * has no usable default, so it matches defaultValidity in lib/validity.ts even if the user edited
 * their own copy.
 */
export function oneYearPreset(language: Language = 'en'): Preset {
  const definition = definitions.find((candidate) => candidate.preset.id === ONE_YEAR_PRESET_ID);
  if (!definition) throw new Error(`The built-in preset ${ONE_YEAR_PRESET_ID} is missing from the definitions.`);
  return buildPreset(definition, language);
}

/** Returns the settings of a connection without its own settings: every built-in, 1 year as default, no rules. */
export function defaultPresetSettings(language: Language = 'en'): PresetSettings {
  return { presets: builtinPresets(language), defaultPresetId: ONE_YEAR_PRESET_ID, rules: [] };
}

/**
 * Returns the name to show for a preset. A built-in whose name is still its English or Bokmål
 * original is shown in language, so switching language also switches those names.
 */
export function presetDisplayName(preset: Pick<Preset, 'id' | 'name'>, language: Language): string {
  const definition = definitions.find((candidate) => candidate.preset.id === preset.id);
  if (!definition) return preset.name;

  const originals = [presetText('en', definition.nameKey), presetText('nb', definition.nameKey)];
  return originals.includes(preset.name) ? presetText(language, definition.nameKey) : preset.name;
}

function buildPreset(definition: BuiltinDefinition, language: Language): Preset {
  // structuredClone keeps callers from changing the shared definitions through nested objects.
  return { ...structuredClone(definition.preset), name: presetText(language, definition.nameKey) };
}
