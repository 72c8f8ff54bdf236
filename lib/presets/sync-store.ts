import { storage } from '#imports';
import { browser } from 'wxt/browser';
import { connectionsItem } from '../storage';
import { presetConnectionKey } from './connection-key';
import { createId } from './model';
import { formatPath } from './problems';
import { chunkKey, decodeChunks, encodeChunks, isPresetChunkKey, MAX_PRESET_CHUNKS, PRESET_SYNC_KEY } from './sync-chunks';
import { defaultPresetStore, presetStoreSchema, type PresetStore } from './store';

// The preset store lives in storage.sync, so presets and rules follow the user to every browser
// signed in to the same account. Tokens and connections stay in storage.local (lib/storage.ts):
// nothing in the store names a token, and its schema rejects unknown fields.

interface CachedStore {
  revision: string;
  store: PresetStore;
}

/**
 * The last complete store read from or written to storage.sync in this browser. It is used while
 * a write from another browser has only partly arrived, so the user's own presets stay in force
 * instead of the built-ins.
 */
const lastCompleteStoreItem = storage.defineItem<CachedStore | null>('local:presetStoreCache', { fallback: null });

/** Key of the preset store before it moved to storage.sync. readPresetStore copies it over once. */
const LEGACY_LOCAL_KEY = 'presets';

/**
 * Reads the stored presets and rules. When storage.sync has none yet, a store left in
 * storage.local by an older version is copied over once. A stored value that fails the schema is
 * logged and left unchanged in storage, and the last complete store or the default store is
 * returned in its place, so nothing is lost.
 */
export async function readPresetStore(): Promise<PresetStore> {
  const decoded = decodeChunks(await browser.storage.sync.get(chunkKeys()));

  if (decoded.kind === 'empty') return (await migrateLegacyStore()) ?? defaultPresetStore();
  if (decoded.kind === 'incomplete') {
    console.info(`[presets] revision ${decoded.revision} of the presets has not fully synced yet, so the last complete one is used`);
    return lastCompleteStore();
  }
  if (decoded.kind === 'invalid') {
    console.warn(`[presets] stored presets are unreadable: ${decoded.reason}, so the last complete presets are used`);
    return lastCompleteStore();
  }

  const parsed = presetStoreSchema.safeParse(decoded.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? formatPath(first.path) || '(root)' : '(unknown)';
    console.warn(`[presets] stored presets are invalid at ${where} (${parsed.error.issues.length} problems), so the last complete presets are used`);
    return lastCompleteStore();
  }

  const cached = await lastCompleteStoreItem.getValue();
  if (cached?.revision !== decoded.revision) await lastCompleteStoreItem.setValue({ revision: decoded.revision, store: parsed.data });
  return parsed.data;
}

/**
 * Writes the store to storage.sync in one set call, then removes slices a larger earlier store
 * left behind. Raises PresetStoreTooLargeError before writing when the store does not fit, and
 * passes on the browser's error when storage.sync refuses the write (quota or write rate).
 */
export async function writePresetStore(store: PresetStore): Promise<void> {
  const checked = presetStoreSchema.parse(store);
  const revision = createId();
  const items = encodeChunks(checked, revision);
  await browser.storage.sync.set(items);

  const stale = Object.keys(await browser.storage.sync.get(chunkKeys())).filter((key) => isPresetChunkKey(key) && !(key in items));
  if (stale.length > 0) await browser.storage.sync.remove(stale);
  await lastCompleteStoreItem.setValue({ revision, store: checked });
}

/**
 * Calls listener whenever the stored presets change, in this browser or through sync, or when
 * the administrator's policy changes. Returns a function that stops watching.
 */
export function watchPresetStore(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'sync' && Object.keys(changes).some(isPresetChunkKey))) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

function chunkKeys(): string[] {
  return Array.from({ length: MAX_PRESET_CHUNKS }, (_, index) => chunkKey(index));
}

async function lastCompleteStore(): Promise<PresetStore> {
  return (await lastCompleteStoreItem.getValue())?.store ?? defaultPresetStore();
}

/**
 * Copies a store from storage.local (`local:presets`, versions before sync) into storage.sync and
 * removes the local copy. Connection entries keyed by a connection id are re-keyed by
 * presetConnectionKey. An invalid local store is logged and left in place, and null is returned.
 */
async function migrateLegacyStore(): Promise<PresetStore | null> {
  const legacy: unknown = (await browser.storage.local.get(LEGACY_LOCAL_KEY))[LEGACY_LOCAL_KEY];
  if (legacy === undefined) return null;

  const parsed = presetStoreSchema.safeParse(legacy);
  if (!parsed.success) {
    console.warn(`[presets] the presets in storage.local are invalid (${parsed.error.issues.length} problems), so they were not moved to storage.sync`);
    return null;
  }

  const connections = await connectionsItem.getValue();
  const keys = new Map(connections.map((connection) => [connection.id, presetConnectionKey(connection)]));
  const rekeyed: PresetStore = {
    presets: parsed.data.presets,
    connections: Object.fromEntries(Object.entries(parsed.data.connections).map(([key, settings]) => [keys.get(key) ?? key, settings])),
  };

  await writePresetStore(rekeyed);
  // WXT's versioned item kept its version under `presets$`.
  await browser.storage.local.remove([LEGACY_LOCAL_KEY, `${LEGACY_LOCAL_KEY}$`]);
  console.info(`[presets] moved the presets from storage.local to storage.sync (key ${PRESET_SYNC_KEY})`);
  return rekeyed;
}
