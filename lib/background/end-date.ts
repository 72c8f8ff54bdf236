import { toSerializedError } from '../gravitee/errors';
import type { SubscriptionDetails, SubscriptionTarget } from '../gravitee/types';
import type { SubscriptionResult } from '../messages';
import { hasHostAccess, hostPattern } from '../permissions';
import { connectionsItem, recentDecisionsItem } from '../storage';
import { withLock } from './locks';
import { createClient } from './poll';

async function clientFor(target: SubscriptionTarget) {
  const connection = (await connectionsItem.getValue()).find((entry) => entry.id === target.connectionId);
  if (!connection) return { error: 'The connection of this subscription was removed in the options.', refusal: 'connection-removed' } as const;
  if (!(await hasHostAccess([hostPattern(connection.managementUrl)]))) {
    return { error: `Gatekeeper has no access to ${new URL(connection.managementUrl).origin}; grant it in the options.`, refusal: 'no-host-access' } as const;
  }
  return { client: await createClient(connection) } as const;
}

/** Reads a subscription with its plan, for the end-date dialog. */
export async function readSubscription(target: SubscriptionTarget): Promise<SubscriptionResult> {
  const found = await clientFor(target);
  if ('error' in found) return { ok: false, error: { kind: 'bad-request', serverMessage: found.error, localRefusal: found.refusal } };
  try {
    return { ok: true, subscription: await found.client.getSubscriptionDetails(target) };
  } catch (error) {
    return { ok: false, error: toSerializedError(error) };
  }
}

/**
 * Changes the end date of an accepted subscription, or removes it (null). Gravitee checks no
 * dates, so an end that is not in the future, or not after the start, is refused here.
 */
export async function changeEndDate(target: SubscriptionTarget, endingAtIso: string | null): Promise<SubscriptionResult> {
  const found = await clientFor(target);
  if ('error' in found) return { ok: false, error: { kind: 'bad-request', serverMessage: found.error, localRefusal: found.refusal } };

  const endingAt = endingAtIso === null ? null : new Date(endingAtIso);
  if (endingAt !== null && Number.isNaN(endingAt.getTime())) return { ok: false, error: { kind: 'bad-request', serverMessage: `Invalid end date: ${endingAtIso}.` } };
  if (endingAt !== null && endingAt.getTime() <= Date.now()) return { ok: false, error: { kind: 'bad-request', serverMessage: 'The new end date must be in the future.', localRefusal: 'end-not-in-future' } };

  const result = await withLock(`gatekeeper-action:${target.connectionId}:${target.subscriptionId}`, 'skip', async (): Promise<SubscriptionResult> => {
    try {
      const current = await found.client.getSubscriptionDetails(target);
      if (endingAt !== null && current.startingAt !== null && endingAt.getTime() <= Date.parse(current.startingAt)) {
        return { ok: false, error: { kind: 'bad-request', serverMessage: 'The new end date must be after the start of the subscription.', localRefusal: 'end-before-start' } };
      }
      const subscription = await found.client.changeEndDate(target, endingAt);
      await recordChange(target, subscription);
      return { ok: true, subscription };
    } catch (error) {
      return { ok: false, error: toSerializedError(error) };
    }
  });
  return result ?? { ok: false, error: { kind: 'bad-request', serverMessage: 'This subscription is already being changed in another tab or window.', localRefusal: 'in-progress-elsewhere' } };
}

/** Updates the recent decision of this subscription, so the panel shows the new end date. */
async function recordChange(target: SubscriptionTarget, subscription: SubscriptionDetails): Promise<void> {
  const recent = await recentDecisionsItem.getValue();
  const next = recent.map((entry) =>
    entry.request.connectionId === target.connectionId && entry.request.subscriptionId === target.subscriptionId ? { ...entry, subscription } : entry,
  );
  await recentDecisionsItem.setValue(next);
}
