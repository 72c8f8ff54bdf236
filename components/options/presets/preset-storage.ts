import type { Translate } from '@/lib/i18n';
import { readManagedSettings, type ManagedRead } from '@/lib/presets/managed';
import type { PresetStore } from '@/lib/presets/store';
import { PresetStoreTooLargeError } from '@/lib/presets/sync-chunks';
import { readPresetStore, writePresetStore } from '@/lib/presets/sync-store';

/** The data of the preset editor: the user's stored presets and rules, and the administrator's policy. */
export interface PresetData {
  store: PresetStore;
  managed: ManagedRead;
}

export async function loadPresetData(): Promise<PresetData> {
  const [store, managed] = await Promise.all([readPresetStore(), readManagedSettings()]);
  return { store, managed };
}

/**
 * Applies a change to the stored presets and writes them. Storage is read again first, so a change
 * made meanwhile in another tab or browser is kept. Returns the store as written.
 */
export async function updatePresetStore(change: (store: PresetStore) => PresetStore): Promise<PresetStore> {
  const next = change(await readPresetStore());
  await writePresetStore(next);
  return next;
}

/** Returns the sentence for a failed write: too large for sync storage, or the browser's own error. */
export function saveErrorText(error: unknown, t: Translate): string {
  if (error instanceof PresetStoreTooLargeError) {
    return t('options.presets.too-large', { size: Math.ceil(error.bytes / 1024), maximum: Math.floor(error.maximumBytes / 1024) });
  }
  return t('options.presets.save-failed', { reason: error instanceof Error ? error.message : String(error) });
}
