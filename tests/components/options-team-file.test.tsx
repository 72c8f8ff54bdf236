import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PresetsSection } from '@/components/options/presets/PresetsSection';
import type { Connection } from '@/lib/gravitee/types';
import { translator } from '@/lib/i18n';
import { builtinPresets } from '@/lib/presets/builtins';
import { presetConnectionKey } from '@/lib/presets/connection-key';
import type { Rule } from '@/lib/presets/model';
import { defaultPresetStore, settingsForConnection, withConnectionSettings } from '@/lib/presets/store';
import { readPresetStore, writePresetStore } from '@/lib/presets/sync-store';
import { parseTeamFile } from '@/lib/presets/team-file';
import { fixedClock } from './fixtures';

const CONNECTION: Connection = { id: 'conn-1', name: 'UiO', consoleUrl: 'https://apim.example.org/console/', managementUrl: 'https://apim.example.org/management', organization: 'DEFAULT' };
const KEY = presetConnectionKey(CONNECTION);
const RULE: Rule = { id: 'students', field: 'plan', match: 'name-pattern', value: 'Student*', presetId: 'builtin-semester' };

const GOOD_FILE = {
  format: 'gatekeeper-presets',
  version: 1,
  presets: [
    { id: 'course', name: 'Course, 10 weeks', start: 'next-week', end: { kind: 'duration', amount: 10, unit: 'weeks' } },
    { id: 'builtin-30-days', name: 'Month', start: 'now', end: { kind: 'duration', amount: 1, unit: 'months' } },
  ],
  rules: [{ id: 'course-api', field: 'api', match: 'id', value: 'api-42', presetId: 'course' }],
  defaultPresetId: 'course',
};

async function renderSection() {
  render(<PresetsSection t={translator('en')} language="en" connections={[CONNECTION]} now={fixedClock} />);
  await screen.findByRole('list', { name: 'Presets, in the order the Accept menu shows them' });
}

function chooseFile(text: string, name = 'team.json') {
  const input = screen.getByLabelText('Import a preset file') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('Team file export', () => {
  it('downloads presets and the connection rules', async () => {
    await fakeBrowser.storage.local.set({ tokens: { [CONNECTION.id]: 'pat-secret-123' } });
    await writePresetStore(withConnectionSettings(defaultPresetStore(), KEY, { defaultPresetId: 'builtin-90-days', rules: [RULE] }));
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:gatekeeper-test';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderSection();

    fireEvent.click(screen.getByRole('button', { name: 'Export presets and rules' }));

    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('gatekeeper-presets.json');
    const text = await blobs[0]!.text();
    const parsed = parseTeamFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.presets).toEqual(builtinPresets());
    expect(parsed.file.rules).toEqual([RULE]);
    expect(parsed.file.defaultPresetId).toBe('builtin-90-days');
    expect(text).not.toContain('pat-secret-123');
    expect(text).not.toContain(CONNECTION.managementUrl);
  });
});

describe('Team file import', () => {
  async function expectRejected(text: string, problems: string[]) {
    await renderSection();
    chooseFile(text, 'broken.json');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing from broken.json was imported, because the file has these problems:');
    const listed = within(alert).getAllByRole('listitem').map((item) => item.textContent);
    expect(listed).toEqual(problems);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  }

  it('rejects text that is not JSON', async () => {
    await renderSection();
    chooseFile('{"format": "gatekeeper-presets",', 'broken.json');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/The file is not valid JSON \(.+\)\. Export it again from Gatekeeper, or fix the syntax\./);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('rejects another kind of file', async () => {
    await expectRejected(JSON.stringify({ format: 'something-else', version: 1 }), [
      'format: this is not a Gatekeeper preset file, because "format" is not "gatekeeper-presets". Choose a file exported by Gatekeeper.',
    ]);
  });

  it('lists every field problem', async () => {
    const file = structuredClone(GOOD_FILE) as Record<string, unknown> & { presets: Array<Record<string, unknown>> };
    (file.presets[0]!.end as Record<string, unknown>).amount = 0;
    file.presets[1]!.token = 'pat-from-a-colleague';
    await expectRejected(JSON.stringify(file), ['presets[0].end.amount must be at least 1.', 'presets[1].token is an unknown field. Remove it.']);
  });

  it('rejects a rule naming a missing preset', async () => {
    const file = { ...GOOD_FILE, rules: [{ ...GOOD_FILE.rules[0], presetId: 'gone' }] };
    await expectRejected(JSON.stringify(file), ['rules[0].presetId names the preset "gone", which is not in the file. Add that preset or change the id.']);
  });

  it('leaves stored presets untouched', async () => {
    await writePresetStore(withConnectionSettings(defaultPresetStore(), KEY, { defaultPresetId: null, rules: [RULE] }));
    const before = await readPresetStore();
    await renderSection();

    chooseFile(JSON.stringify({ ...GOOD_FILE, version: 2 }), 'newer.json');

    expect((await screen.findByRole('alert')).textContent).toContain('version: the file has version 2, which a newer Gatekeeper wrote. Update Gatekeeper, then import it again.');
    expect(await readPresetStore()).toEqual(before);
  });

  it('summarizes a good file before applying', async () => {
    await renderSection();

    chooseFile(JSON.stringify(GOOD_FILE));

    const summary = await screen.findByRole('group', { name: 'Import a preset file' });
    expect(summary.textContent).toContain('team.json contains 2 presets and 1 rule.');
    expect(summary.textContent).toContain('It sets the default preset to Course, 10 weeks.');
    expect(summary.textContent).toContain('Importing replaces presets with the same id, adds the others, and replaces the rules of UiO.');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('applies a good file for the connection', async () => {
    await renderSection();
    chooseFile(JSON.stringify(GOOD_FILE));

    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));

    expect(await screen.findByText('Imported 2 presets and 1 rule from team.json.')).toBeTruthy();
    const store = await readPresetStore();
    expect(store.presets.map((preset) => preset.id)).toEqual([...builtinPresets().map((preset) => preset.id), 'course']);
    expect(store.presets.find((preset) => preset.id === 'builtin-30-days')?.name).toBe('Month');
    expect(settingsForConnection(store, KEY)).toEqual({ presets: store.presets, defaultPresetId: 'course', rules: GOOD_FILE.rules });
    await waitFor(() => expect(screen.getByRole('listitem', { name: 'Course, 10 weeks' })).toBeTruthy());
  });

  it('cancels without applying', async () => {
    await renderSection();
    chooseFile(JSON.stringify(GOOD_FILE));

    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('rejects a default under a locked default', async () => {
    await fakeBrowser.storage.managed.set({ defaultPresetId: 'builtin-90-days' });
    await renderSection();

    chooseFile(JSON.stringify(GOOD_FILE), 'team.json');

    expect((await screen.findByRole('alert')).textContent).toContain('Your administrator sets the default preset by policy, and this file sets one too, so nothing was imported.');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});
