import { hasHostAccess, hostPattern } from '../permissions';
import { connectionItem } from '../storage';

const SCRIPT_ID = 'console-panel';
const SCRIPT_FILE = 'content-scripts/console-panel.js';

/**
 * Registers the console content script for the configured console host, and removes it when the
 * connection or the host access is gone. The console origin is chosen by the user, so it cannot be
 * listed in the manifest.
 */
export async function syncConsoleScript(): Promise<void> {
  const connection = await connectionItem.getValue();
  const pattern = connection ? hostPattern(connection.consoleUrl) : null;
  const wanted = pattern !== null && (await hasHostAccess([pattern]));

  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const current = registered[0];
  if (wanted && current?.matches?.length === 1 && current.matches[0] === pattern) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!wanted || pattern === null) return;

  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: [pattern], js: [SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/** Injects the lazily loaded panel code into the tab and frame that asked for it. */
export async function injectPanel(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/panel.js'] });
}
