import type { Connection } from '../gravitee/types';
import type { ConnectionSnapshot, PollSnapshot } from '../messages';
import { connectionsItem, emptyConnectionSnapshot, snapshotItem } from '../storage';
import { canShareConsoleSession } from '../site';
import { withLock } from './locks';

/** Orders snapshots like the connections, drops removed connections and adds new ones. */
function align(connections: Connection[], snapshot: PollSnapshot): PollSnapshot {
  const byId = new Map(snapshot.connections.map((entry) => [entry.connectionId, entry]));
  return {
    connections: connections.map((connection) => {
      const entry = byId.get(connection.id) ?? emptyConnectionSnapshot(connection);
      return {
        ...entry,
        connectionName: connection.name,
        consoleUrl: connection.consoleUrl,
        sessionShareable: canShareConsoleSession(connection.consoleUrl, connection.managementUrl),
      };
    }),
  };
}

/**
 * Replaces one connection's snapshot. Polls of several connections can finish together, so the
 * read-modify-write runs under a lock and no update overwrites another.
 */
export async function updateConnectionSnapshot(
  connection: Connection,
  update: (previous: ConnectionSnapshot) => ConnectionSnapshot,
): Promise<PollSnapshot> {
  const result = await withLock('gatekeeper-snapshot-write', 'wait', async () => {
    const connections = await connectionsItem.getValue();
    const current = align(connections, await snapshotItem.getValue());
    const next = {
      connections: current.connections.map((entry) => (entry.connectionId === connection.id ? update(entry) : entry)),
    };
    await snapshotItem.setValue(next);
    return next;
  });
  return result ?? snapshotItem.getValue();
}

/** Makes the stored snapshot list the configured connections, after the user changed them. */
export async function alignSnapshot(): Promise<PollSnapshot> {
  const result = await withLock('gatekeeper-snapshot-write', 'wait', async () => {
    const next = align(await connectionsItem.getValue(), await snapshotItem.getValue());
    await snapshotItem.setValue(next);
    return next;
  });
  return result ?? snapshotItem.getValue();
}
