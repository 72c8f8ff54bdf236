import type { Connection } from '../gravitee/types';
import { connectionItem, tokenItem } from '../storage';

/**
 * Stores the simulator connection that `npm start` bakes into the demo build, so a newcomer sees
 * the extension work without typing anything. Other builds have no WXT_DEMO_CONNECTION and skip it.
 * A connection the user saved is never overwritten.
 */
export async function applyDemoConnection(): Promise<void> {
  const raw: unknown = import.meta.env.WXT_DEMO_CONNECTION;
  if (typeof raw !== 'string' || raw === '') return;
  if (await connectionItem.getValue()) return;

  const demo = JSON.parse(raw) as { connection: Connection; token: string };
  await tokenItem.setValue(demo.token);
  await connectionItem.setValue(demo.connection);
}
