import type { Connection } from '../gravitee/types';
import { readManagedSettings, type ManagedConnection } from '../presets/managed';
import { connectionsItem } from '../storage';

/** A stable id for a policy connection, so its token and poll state survive policy reloads. */
function managedId(entry: ManagedConnection): string {
  const text = `${entry.consoleUrl}|${entry.managementUrl}|${entry.organization}`;
  // FNV-1a: short, stable and good enough to tell a handful of policy entries apart.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `managed-${hash.toString(16).padStart(8, '0')}`;
}

/**
 * Puts the connections an administrator set by policy at the top of the connection list, marked
 * managed, and drops managed ones the policy no longer lists. The user's own connections stay.
 */
export async function syncManagedConnections(): Promise<void> {
  const managed = await readManagedSettings();
  const fromPolicy: Connection[] = (managed.values.connections ?? []).map((entry) => ({
    id: managedId(entry),
    name: entry.name ?? new URL(entry.consoleUrl).host,
    consoleUrl: entry.consoleUrl,
    managementUrl: entry.managementUrl,
    organization: entry.organization,
    managed: true,
  }));

  const current = await connectionsItem.getValue();
  const policyIds = new Set(fromPolicy.map((connection) => connection.id));
  const own = current.filter((connection) => !connection.managed && !policyIds.has(connection.id));
  const next = [...fromPolicy, ...own];
  if (JSON.stringify(next) !== JSON.stringify(current)) await connectionsItem.setValue(next);
}
