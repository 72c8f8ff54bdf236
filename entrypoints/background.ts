import { performAction } from '@/lib/background/actions';
import { injectPanel, syncConsoleScript } from '@/lib/background/console-script';
import { renderBadge } from '@/lib/background/badge-renderer';
import { applyDemoConnection } from '@/lib/background/demo';
import { pollIfDue, pollNow, pollWithNewSettings } from '@/lib/background/poll';
import { POLL_ALARM } from '@/lib/background/schedule';
import type { BackgroundRequest } from '@/lib/messages';
import { connectionItem, preferencesItem, snapshotItem, tokenItem } from '@/lib/storage';

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
  }
}

async function refreshAfterSettingsChange() {
  await syncConsoleScript();
  await pollWithNewSettings();
}

export default defineBackground(() => {
  // Every listener is added synchronously here: a stopped MV3 worker is woken by an event only if
  // its listener was registered during the worker's first turn.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) pollNow().catch(logFailure('scheduled poll'));
  });

  browser.runtime.onMessage.addListener((message: BackgroundRequest, sender) => handleMessage(message, sender));

  browser.runtime.onInstalled.addListener((details) => {
    applyDemoConnection()
      .then(() => refreshAfterSettingsChange())
      .then(async () => {
        const configured = (await connectionItem.getValue()) !== null;
        if (details.reason === 'install' && !configured) await browser.runtime.openOptionsPage();
      })
      .catch(logFailure('install'));
  });
  browser.runtime.onStartup.addListener(() => {
    syncConsoleScript().catch(logFailure('content script registration'));
    pollIfDue().catch(logFailure('start-up poll'));
  });

  browser.permissions.onAdded.addListener(() => refreshAfterSettingsChange().catch(logFailure('permission change')));
  browser.permissions.onRemoved.addListener(() => refreshAfterSettingsChange().catch(logFailure('permission change')));
  connectionItem.watch(() => refreshAfterSettingsChange().catch(logFailure('connection change')));
  tokenItem.watch(() => pollWithNewSettings().catch(logFailure('token change')));
  preferencesItem.watch(() => pollWithNewSettings().catch(logFailure('preferences change')));

  (browser.action ?? browser.browserAction).onClicked.addListener(async () => {
    const connection = await connectionItem.getValue();
    if (connection) await browser.tabs.create({ url: connection.consoleUrl });
    else await browser.runtime.openOptionsPage();
  });

  // A worker start is also a catch-up point: redraw the badge from storage at once, then poll if
  // the last attempt is older than the interval (the alarm may have been missed during sleep).
  snapshotItem.getValue().then((snapshot) => renderBadge(snapshot)).catch(logFailure('badge redraw'));
  pollIfDue().catch(logFailure('worker start poll'));
});
