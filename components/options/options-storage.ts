import { storage } from '#imports';
import type { Connection } from '@/lib/gravitee/types';
import { connectionsItem, preferencesItem, tokensItem, type Preferences } from '@/lib/storage';
import type { TokenChange } from './validate-connection';

/** Settings as the options page shows them. Token values stay in storage, and only their presence is loaded. */
export interface SavedOptions {
  connections: Connection[];
  /** Ids of the connections with a stored token. */
  tokenIds: ReadonlySet<string>;
  preferences: Preferences;
}

function tokenIdsOf(tokens: Record<string, string>): ReadonlySet<string> {
  return new Set(Object.entries(tokens).flatMap(([id, token]) => (token ? [id] : [])));
}

/** Reads the stored connections, which of them have a token, and the preferences. */
export async function loadSavedOptions(): Promise<SavedOptions> {
  const [connections, tokens, preferences] = await Promise.all([connectionsItem.getValue(), tokensItem.getValue(), preferencesItem.getValue()]);
  return { connections, tokenIds: tokenIdsOf(tokens), preferences };
}

/** Writes connections and tokens in one storage write, so a watcher never reads a connection without its token. */
async function writeConnections(connections: Connection[], tokens: Record<string, string>): Promise<Pick<SavedOptions, 'connections' | 'tokenIds'>> {
  await storage.setItems([
    { item: tokensItem, value: tokens },
    { item: connectionsItem, value: connections },
  ]);
  return { connections, tokenIds: tokenIdsOf(tokens) };
}

/**
 * Adds the connection, or replaces the stored one with the same id in place, and applies the
 * token change. Reads storage again first, so a change made in another options tab is kept.
 */
export async function storeConnection(connection: Connection, token: TokenChange): Promise<Pick<SavedOptions, 'connections' | 'tokenIds'>> {
  const [connections, tokens] = await Promise.all([connectionsItem.getValue(), tokensItem.getValue()]);
  const index = connections.findIndex((entry) => entry.id === connection.id);
  const nextConnections = [...connections];
  if (index === -1) nextConnections.push(connection);
  else nextConnections[index] = connection;

  const nextTokens = { ...tokens };
  if (token.kind === 'replace') nextTokens[connection.id] = token.token;
  if (token.kind === 'remove') delete nextTokens[connection.id];
  return writeConnections(nextConnections, nextTokens);
}

/** Removes the connection and deletes its token. */
export async function removeConnection(id: string): Promise<Pick<SavedOptions, 'connections' | 'tokenIds'>> {
  const [connections, tokens] = await Promise.all([connectionsItem.getValue(), tokensItem.getValue()]);
  const nextTokens = { ...tokens };
  delete nextTokens[id];
  return writeConnections(
    connections.filter((entry) => entry.id !== id),
    nextTokens,
  );
}

/** Returns the stored token of a connection for Test connection, or null when it has none. */
export async function savedToken(id: string): Promise<string | null> {
  return (await tokensItem.getValue())[id] || null;
}

/** Stores the language and poll interval, keeping the stored notification choice. */
export async function storePreferences(language: Preferences['language'], pollSeconds: number): Promise<Preferences> {
  const next = { ...(await preferencesItem.getValue()), language, pollSeconds };
  await preferencesItem.setValue(next);
  return next;
}

/** Stores the notification choice alone, keeping the stored language and poll interval. */
export async function storeNotifications(notifications: boolean): Promise<Preferences> {
  const next = { ...(await preferencesItem.getValue()), notifications };
  await preferencesItem.setValue(next);
  return next;
}
