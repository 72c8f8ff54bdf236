import { performAction } from '@/lib/background/actions';
import { renderBadge } from '@/lib/background/badge-renderer';
import { changeEndDate, readSubscription } from '@/lib/background/end-date';
import { subscriptionPageInfo } from '@/lib/background/subscription-page';
import { injectPanel, syncConsoleScript } from '@/lib/background/console-script';
import { openNotification, updateNotifications } from '@/lib/background/notifications';
import { forgetCapabilities, refreshOnConsoleVersionChange } from '@/lib/background/capabilities';
import { applyDemoConnection } from '@/lib/background/demo';
import { connectDiscovered, discoverConsoleConnection } from '@/lib/background/discover';
import { isConsolePage } from '@/lib/console-page';
import { syncManagedConnections } from '@/lib/background/managed-connections';
import { pollAfterReconnect, pollConnectionNow, pollDue, pollNow, pollWithNewSettings } from '@/lib/background/poll';
import { POLL_ALARM } from '@/lib/background/schedule';
import type { BackgroundRequest } from '@/lib/messages';
import type { Connection } from '@/lib/gravitee/types';
import { connectionsItem, recentDecisionsItem, snapshotItem, type Preferences } from '@/lib/storage';

function logFailure(step: string) {
  return (error: unknown) => console.error(`[background] ${step} failed`, error);
}

async function handleMessage(message: BackgroundRequest, sender: Browser.runtime.MessageSender): Promise<unknown> {
  switch (message.type) {
    case 'get-snapshot':
      return snapshotItem.getValue();
    case 'poll-now':
      return pollNow();
    case 'accept':
    case 'reject':
      return performAction(message);
    case 'load-panel': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { ok: false };
      await injectPanel(tabId, sender.frameId ?? 0);
      return { ok: true };
    }
    case 'console-opened': {
      // An upgraded console changes its route form and API version; notice it when a tab opens.
      const connection = (await connectionsItem.getValue()).find((entry) => sender.url && isConsolePage(sender.url, entry.consoleUrl));
      if (connection) await refreshOnConsoleVersionChange(connection).catch(logFailure('version check'));
      const entry = (await snapshotItem.getValue()).connections.find((candidate) => candidate.connectionId === connection?.id);
      if (connection && entry?.status === 'error' && entry.error?.kind === 'unauthorized') await pollConnectionNow(connection.id);
      else await pollDue();
      return { ok: true };
    }
    case 'get-subscription':
      return readSubscription(message.target);
    case 'change-end-date':
      return changeEndDate(message.target, message.endingAt);
    case 'subscription-page':
      return subscriptionPageInfo(message.target);
    case 'discover-console':
      return discoverConsoleConnection(message.consoleUrl);
    case 'connect-discovered':
      return connectDiscovered(message.found);
    case 'open-options': {
      // The options page reads the prefill from its URL and opens a new connection form with it.
      const hash = message.prefill ? `#connect=${encodeURIComponent(JSON.stringify(message.prefill))}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
      return { ok: true };
    }
  }
}

/** Drops what was stored about connections the user removed: capabilities and recent decisions. */
async function forgetRemovedConnections(next: Connection[], previous: Connection[]) {
  const kept = new Set(next.map((connection) => connection.id));
  const removed = previous.filter((connection) => !kept.has(connection.id));
  if (removed.length === 0) return;
  for (const connection of removed) await forgetCapabilities(connection.id);
  const recent = await recentDecisionsItem.getValue();
  await recentDecisionsItem.setValue(recent.filter((entry) => kept.has(entry.request.connectionId)));
}

async function refreshAfterSettingsChange(changedAt = Date.now()) {
  await syncConsoleScript();
  await pollWithNewSettings(changedAt);
}

export default defineBackground(() => {
  // Every listener is added synchronously here: a stopped MV3 worker is woken by an event only if
  // its listener was registered during the worker's first turn.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) pollDue().catch(logFailure('scheduled poll'));
  });

  browser.runtime.onMessage.addListener((message: BackgroundRequest, sender) => handleMessage(message, sender));

  browser.runtime.onInstalled.addListener((details) => {
    syncManagedConnections()
      .then(() => applyDemoConnection())
      // Stored changes above reach the settings listener; this covers an install with nothing to store.
      .then(() => syncConsoleScript())
      .then(() => pollDue())
      .then(async () => {
        const configured = (await connectionsItem.getValue()).length > 0;
        if (details.reason === 'install' && !configured) await browser.runtime.openOptionsPage();
      })
      .catch(logFailure('install'));
  });
  browser.runtime.onStartup.addListener(() => {
    syncManagedConnections().catch(logFailure('managed connections'));
    syncConsoleScript().catch(logFailure('content script registration'));
    pollDue().catch(logFailure('start-up poll'));
  });

  // Catch-up points: the alarm may have been missed while the computer slept or was offline.
  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'active') pollDue().catch(logFailure('poll after idle'));
  });
  globalThis.addEventListener('online', () => pollAfterReconnect().catch(logFailure('poll after reconnect')));

  browser.permissions.onAdded.addListener(() => refreshAfterSettingsChange().catch(logFailure('permission change')));
  browser.permissions.onRemoved.addListener(() => refreshAfterSettingsChange().catch(logFailure('permission change')));
  // One listener for every settings item: the options page writes connections, tokens and
  // preferences in one call, and that must lead to one poll, not one per item.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') {
      syncManagedConnections().catch(logFailure('managed connections'));
      return;
    }
    if (area !== 'local') return;
    const connections = changes.connections as { newValue?: Connection[]; oldValue?: Connection[] } | undefined;
    const preferences = changes.preferences as { newValue?: Preferences; oldValue?: Preferences } | undefined;
    if (!connections && !changes.tokens && !preferences) return;
    const changedAt = Date.now();

    if (connections) forgetRemovedConnections(connections.newValue ?? [], connections.oldValue ?? []).catch(logFailure('forgetting a removed connection'));
    const switchedOn = preferences?.newValue?.notifications === true && preferences.oldValue?.notifications !== true;
    const baseline = switchedOn ? snapshotItem.getValue().then((snapshot) => updateNotifications(snapshot, true)) : Promise.resolve();
    baseline
      .then(async () => {
        if (connections) await refreshAfterSettingsChange(changedAt);
        else await pollWithNewSettings(changedAt);
      })
      .catch(logFailure('settings change'));
  });

  // The notifications API exists only once the optional permission is granted; a worker started
  // after the grant registers this listener.
  browser.notifications?.onClicked.addListener((notificationId) => {
    snapshotItem
      .getValue()
      .then((snapshot) => openNotification(notificationId, snapshot))
      .catch(logFailure('notification click'));
  });

  // A worker start is also a catch-up point: redraw the badge from storage at once, then poll the
  // connections that are due.
  snapshotItem.getValue().then((snapshot) => renderBadge(snapshot)).catch(logFailure('badge redraw'));
  pollDue().catch(logFailure('worker start poll'));
});
