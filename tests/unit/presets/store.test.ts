import { builtinPresets, ONE_YEAR_PRESET_ID } from '@/lib/presets/builtins';
import type { Preset, Rule } from '@/lib/presets/model';
import {
  applyTeamFile,
  defaultPresetStore,
  settingsForConnection,
  withConnectionSettings,
  withoutConnection,
} from '@/lib/presets/store';
import type { TeamFile } from '@/lib/presets/team-file';

const rule: Rule = { id: 'r1', field: 'api', match: 'id', value: 'api-1', presetId: 'builtin-90-days' };

describe('settingsForConnection', () => {
  it('gives unknown connection the 1-year default', () => {
    const settings = settingsForConnection(defaultPresetStore(), 'conn-a');
    expect(settings.defaultPresetId).toBe(ONE_YEAR_PRESET_ID);
    expect(settings.rules).toEqual([]);
    expect(settings.presets).toHaveLength(6);
  });

  it('gives no default without 1-year preset', () => {
    const store = { presets: builtinPresets().filter((preset) => preset.id !== ONE_YEAR_PRESET_ID), connections: {} };
    expect(settingsForConnection(store, 'conn-a').defaultPresetId).toBeNull();
  });

  it('keeps rules per connection', () => {
    const store = withConnectionSettings(defaultPresetStore(), 'conn-a', { defaultPresetId: 'builtin-30-days', rules: [rule] });
    expect(settingsForConnection(store, 'conn-a').rules).toEqual([rule]);
    expect(settingsForConnection(store, 'conn-a').defaultPresetId).toBe('builtin-30-days');
    expect(settingsForConnection(store, 'conn-b').rules).toEqual([]);
    expect(settingsForConnection(withoutConnection(store, 'conn-a'), 'conn-a').rules).toEqual([]);
  });

  it('ignores inherited object keys as ids', () => {
    expect(settingsForConnection(defaultPresetStore(), 'constructor').rules).toEqual([]);
  });
});

describe('applyTeamFile', () => {
  const renamed: Preset = { id: 'builtin-30-days', name: 'Month', start: 'now', end: { kind: 'duration', amount: 1, unit: 'months' } };
  const added: Preset = { id: 'course', name: 'Course', start: 'next-week', end: { kind: 'duration', amount: 10, unit: 'weeks' } };
  const file: TeamFile = { format: 'gatekeeper-presets', version: 1, presets: [added, renamed], rules: [{ ...rule, presetId: 'course' }], defaultPresetId: 'course' };

  it('replaces and appends presets in place', () => {
    const store = applyTeamFile(defaultPresetStore(), 'conn-a', file);
    expect(store.presets.map((preset) => preset.id)).toEqual([...builtinPresets().map((preset) => preset.id), 'course']);
    expect(store.presets[0]).toEqual(renamed);
  });

  it('sets rules and default for one connection', () => {
    const before = withConnectionSettings(defaultPresetStore(), 'conn-b', { defaultPresetId: 'builtin-no-end', rules: [rule] });
    const store = applyTeamFile(before, 'conn-a', file);
    expect(settingsForConnection(store, 'conn-a').rules).toEqual(file.rules);
    expect(settingsForConnection(store, 'conn-a').defaultPresetId).toBe('course');
    expect(settingsForConnection(store, 'conn-b').rules).toEqual([rule]);
  });

  it('keeps default when file has none', () => {
    const before = withConnectionSettings(defaultPresetStore(), 'conn-a', { defaultPresetId: 'builtin-no-end', rules: [] });
    const { defaultPresetId: _omitted, ...withoutDefault } = file;
    const store = applyTeamFile(before, 'conn-a', withoutDefault);
    expect(settingsForConnection(store, 'conn-a').defaultPresetId).toBe('builtin-no-end');
  });
});
