import { subscriptionConsoleUrl } from '../gravitee/console-links';
import type { PendingRequest } from '../gravitee/types';
import { translator } from '../i18n';
import type { PollSnapshot } from '../messages';
import { announcedRequestsItem, preferencesItem, requestKey } from '../storage';
import { userLanguage } from './language';

const REQUEST_PREFIX = 'gatekeeper-request:';
const SUMMARY_PREFIX = 'gatekeeper-summary:';

/** Requests of the connections whose last poll succeeded: the only ones whose presence is known. */
function knownRequests(snapshot: PollSnapshot): { pending: Map<string, PendingRequest>; knownConnections: Set<string> } {
  const pending = new Map<string, PendingRequest>();
  const knownConnections = new Set<string>();
  for (const entry of snapshot.connections) {
    if (entry.status !== 'ok') continue;
    knownConnections.add(entry.connectionId);
    for (const request of entry.requests) pending.set(requestKey(request), request);
  }
  return { pending, knownConnections };
}

async function notificationsAllowed(): Promise<boolean> {
  if (!(await preferencesItem.getValue()).notifications) return false;
  return browser.permissions.contains({ permissions: ['notifications'] });
}

/**
 * Announces requests that no notification has announced yet (one notification per request, or
 * one summary when several arrive together) and withdraws notifications of requests that were
 * handled. The announced set lives in storage, so nothing is announced twice across restarts.
 * The first run after notifications are switched on announces nothing: it records what is
 * already waiting, because the user has seen those in the badge.
 */
export async function updateNotifications(snapshot: PollSnapshot, baseline = false): Promise<void> {
  if (!(await notificationsAllowed())) return;

  const { pending, knownConnections } = knownRequests(snapshot);
  const announced = { ...(await announcedRequestsItem.getValue()) };
  const configured = new Set(snapshot.connections.map((entry) => entry.connectionId));

  // Withdraw: announced requests that a successful poll no longer lists, or whose connection was removed.
  const withdrawn = new Set<string>();
  for (const [key, notificationId] of Object.entries(announced)) {
    const connectionId = key.slice(0, key.indexOf(':'));
    const gone = !configured.has(connectionId) || (knownConnections.has(connectionId) && !pending.has(key));
    if (!gone) continue;
    delete announced[key];
    withdrawn.add(notificationId);
  }
  const stillUsed = new Set(Object.values(announced));
  for (const notificationId of withdrawn) if (!stillUsed.has(notificationId)) await browser.notifications.clear(notificationId);

  const fresh = [...pending.entries()].filter(([key]) => !(key in announced));
  if (fresh.length > 0 && !baseline) {
    const t = translator(await userLanguage());
    const iconUrl = browser.runtime.getURL('/icon/128.png');
    const [firstKey, first] = fresh[0] ?? [];
    if (fresh.length === 1 && firstKey && first) {
      const notificationId = REQUEST_PREFIX + firstKey;
      await browser.notifications.create(notificationId, {
        type: 'basic',
        iconUrl,
        title: t('notification.one.title'),
        message: t('notification.one.message', { application: first.applicationName, api: first.apiName, plan: first.planName }),
      });
      announced[firstKey] = notificationId;
    } else {
      const notificationId = `${SUMMARY_PREFIX}${Date.now()}`;
      await browser.notifications.create(notificationId, {
        type: 'basic',
        iconUrl,
        title: t('notification.many.title', { count: fresh.length }),
        message: fresh.map(([, request]) => `${request.applicationName} → ${request.apiName}`).slice(0, 4).join('\n'),
      });
      for (const [key] of fresh) announced[key] = notificationId;
    }
  } else {
    for (const [key] of fresh) announced[key] = '';
  }

  await announcedRequestsItem.setValue(announced);
}

/** Opens what a clicked notification is about: the request in its console, or the first console. */
export async function openNotification(notificationId: string, snapshot: PollSnapshot): Promise<void> {
  await browser.notifications.clear(notificationId);
  if (notificationId.startsWith(REQUEST_PREFIX)) {
    const key = notificationId.slice(REQUEST_PREFIX.length);
    for (const entry of snapshot.connections) {
      const request = entry.requests.find((candidate) => requestKey(candidate) === key);
      if (request) {
        await browser.tabs.create({ url: subscriptionConsoleUrl(entry.consoleUrl, request, entry.routeStyle) });
        return;
      }
    }
  }
  const first = snapshot.connections[0];
  if (first) await browser.tabs.create({ url: first.consoleUrl });
}
