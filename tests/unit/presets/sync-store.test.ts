import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionsItem, tokensItem } from '@/lib/storage';
import { presetConnectionKey } from '@/lib/presets/connection-key';
import type { Preset, Rule } from '@/lib/presets/model';
import { effectivePresetSettings } from '@/lib/presets/resolve';
import { defaultPresetStore, withConnectionSettings, type PresetStore } from '@/lib/presets/store';
import { encodeChunks, PresetStoreTooLargeError, quotaBytes, SYNC_ITEM_QUOTA_BYTES } from '@/lib/presets/sync-chunks';
import { readPresetStore, watchPresetStore, writePresetStore } from '@/lib/presets/sync-store';

const connection = { id: 'conn-1', name: 'UiO', consoleUrl: 'https://apim.example.org/console/', managementUrl: 'https://apim.example.org/management', organization: 'DEFAULT' };
const rule: Rule = { id: 'r1', field: 'plan', match: 'name-pattern', value: 'Student*', presetId: 'builtin-6-months' };

function storeWithRule(): PresetStore {
  return withConnectionSettings(defaultPresetStore(), presetConnectionKey(connection), { defaultPresetId: 'builtin-90-days', rules: [rule] });
}

// About 640 bytes of JSON per preset, so 30 presets need several sync items.
function largeStore(count: number): PresetStore {
  const presets: Preset[] = Array.from({ length: count }, (_, index) => ({
    id: `course-${index}`,
    name: `Course ${index} ${'x'.repeat(40)}`,
    start: 'next-week',
    end: { kind: 'calendar', anchors: Array.from({ length: 24 }, (_unused, day) => ({ month: 1 + (day % 12), day: 1 + day })) },
  }));
  return { presets, connections: {} };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('writePresetStore', () => {
  it('writes to storage.sync', async () => {
    await writePresetStore(storeWithRule());

    const synced = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(synced)).toEqual(['presets']);
    expect(await fakeBrowser.storage.local.get('presets')).toEqual({});
    expect(await readPresetStore()).toEqual(storeWithRule());
  });

  it('splits a large store within the item quota', async () => {
    await writePresetStore(largeStore(30));

    const synced = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(synced).length).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(synced)) expect(quotaBytes(key, value), key).toBeLessThanOrEqual(SYNC_ITEM_QUOTA_BYTES);
    expect(await readPresetStore()).toEqual(largeStore(30));
  });

  it('removes slices of a larger earlier store', async () => {
    await writePresetStore(largeStore(30));
    await writePresetStore(storeWithRule());

    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual(['presets']);
    expect(await readPresetStore()).toEqual(storeWithRule());
  });

  it('rejects a store beyond the sync quota unwritten', async () => {
    await writePresetStore(storeWithRule());

    await expect(writePresetStore(largeStore(200))).rejects.toThrow(PresetStoreTooLargeError);
    expect(await readPresetStore()).toEqual(storeWithRule());
  });

  it('rejects an invalid store unwritten', async () => {
    const invalid = { presets: [{ id: 'x' }], connections: {} } as unknown as PresetStore;
    await expect(writePresetStore(invalid)).rejects.toThrow();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('never puts tokens in storage.sync', async () => {
    await connectionsItem.setValue([connection]);
    await tokensItem.setValue({ [connection.id]: 'pat-secret-0123456789' });

    await writePresetStore(storeWithRule());

    const synced = JSON.stringify(await fakeBrowser.storage.sync.get(null));
    expect(synced).not.toContain('pat-secret-0123456789');
    expect(synced).not.toContain('tokens');
    expect((await fakeBrowser.storage.local.get('tokens')).tokens).toEqual({ [connection.id]: 'pat-secret-0123456789' });
  });
});

describe('readPresetStore', () => {
  it('returns built-ins when nothing is stored', async () => {
    expect(await readPresetStore()).toEqual(defaultPresetStore());
  });

  it('moves a local store to sync once', async () => {
    await connectionsItem.setValue([connection]);
    const legacy = withConnectionSettings(defaultPresetStore(), connection.id, { defaultPresetId: null, rules: [rule] });
    await fakeBrowser.storage.local.set({ presets: legacy, presets$: { v: 1 } });

    const read = await readPresetStore();

    expect(read.connections).toEqual({ [presetConnectionKey(connection)]: { defaultPresetId: null, rules: [rule] } });
    expect(await fakeBrowser.storage.local.get(['presets', 'presets$'])).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual(['presets']);
    expect(await readPresetStore()).toEqual(read);
  });

  it('leaves an invalid local store in place', async () => {
    await fakeBrowser.storage.local.set({ presets: { presets: 'nope' } });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await readPresetStore()).toEqual(defaultPresetStore());
    expect(await fakeBrowser.storage.local.get('presets')).toEqual({ presets: { presets: 'nope' } });
  });

  it('keeps the last complete store while sync catches up', async () => {
    await writePresetStore(storeWithRule());
    const newer = encodeChunks(largeStore(30), 'arriving');
    // Only the head of another browser's larger write has arrived.
    await fakeBrowser.storage.sync.set({ presets: newer.presets });
    vi.spyOn(console, 'info').mockImplementation(() => undefined);

    expect(await readPresetStore()).toEqual(storeWithRule());
  });

  it('logs and replaces invalid stored value', async () => {
    await fakeBrowser.storage.sync.set(encodeChunks({ presets: [{ id: 'x' }], connections: {} }, 'bad'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    expect(await readPresetStore()).toEqual(defaultPresetStore());
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('stored presets are invalid at presets[0].name'));
  });
});

describe('watchPresetStore', () => {
  it('reports preset writes only', async () => {
    const listener = vi.fn();
    const stop = watchPresetStore(listener);

    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    await fakeBrowser.storage.local.set({ tokens: {} });
    expect(listener).not.toHaveBeenCalled();

    await writePresetStore(storeWithRule());
    expect(listener).toHaveBeenCalled();

    stop();
    listener.mockClear();
    await writePresetStore(defaultPresetStore());
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('effectivePresetSettings', () => {
  it('finds rules by management URL and organization', async () => {
    await connectionsItem.setValue([connection]);
    await writePresetStore(storeWithRule());

    const settings = await effectivePresetSettings(connection.id);

    expect(settings.rules).toEqual([rule]);
    expect(settings.defaultPresetId).toBe('builtin-90-days');
  });

  it('applies rules to another id of the same installation', async () => {
    // Another browser created its own id for the same Gravitee.
    await connectionsItem.setValue([{ ...connection, id: 'other-browser-id', managementUrl: `${connection.managementUrl}/` }]);
    await writePresetStore(storeWithRule());

    expect((await effectivePresetSettings('other-browser-id')).rules).toEqual([rule]);
  });

  it('lets policy replace the rules', async () => {
    await connectionsItem.setValue([connection]);
    await writePresetStore(storeWithRule());
    await fakeBrowser.storage.managed.set({ rules: [] });

    expect((await effectivePresetSettings(connection.id)).rules).toEqual([]);
  });
});
