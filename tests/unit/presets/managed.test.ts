import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyManagedSettings, parseManagedSettings, readManagedSettings } from '@/lib/presets/managed';
import { defaultPresetSettings } from '@/lib/presets/builtins';

const connection = { name: 'UiO production', consoleUrl: 'https://apim.example.org/console/', managementUrl: 'https://apim.example.org/management', organization: 'DEFAULT' };
const twoWeeks = { id: 'two-weeks', name: 'Two weeks', start: 'now', end: { kind: 'duration', amount: 2, unit: 'weeks' } };
const studentRule = { id: 'students', field: 'plan', match: 'name-pattern', value: 'Student*', presetId: 'two-weeks' };

describe('readManagedSettings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('reads valid managed values and locks them', async () => {
    await fakeBrowser.storage.managed.set({ connections: [connection], presets: [twoWeeks], rules: [studentRule], defaultPresetId: 'two-weeks' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const read = await readManagedSettings();

    expect(read.problems).toEqual([]);
    expect(read.values.connections).toEqual([connection]);
    expect(read.values.presets).toEqual([twoWeeks]);
    expect(read.values.rules).toEqual([studentRule]);
    expect(read.values.defaultPresetId).toBe('two-weeks');
    expect(read.locked).toEqual({ connections: true, presets: true, rules: true, defaultPresetId: true });
    expect(warn).not.toHaveBeenCalled();
  });

  it('locks only fields that are set', async () => {
    await fakeBrowser.storage.managed.set({ defaultPresetId: 'builtin-90-days' });
    const read = await readManagedSettings();
    expect(read.values).toEqual({ defaultPresetId: 'builtin-90-days' });
    expect(read.locked).toEqual({ connections: false, presets: false, rules: false, defaultPresetId: true });
  });

  it('ignores invalid field and logs why', async () => {
    const badPreset = { ...twoWeeks, end: { kind: 'duration', amount: 0, unit: 'weeks' } };
    await fakeBrowser.storage.managed.set({ connections: [connection], presets: [badPreset] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const read = await readManagedSettings();

    expect(read.values.presets).toBeUndefined();
    expect(read.locked.presets).toBe(false);
    expect(read.values.connections).toEqual([connection]);
    expect(read.locked.connections).toBe(true);
    expect(read.problems).toEqual([{ field: 'presets', problem: { path: 'presets[0].end.amount', code: 'too-small', params: { minimum: 1 } } }]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('[managed] ignored the policy "presets": presets[0].end.amount must be at least 1.');
  });

  it('rejects connection carrying token', async () => {
    await fakeBrowser.storage.managed.set({ connections: [{ ...connection, token: 'secret-token' }] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const read = await readManagedSettings();

    expect(read.values.connections).toBeUndefined();
    expect(read.problems[0]?.problem).toEqual({ path: 'connections[0].token', code: 'unknown-field', params: {} });
    expect(warn.mock.calls.flat().join(' ')).not.toContain('secret-token');
  });

  it('rejects non-http connection URL', async () => {
    await fakeBrowser.storage.managed.set({ connections: [{ ...connection, managementUrl: 'javascript:alert(1)' }] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read = await readManagedSettings();
    expect(read.values.connections).toBeUndefined();
    expect(read.problems[0]?.problem).toEqual({ path: 'connections[0].managementUrl', code: 'invalid-url', params: {} });
  });

  it('rejects rule naming unknown preset', async () => {
    await fakeBrowser.storage.managed.set({ rules: [{ ...studentRule, presetId: 'not-built-in' }] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read = await readManagedSettings();
    expect(read.values.rules).toBeUndefined();
    expect(read.problems[0]?.problem).toEqual({ path: 'rules[0].presetId', code: 'unknown-preset', params: { value: 'not-built-in' } });
  });

  it('accepts rule naming built-in preset', async () => {
    await fakeBrowser.storage.managed.set({ rules: [{ ...studentRule, presetId: 'builtin-semester' }] });
    const read = await readManagedSettings();
    expect(read.problems).toEqual([]);
    expect(read.locked.rules).toBe(true);
  });

  it('rejects default outside managed presets', async () => {
    await fakeBrowser.storage.managed.set({ presets: [twoWeeks], defaultPresetId: 'builtin-1-year' });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read = await readManagedSettings();
    expect(read.locked.presets).toBe(true);
    expect(read.locked.defaultPresetId).toBe(false);
    expect(read.problems.map((entry) => entry.field)).toEqual(['defaultPresetId']);
  });

  it('rejects duplicate managed preset ids', async () => {
    await fakeBrowser.storage.managed.set({ presets: [twoWeeks, { ...twoWeeks, name: 'Copy' }] });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read = await readManagedSettings();
    expect(read.values.presets).toBeUndefined();
    expect(read.problems[0]?.problem).toEqual({ path: 'presets[1].id', code: 'duplicate-id', params: { value: 'two-weeks' } });
  });

  it('reports unknown policy names', async () => {
    await fakeBrowser.storage.managed.set({ preset: [twoWeeks] });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const read = await readManagedSettings();
    expect(read.problems).toEqual([{ field: 'preset', problem: { path: 'preset', code: 'unknown-field', params: {} } }]);
    expect(warn).toHaveBeenCalledWith('[managed] ignored the policy "preset": preset is an unknown field. Remove it.');
  });

  it('returns nothing without managed data', async () => {
    const read = await readManagedSettings();
    expect(read.values).toEqual({});
    expect(read.problems).toEqual([]);
    expect(read.locked).toEqual({ connections: false, presets: false, rules: false, defaultPresetId: false });
  });

  it('survives managed storage that throws', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);

    const read = await readManagedSettings();

    expect(read.values).toEqual({});
    expect(read.locked.presets).toBe(false);
    expect(info).toHaveBeenCalledWith(expect.stringContaining('Managed storage manifest not found'));
  });

  it('survives missing managed area', async () => {
    const storage = fakeBrowser.storage as { managed?: unknown };
    const original = storage.managed;
    storage.managed = undefined;
    try {
      const read = await readManagedSettings();
      expect(read.values).toEqual({});
      expect(read.locked.connections).toBe(false);
    } finally {
      storage.managed = original;
    }
  });
});

describe('parseManagedSettings', () => {
  it('reports non-object data', () => {
    const read = parseManagedSettings('not an object');
    expect(read.values).toEqual({});
    expect(read.problems[0]?.problem.code).toBe('not-an-object');
  });
});

describe('applyManagedSettings', () => {
  it('replaces only managed fields', () => {
    const user = defaultPresetSettings();
    const merged = applyManagedSettings(user, { defaultPresetId: 'builtin-90-days' });
    expect(merged.presets).toBe(user.presets);
    expect(merged.rules).toBe(user.rules);
    expect(merged.defaultPresetId).toBe('builtin-90-days');
  });

  it('replaces presets and rules when managed', () => {
    const user = defaultPresetSettings();
    const managed = parseManagedSettings({ presets: [twoWeeks], rules: [studentRule] }).values;
    const merged = applyManagedSettings(user, managed);
    expect(merged.presets.map((preset) => preset.id)).toEqual(['two-weeks']);
    expect(merged.rules.map((rule) => rule.id)).toEqual(['students']);
    expect(merged.defaultPresetId).toBe(user.defaultPresetId);
  });
});
