import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PresetsSection } from '@/components/options/presets/PresetsSection';
import type { Connection } from '@/lib/gravitee/types';
import { translator } from '@/lib/i18n';
import { builtinPresets } from '@/lib/presets/builtins';
import { presetConnectionKey } from '@/lib/presets/connection-key';
import type { Preset } from '@/lib/presets/model';
import { settingsForConnection, withConnectionSettings, defaultPresetStore } from '@/lib/presets/store';
import { encodeChunks } from '@/lib/presets/sync-chunks';
import { readPresetStore, writePresetStore } from '@/lib/presets/sync-store';
import { fixedClock } from './fixtures';

// fixedClock reads 10 March 2026, 14:00 local time, a Tuesday.
const CONNECTION: Connection = { id: 'conn-1', name: 'UiO', consoleUrl: 'https://apim.example.org/console/', managementUrl: 'https://apim.example.org/management', organization: 'DEFAULT' };
const KEY = presetConnectionKey(CONNECTION);

async function renderSection(connections: Connection[] = [CONNECTION]) {
  render(<PresetsSection t={translator('en')} language="en" connections={connections} now={fixedClock} />);
  return screen.findByRole('list', { name: 'Presets, in the order the Accept menu shows them' });
}

function presetItem(name: string): HTMLElement {
  return screen.getByRole('listitem', { name });
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function storedPresets(): Promise<Preset[]> {
  return (await readPresetStore()).presets;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('Preset library', () => {
  it('previews each preset from now', async () => {
    const list = await renderSection();

    expect(within(list).getAllByRole('listitem')).toHaveLength(builtinPresets().length);
    expect(presetItem('30 days').textContent).toContain('From Mar 10, 2026, 2:00 PM');
    expect(presetItem('30 days').textContent).toContain('to Apr 9, 2026, 11:59 PM');
    expect(presetItem('Until end of semester').textContent).toContain('to Jun 30, 2026, 11:59 PM');
    expect(presetItem('No end date').textContent).toContain('with no end date');
    expect(screen.getByText(new RegExp(`in your time zone, ${Intl.DateTimeFormat().resolvedOptions().timeZone}`))).toBeTruthy();
  });

  it('adds a preset with a preview', async () => {
    await renderSection();

    fireEvent.click(screen.getByRole('button', { name: 'Add preset' }));
    fill('Preset name', 'Course, 10 weeks');
    fill('Starts', 'next-week');
    fill('Length', '10');
    fill('Unit', 'weeks');

    // Next Monday is 16 March; ten weeks later is 25 May.
    expect(screen.getByText(/^Accepted now: From Mar 16, 2026, 12:00 AM .* to May 25, 2026, 11:59 PM/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save preset' }));

    expect(await screen.findByText('Saved Course, 10 weeks.')).toBeTruthy();
    const added = (await storedPresets()).at(-1);
    expect(added).toEqual({ id: expect.any(String), name: 'Course, 10 weeks', start: 'next-week', end: { kind: 'duration', amount: 10, unit: 'weeks' } });
    expect(presetItem('Course, 10 weeks').textContent).toContain('to May 25, 2026, 11:59 PM');
  });

  it('adds a calendar preset', async () => {
    await renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Add preset' }));
    fill('Preset name', 'School year');
    fireEvent.click(screen.getByRole('radio', { name: 'On the next of some dates in the year' }));

    fireEvent.click(screen.getByRole('button', { name: 'Remove end date 1' }));
    const second = screen.getByRole('group', { name: 'End date 1' });
    fireEvent.change(within(second).getByLabelText('Month'), { target: { value: '8' } });
    fireEvent.change(within(second).getByLabelText('Day'), { target: { value: '15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save preset' }));

    await screen.findByText('Saved School year.');
    expect((await storedPresets()).at(-1)?.end).toEqual({ kind: 'calendar', anchors: [{ month: 8, day: 15 }] });
  });

  it('edits a preset', async () => {
    await renderSection();

    fireEvent.click(screen.getByRole('button', { name: 'Edit 90 days' }));
    expect((screen.getByLabelText('Preset name') as HTMLInputElement).value).toBe('90 days');
    fill('Length', '120');
    fireEvent.click(screen.getByRole('button', { name: 'Save preset' }));

    await screen.findByText('Saved 90 days.');
    const edited = (await storedPresets()).find((preset) => preset.id === 'builtin-90-days');
    expect(edited?.end).toEqual({ kind: 'duration', amount: 120, unit: 'days' });
    expect(await storedPresets()).toHaveLength(builtinPresets().length);
  });

  it('reorders with the buttons', async () => {
    await renderSection();

    fireEvent.click(within(presetItem('90 days')).getByRole('button', { name: 'Move 90 days up' }));
    await screen.findByText('Moved 90 days.');
    fireEvent.click(within(presetItem('No end date')).getByRole('button', { name: 'Move No end date down' }));

    const ids = (await storedPresets()).map((preset) => preset.id);
    expect(ids.slice(0, 2)).toEqual(['builtin-90-days', 'builtin-30-days']);
    expect(within(presetItem('30 days')).getByRole('button', { name: 'Move 30 days down' })).toHaveProperty('disabled', false);
    expect(within(presetItem('90 days')).getByRole('button', { name: 'Move 90 days up' })).toHaveProperty('disabled', true);
    expect(within(presetItem('No end date')).getByRole('button', { name: 'Move No end date down' })).toHaveProperty('disabled', true);
  });

  it('deletes after confirmation', async () => {
    await renderSection();

    fireEvent.click(within(presetItem('30 days')).getByRole('button', { name: 'Delete 30 days' }));
    expect(await storedPresets()).toHaveLength(builtinPresets().length);
    fireEvent.click(screen.getByRole('button', { name: 'Delete preset' }));

    await screen.findByText('Deleted 30 days.');
    expect((await storedPresets()).map((preset) => preset.id)).not.toContain('builtin-30-days');
    expect(screen.queryByRole('listitem', { name: '30 days' })).toBeNull();
  });

  it('warns when rules name it', async () => {
    await writePresetStore(withConnectionSettings(defaultPresetStore(), KEY, { defaultPresetId: 'builtin-30-days', rules: [{ id: 'r', field: 'api', match: 'id', value: 'a', presetId: 'builtin-30-days' }] }));
    await renderSection();

    fireEvent.click(within(presetItem('30 days')).getByRole('button', { name: 'Delete 30 days' }));

    expect(presetItem('30 days').textContent).toContain('Rules or connection defaults name it (2), and they are skipped until you change them.');
  });
});

describe('Preset validation', () => {
  async function openNew() {
    await renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Add preset' }));
  }

  async function saveAndExpect(message: string) {
    fireEvent.click(screen.getByRole('button', { name: 'Save preset' }));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText('Some fields are invalid. Correct them and try again.')).toBeTruthy();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  }

  it('needs a name', async () => {
    await openNew();
    fill('Preset name', '   ');
    await saveAndExpect('Enter a name for the preset.');
  });

  it('rejects a long name', async () => {
    await openNew();
    fill('Preset name', 'x'.repeat(61));
    await saveAndExpect('The name must be at most 60 characters long.');
  });

  it('rejects a name in use', async () => {
    await openNew();
    fill('Preset name', ' 1 YEAR ');
    await saveAndExpect('Another preset already has this name. Choose a name that tells them apart in the Accept menu.');
  });

  it('rejects an amount of zero', async () => {
    await openNew();
    fill('Preset name', 'Nothing');
    fill('Length', '0');
    await saveAndExpect('Enter a whole number from 1 to 5000.');
  });

  it('rejects a fractional amount', async () => {
    await openNew();
    fill('Preset name', 'Half');
    fill('Length', '1.5');
    await saveAndExpect('Enter a whole number from 1 to 5000.');
  });

  it('rejects a day of 32', async () => {
    await openNew();
    fill('Preset name', 'Dates');
    fireEvent.click(screen.getByRole('radio', { name: 'On the next of some dates in the year' }));
    fireEvent.change(within(screen.getByRole('group', { name: 'End date 2' })).getByLabelText('Day'), { target: { value: '32' } });
    await saveAndExpect('Enter a day from 1 to 31.');
  });

  it('needs an end date', async () => {
    await openNew();
    fill('Preset name', 'Dates');
    fireEvent.click(screen.getByRole('radio', { name: 'On the next of some dates in the year' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove end date 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove end date 1' }));
    await saveAndExpect('Add at least one end date, or choose another kind of end.');
  });

  it('hides the preview while invalid', async () => {
    await openNew();
    fill('Preset name', 'Valid');
    expect(screen.getByText(/^Accepted now:/)).toBeTruthy();

    fill('Length', '');

    expect(screen.queryByText(/^Accepted now:/)).toBeNull();
  });
});

describe('Presets set by policy', () => {
  const managedPreset: Preset = { id: 'one-term', name: 'One term', start: 'now', end: { kind: 'duration', amount: 4, unit: 'months' } };

  it('shows managed presets locked', async () => {
    await fakeBrowser.storage.managed.set({ presets: [managedPreset] });
    const list = await renderSection();

    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('One term');
    expect(screen.getAllByText('Set by your administrator, so it cannot be changed here.').length).toBeGreaterThan(0);
    for (const name of ['Move One term up', 'Move One term down', 'Edit One term', 'Delete One term']) {
      expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    }
    expect(screen.getByRole('button', { name: 'Add preset' })).toHaveProperty('disabled', true);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('keeps the stored default under a locked default', async () => {
    await fakeBrowser.storage.managed.set({ defaultPresetId: 'builtin-90-days' });
    await writePresetStore(withConnectionSettings(defaultPresetStore(), KEY, { defaultPresetId: 'builtin-30-days', rules: [] }));
    await renderSection();

    const select = screen.getByLabelText('Default preset') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(select.value).toBe('builtin-90-days');

    // Saving a rule writes the connection's settings, and must keep the user's own default.
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    fill('Value', 'Gold*');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await screen.findByText('Rules saved.');

    expect(settingsForConnection(await readPresetStore(), KEY).defaultPresetId).toBe('builtin-30-days');
  });

  it('locks managed rules', async () => {
    await fakeBrowser.storage.managed.set({ rules: [{ id: 'students', field: 'plan', match: 'name-pattern', value: 'Student*', presetId: 'builtin-semester' }] });
    await renderSection();

    const rules = screen.getByRole('list', { name: 'Rules, first match wins' });
    expect(rules.textContent).toContain('If the plan name matches Student*: Until end of semester');
    expect(screen.getByRole('button', { name: 'Delete rule 1' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Add rule' })).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('Import a preset file')).toHaveProperty('disabled', true);
    expect(screen.getByText('Your administrator sets presets or rules by policy, so a preset file cannot be imported.')).toBeTruthy();
  });
});

describe('Connection rules', () => {
  async function addRule(value: string, preset: string, field = 'plan', match = 'name-pattern') {
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    fill('Applies to', field);
    fill('Match by', match);
    fill('Value', value);
    const select = screen.getByLabelText('Preset') as HTMLSelectElement;
    const option = within(select).getByRole('option', { name: preset }) as HTMLOptionElement;
    fireEvent.change(select, { target: { value: option.value } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await screen.findByText('Rules saved.');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save rule' })).toBeNull());
  }

  it('adds a rule for the connection', async () => {
    await renderSection();

    await addRule('Student*', '6 months');

    const stored = settingsForConnection(await readPresetStore(), KEY).rules;
    expect(stored).toEqual([{ id: expect.any(String), field: 'plan', match: 'name-pattern', value: 'Student*', presetId: 'builtin-6-months' }]);
    expect(screen.getByRole('list', { name: 'Rules, first match wins' }).textContent).toContain('If the plan name matches Student*: 6 months');
  });

  it('needs a value', async () => {
    await renderSection();
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));

    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));

    expect(await screen.findByText('Enter an id or a name pattern.')).toBeTruthy();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('reorders and deletes rules', async () => {
    await renderSection();
    await addRule('Student*', '6 months');
    await addRule('api-42', '30 days', 'api', 'id');

    fireEvent.click(screen.getByRole('button', { name: 'Move rule 2 up' }));
    await screen.findByText('Moved rule 2.');
    expect(settingsForConnection(await readPresetStore(), KEY).rules.map((rule) => rule.value)).toEqual(['api-42', 'Student*']);

    fireEvent.click(screen.getByRole('button', { name: 'Delete rule 1' }));
    await screen.findByText('Deleted rule 1.');
    expect(settingsForConnection(await readPresetStore(), KEY).rules.map((rule) => rule.value)).toEqual(['Student*']);
  });

  it('edits a rule', async () => {
    await renderSection();
    await addRule('Student*', '6 months');

    fireEvent.click(screen.getByRole('button', { name: 'Edit rule 1' }));
    fill('Value', 'Stud*');
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save rule' })).toBeNull());

    const rules = settingsForConnection(await readPresetStore(), KEY).rules;
    expect(rules).toHaveLength(1);
    expect(rules[0]!.value).toBe('Stud*');
  });

  it('stores the default preset', async () => {
    await renderSection();

    fill('Default preset', 'builtin-90-days');

    await screen.findByText('Default preset saved.');
    expect(settingsForConnection(await readPresetStore(), KEY).defaultPresetId).toBe('builtin-90-days');
  });

  it('keeps rules per connection', async () => {
    const other: Connection = { ...CONNECTION, id: 'conn-2', name: 'UiO test', managementUrl: 'https://apim-test.example.org/management' };
    await renderSection([CONNECTION, other]);
    await addRule('Student*', '6 months');

    fill('Connection', 'conn-2');

    expect(screen.getByText('No rules yet, so every request gets the default preset.')).toBeTruthy();
    expect(settingsForConnection(await readPresetStore(), presetConnectionKey(other)).rules).toEqual([]);
  });

  it('tries names against the rules', async () => {
    await renderSection();
    await addRule('Student*', '6 months');

    fill('Plan name or id', 'Student Records');
    expect(screen.getByText(/^Accept offers 6 months \(Rule 1: the plan name matches Student\*\): From Mar 10, 2026, 2:00 PM .* to Sep 10, 2026, 11:59 PM/)).toBeTruthy();

    fill('Plan name or id', 'Gold');
    expect(screen.getByText(/^Accept offers 1 year \(Default preset for this connection\)/)).toBeTruthy();
  });

  it('tries ids against the rules', async () => {
    await renderSection();
    await addRule('api-42', '30 days', 'api', 'id');

    fill('API name or id', 'api-42');

    expect(screen.getByText(/^Accept offers 30 days \(Rule 1: the API id is api-42\)/)).toBeTruthy();
  });
});

function fits(presets: Preset[]): boolean {
  try {
    encodeChunks({ presets, connections: {} }, '00000000-0000-0000-0000-000000000000');
    return true;
  } catch {
    return false;
  }
}

describe('Preset storage', () => {
  it('syncs presets but never tokens', async () => {
    await fakeBrowser.storage.local.set({ connections: [CONNECTION], tokens: { [CONNECTION.id]: 'pat-secret-123' } });
    await renderSection();

    fill('Default preset', 'builtin-90-days');
    await screen.findByText('Default preset saved.');

    const synced = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(synced)).toEqual(['presets']);
    expect(JSON.stringify(synced)).not.toContain('pat-secret-123');
    expect((await fakeBrowser.storage.local.get('tokens')).tokens).toEqual({ [CONNECTION.id]: 'pat-secret-123' });
  });

  it('reports a store too large to sync', async () => {
    // Fills storage.sync up to just below its limit, so one more preset does not fit: first with
    // large presets, then with small ones, so less room is left than the new preset needs.
    const large = (index: number): Preset => ({ id: `l${index}`, name: `Large ${index}`, start: 'now', end: { kind: 'calendar', anchors: Array.from({ length: 24 }, () => ({ month: 12, day: 31 })) } });
    const small = (index: number): Preset => ({ id: `s${index}`, name: `S${index}`, start: 'now', end: { kind: 'none' } });
    const presets: Preset[] = [];
    for (const make of [large, small]) {
      let low = 0;
      let high = 1000;
      while (low + 1 < high) {
        const middle = Math.floor((low + high) / 2);
        if (fits([...presets, ...Array.from({ length: middle }, (_, index) => make(index))])) low = middle;
        else high = middle;
      }
      presets.push(...Array.from({ length: low }, (_, index) => make(index)));
    }
    await writePresetStore({ presets, connections: {} });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await renderSection();

    fireEvent.click(screen.getByRole('button', { name: 'Add preset' }));
    fill('Preset name', 'One more');
    fireEvent.click(screen.getByRole('radio', { name: 'On the next of some dates in the year' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save preset' }));

    const message = await screen.findByText(/^The presets and rules would take \d+ KB, but the browser's sync storage holds at most \d+ KB of them, so nothing was saved\./);
    const [size, maximum] = (message.textContent?.match(/\d+/g) ?? []).map(Number);
    expect(size).toBeGreaterThan(maximum!);
    expect(await storedPresets()).toHaveLength(presets.length);
    expect(screen.getByRole('button', { name: 'Save preset' })).toHaveProperty('disabled', false);
  });

  it('reports a refused write', async () => {
    await renderSection();
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);

    fill('Default preset', 'builtin-90-days');

    expect(await screen.findByText(/^Gatekeeper could not save the presets: MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded/)).toBeTruthy();
  });

  it('follows changes from elsewhere', async () => {
    await renderSection();

    await act(async () => writePresetStore({ presets: builtinPresets().slice(0, 2), connections: {} }));

    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
  });
});
