import { GraviteeError, toSerializedError } from '../gravitee/errors';
import type { PendingRequest, SubscriptionSummary } from '../gravitee/types';
import type { ActionResult, BackgroundRequest } from '../messages';
import { hasHostAccess, hostPattern } from '../permissions';
import { connectionItem, tokenItem } from '../storage';
import { validateValidity } from '../validity';
import { withLock } from './locks';
import { createClient, pollNow } from './poll';

type ActionMessage = Extract<BackgroundRequest, { type: 'accept' | 'reject' }>;

function failure(kind: GraviteeError['kind'], serverMessage: string): ActionResult {
  return { ok: false, error: { kind, serverMessage } };
}

async function readCurrent(client: ReturnType<typeof createClient>, request: PendingRequest): Promise<SubscriptionSummary | undefined> {
  try {
    return await client.getSubscription(request);
  } catch {
    return undefined;
  }
}

async function runAction(message: ActionMessage): Promise<ActionResult> {
  const connection = await connectionItem.getValue();
  if (!connection) return failure('bad-request', 'Gatekeeper is not connected to Gravitee; open the options first.');
  if (!(await hasHostAccess([hostPattern(connection.managementUrl)]))) {
    return failure('csrf-or-cors', `Gatekeeper has no access to ${new URL(connection.managementUrl).origin}; grant it in the options.`);
  }
  const client = createClient(connection, await tokenItem.getValue());

  try {
    let subscription: SubscriptionSummary;
    if (message.type === 'accept') {
      const validity = { startingAt: new Date(message.startingAt), endingAt: message.endingAt === null ? null : new Date(message.endingAt) };
      const problem = validateValidity(validity, new Date());
      if (problem) return failure('bad-request', `Invalid validity period: ${problem}.`);
      subscription = await client.acceptSubscription(message.request, validity, message.reason);
    } else {
      if (!message.reason.trim()) return failure('bad-request', 'A rejection needs a message to the consumer.');
      subscription = await client.rejectSubscription(message.request, message.reason.trim());
    }
    await pollNow();
    return { ok: true, subscription };
  } catch (error) {
    const serialized = toSerializedError(error);
    if (serialized.kind !== 'already-processed') return { ok: false, error: serialized };
    const current = await readCurrent(client, message.request);
    await pollNow();
    return { ok: false, error: serialized, current };
  }
}

/**
 * Accepts or rejects one subscription request. A second action on the same subscription while one
 * is in flight, from any tab or page of the extension, is refused without sending anything.
 */
export async function performAction(message: ActionMessage): Promise<ActionResult> {
  const result = await withLock(`gatekeeper-action:${message.request.subscriptionId}`, 'skip', () => runAction(message));
  return result ?? failure('bad-request', 'This request is already being handled; wait for the result.');
}
