import type { Connection } from '../gravitee/types';
import { connectionsItem, tokensItem } from '../storage';

/**
 * Stores the simulator connection that `npm start` bakes into the demo build, so a newcomer sees
 * the extension work without typing anything. Other builds have no WXT_DEMO_CONNECTION and skip it.
 * Connections the user saved are never overwritten.
 */
export async function applyDemoConnection(): Promise<void> {
  const raw: unknown = import.meta.env.WXT_DEMO_CONNECTION;
  if (typeof raw !== 'string' || raw === '') return;
  if ((await connectionsItem.getValue()).length > 0) return;

  const demo = JSON.parse(raw) as { connection: Connection; token: string };
  await tokensItem.setValue({ [demo.connection.id]: demo.token });
  await connectionsItem.setValue([demo.connection]);
}
