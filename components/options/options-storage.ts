import { storage } from '#imports';
import { connectionItem, preferencesItem, tokenItem } from '@/lib/storage';
import type { Connection } from '@/lib/gravitee/types';
import type { Preferences } from '@/lib/storage';
import type { SavedOptions } from './validate-options';

/** Reads the stored settings. The token's value stays in storage; only its presence is returned. */
export async function loadSavedOptions(): Promise<SavedOptions> {
  const [connection, token, preferences] = await Promise.all([connectionItem.getValue(), tokenItem.getValue(), preferencesItem.getValue()]);
  return { connection, hasToken: token !== null && token !== '', preferences };
}

/**
 * Stores validated settings in one write, so a watcher of the connection never reads it without
 * its token. A null `newToken` keeps the saved token.
 */
export async function storeOptions(connection: Connection, newToken: string | null, preferences: Preferences): Promise<void> {
  const values: Parameters<typeof storage.setItems>[0] = [
    { item: connectionItem, value: connection },
    { item: preferencesItem, value: preferences },
  ];
  if (newToken !== null) values.unshift({ item: tokenItem, value: newToken });
  await storage.setItems(values);
}
