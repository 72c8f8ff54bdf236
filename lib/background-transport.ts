import { sendToBackground } from './messages';
import { effectivePresetSettings } from './presets/resolve';
import { watchPresetStore } from './presets/sync-store';
import { inFlightActionsItem, recentDecisionsItem, snapshotItem } from './storage';
import type { InFlightActions, RequestTransport } from './transport';

/**
 * Calls listener with an item's current value and then with every change. A change can arrive
 * before the first read resolves, and the change is newer, so the read must not overwrite it.
 */
function watchWithInitial<T>(item: { getValue(): Promise<T>; watch(callback: (value: T) => void): () => void }, what: string, listener: (value: T) => void): () => void {
  let active = true;
  let changed = false;
  const unwatch = item.watch((value) => {
    changed = true;
    if (active) listener(value);
  });
  item.getValue().then(
    (value) => {
      if (active && !changed) listener(value);
    },
    (error: unknown) => console.warn(`[transport] could not read the ${what}`, error),
  );
  return () => {
    active = false;
    unwatch();
  };
}

function watchInFlight(listener: (actions: InFlightActions) => void): () => void {
  return watchWithInitial(inFlightActionsItem, 'actions in flight', listener);
}

/**
 * The RequestTransport of extension contexts: requests go to the background worker, and presets
 * and recent decisions are read from extension storage, which content scripts may read too.
 */
export const backgroundTransport: RequestTransport = {
  getSnapshot: () => sendToBackground({ type: 'get-snapshot' }),
  pollNow: () => sendToBackground({ type: 'poll-now' }),
  accept: (request, validity, reason) =>
    sendToBackground({
      type: 'accept',
      request,
      startingAt: validity.startingAt.toISOString(),
      endingAt: validity.endingAt === null ? null : validity.endingAt.toISOString(),
      reason,
    }),
  reject: (request, reason) => sendToBackground({ type: 'reject', request, reason }),
  subscribe: (listener) => snapshotItem.watch((snapshot) => listener(snapshot)),
  watchInFlight,
  presetSettings: (connectionId) => effectivePresetSettings(connectionId),
  watchPresets: (listener) => watchPresetStore(listener),
  watchRecentDecisions: (listener) => watchWithInitial(recentDecisionsItem, 'recent decisions', listener),
  getSubscription: (target) => sendToBackground({ type: 'get-subscription', target }),
  changeEndDate: (target, endingAt) =>
    sendToBackground({ type: 'change-end-date', target, endingAt: endingAt === null ? null : endingAt.toISOString() }),
};
