import { sendToBackground } from './messages';
import { inFlightActionsItem, snapshotItem } from './storage';
import type { InFlightActions, RequestTransport } from './transport';

function watchInFlight(listener: (actions: InFlightActions) => void): () => void {
  let active = true;
  // A change can arrive before the first read resolves. The change is newer, so the read must not overwrite it.
  let changed = false;
  const unwatch = inFlightActionsItem.watch((actions) => {
    changed = true;
    if (active) listener(actions);
  });
  inFlightActionsItem.getValue().then(
    (actions) => {
      if (active && !changed) listener(actions);
    },
    (error: unknown) => console.warn('[transport] could not read the actions in flight', error),
  );
  return () => {
    active = false;
    unwatch();
  };
}

/** The RequestTransport of extension contexts: requests go to the background worker. */
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
};
