import { sendToBackground } from './messages';
import { snapshotItem } from './storage';
import type { RequestTransport } from './transport';

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
};
