import { toSerializedError, type SerializedGraviteeError } from '../gravitee/errors';
import type { PendingRequest, SubscriptionDetails, SubscriptionTarget } from '../gravitee/types';
import { presetDisplayName } from '../presets/builtins';
import { computeValidity } from '../presets/compute';
import { describePickReason } from '../presets/describe';
import { defaultValidityFor, effectivePresetSettings } from '../presets/resolve';
import { connectionsItem, recentDecisionsItem, snapshotItem } from '../storage';
import { createClient } from './poll';
import { userLanguage } from './language';
import { readSubscription } from './end-date';

/** What a console subscription page needs to offer Gatekeeper's controls. */
export type SubscriptionPageInfo =
  | {
      ok: true;
      target: SubscriptionTarget;
      subscription: SubscriptionDetails;
      /** The pending request as the last poll listed it; null for a request not in the user's tasks. */
      request: PendingRequest | null;
      /** The validity a one-click Accept uses, for a pending request. */
      accept: { presetName: string; reason: string; startingAt: string; endingAt: string | null } | null;
      /** End dates the presets give from today, for "Change end date". */
      endDateChoices: Array<{ presetId: string; name: string; endingAt: string | null }>;
    }
  | { ok: false; error: SerializedGraviteeError };

/**
 * Returns the request of a subscription shown on a console page, from the last poll or a recent
 * decision. The page's URL may contain an hrid (e.g. `default`), but v2 paths without the
 * organization need the environment id, which that request stores.
 */
async function knownRequest(target: SubscriptionTarget): Promise<PendingRequest | null> {
  const snapshot = await snapshotItem.getValue();
  const pending = snapshot.connections
    .find((entry) => entry.connectionId === target.connectionId)
    ?.requests.find((request) => request.subscriptionId === target.subscriptionId);
  if (pending) return pending;
  const recent = await recentDecisionsItem.getValue();
  return recent.find((entry) => entry.request.connectionId === target.connectionId && entry.request.subscriptionId === target.subscriptionId)?.request ?? null;
}

/**
 * Turns the environment segment of a console URL into the environment id: the 4.3+ console shows
 * an hrid such as `default`, and matches it case-insensitively. Keeps the segment when the list
 * cannot be read, which is right whenever the segment already is the id.
 */
async function environmentIdOf(target: SubscriptionTarget): Promise<string | null> {
  const segment = target.environmentId;
  if (!segment) return segment;
  const connection = (await connectionsItem.getValue()).find((entry) => entry.id === target.connectionId);
  if (!connection) return segment;
  try {
    const environments = await (await createClient(connection)).getEnvironments();
    const wanted = segment.toLowerCase();
    const match = environments.find((environment) => environment.id.toLowerCase() === wanted || environment.hrids.some((hrid) => hrid.toLowerCase() === wanted));
    return match?.id ?? segment;
  } catch (error) {
    console.warn(`[subscription-page] could not list the environments of connection ${connection.id}`, error);
    return segment;
  }
}

/** Reads a subscription shown on a console page and computes the Accept and end-date offers. */
export async function subscriptionPageInfo(target: SubscriptionTarget, now = new Date()): Promise<SubscriptionPageInfo> {
  const known = await knownRequest(target);
  const resolved: SubscriptionTarget = known ? { ...target, environmentId: known.environmentId } : { ...target, environmentId: await environmentIdOf(target) };

  const read = await readSubscription(resolved);
  if (!read.ok) return read;

  try {
    const language = await userLanguage();
    const settings = await effectivePresetSettings(target.connectionId);
    const pending = read.subscription.status === 'PENDING' && known !== null && known.subscriptionId === target.subscriptionId ? known : null;

    let accept = null;
    if (pending) {
      const offer = await defaultValidityFor(pending, now, settings);
      accept = {
        presetName: presetDisplayName(offer.preset, language),
        reason: describePickReason(offer.reason, language),
        startingAt: offer.validity.startingAt.toISOString(),
        endingAt: offer.validity.endingAt?.toISOString() ?? null,
      };
    }

    const endDateChoices = settings.presets.map((preset) => ({
      presetId: preset.id,
      name: presetDisplayName(preset, language),
      endingAt: computeValidity(preset, now).endingAt?.toISOString() ?? null,
    }));
    return { ok: true, target: resolved, subscription: read.subscription, request: pending, accept, endDateChoices };
  } catch (error) {
    return { ok: false, error: toSerializedError(error) };
  }
}
