import { toSerializedError, type GraviteeErrorKind, type LocalRefusal } from '../gravitee/errors';
import type { GraviteeClient } from '../gravitee/client';
import type { PendingRequest, SubscriptionSummary } from '../gravitee/types';
import type { ActionResult, BackgroundRequest } from '../messages';
import { hasHostAccess, hostPattern } from '../permissions';
import { connectionsItem, inFlightActionsItem, MAX_RECENT_DECISIONS, recentDecisionsItem, requestKey } from '../storage';
import { validateValidity } from '../validity';
import { withLock } from './locks';
import { createClient, pollNow } from './poll';

type ActionMessage = Extract<BackgroundRequest, { type: 'accept' | 'reject' }>;

/** Failures after which Gravitee may still have applied the decision. */
const ANSWER_MAY_BE_LOST: ReadonlySet<GraviteeErrorKind> = new Set(['timeout', 'network', 'server']);

function failure(kind: GraviteeErrorKind, serverMessage: string, localRefusal: LocalRefusal): ActionResult {
  return { ok: false, error: { kind, serverMessage, localRefusal } };
}

async function readCurrent(client: GraviteeClient, request: PendingRequest): Promise<SubscriptionSummary | undefined> {
  try {
    return await client.getSubscription(request);
  } catch {
    return undefined;
  }
}

async function markInFlight(key: string, type: 'accept' | 'reject' | null): Promise<void> {
  const current = await inFlightActionsItem.getValue();
  const next = { ...current };
  if (type) next[key] = { type, since: Date.now() };
  else delete next[key];
  await inFlightActionsItem.setValue(next);
}

async function send(message: ActionMessage): Promise<ActionResult> {
  const connection = (await connectionsItem.getValue()).find((entry) => entry.id === message.request.connectionId);
  if (!connection) return failure('bad-request', 'The connection of this request was removed in the options; refresh the list.', 'connection-removed');
  if (!(await hasHostAccess([hostPattern(connection.managementUrl)]))) {
    return failure('csrf-or-cors', `Gatekeeper has no access to ${new URL(connection.managementUrl).origin}; grant it in the options.`, 'no-host-access');
  }
  const client = await createClient(connection);

  try {
    let subscription: SubscriptionSummary;
    if (message.type === 'accept') {
      const validity = { startingAt: new Date(message.startingAt), endingAt: message.endingAt === null ? null : new Date(message.endingAt) };
      const problem = validateValidity(validity, new Date());
      if (problem) return failure('bad-request', `Invalid validity period: ${problem}.`, 'invalid-validity');
      subscription = await client.acceptSubscription(message.request, validity, message.reason);
    } else {
      if (!message.reason.trim()) return failure('bad-request', 'A rejection needs a message to the consumer.', 'reason-required');
      subscription = await client.rejectSubscription(message.request, message.reason.trim());
    }
    return { ok: true, subscription };
  } catch (error) {
    const serialized = toSerializedError(error);
    if (serialized.kind === 'already-processed') return { ok: false, error: serialized, current: await readCurrent(client, message.request) };
    if (!ANSWER_MAY_BE_LOST.has(serialized.kind)) return { ok: false, error: serialized };

    // The request may have reached Gravitee although its response was lost, so read the
    // subscription back, so a decision that was applied is reported as done and not sent again.
    const current = await readCurrent(client, message.request);
    const applied = current?.status === (message.type === 'accept' ? 'ACCEPTED' : 'REJECTED');
    if (current && applied) return { ok: true, subscription: current };
    return { ok: false, error: serialized };
  }
}

async function rememberDecision(message: ActionMessage, subscription: SubscriptionSummary): Promise<void> {
  const recent = await recentDecisionsItem.getValue();
  const others = recent.filter((entry) => requestKey(entry.request) !== requestKey(message.request));
  const entry = { request: message.request, decision: message.type, at: Date.now(), subscription };
  await recentDecisionsItem.setValue([entry, ...others].slice(0, MAX_RECENT_DECISIONS));
}

/**
 * Accepts or rejects one subscription request, then polls so every view drops it. A second
 * action on the same request while one is in flight, from any tab, panel or popup, is rejected
 * without sending anything. The in-flight mark in storage lets the other views show that.
 */
export async function performAction(message: ActionMessage): Promise<ActionResult> {
  const key = requestKey(message.request);
  const result = await withLock(`gatekeeper-action:${key}`, 'skip', async () => {
    await markInFlight(key, message.type);
    try {
      return await send(message);
    } finally {
      await markInFlight(key, null);
    }
  });
  if (!result) {
    return { ok: false, error: { kind: 'bad-request', serverMessage: 'This request is already being handled in another tab or window.', localRefusal: 'in-progress-elsewhere' }, inProgressElsewhere: true };
  }

  if (result.ok) await rememberDecision(message, result.subscription);
  await pollNow().catch((error: unknown) => console.error('[actions] poll after action failed', error));
  return result;
}
