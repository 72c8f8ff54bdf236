import { hasHostAccess, hostPattern } from '../permissions';
import { connectionsItem } from '../storage';

const SCRIPT_ID = 'console-panel';
const SCRIPT_FILE = 'content-scripts/console-panel.js';

/**
 * Registers the console content script for every host the extension may reach: the console hosts
 * of the connections, and any other granted host, where the script looks for an unconfigured
 * Gravitee console to offer a connection. It removes the script when no host is left. Console
 * origins are the user's choice, so they cannot be listed in the manifest.
 */
export async function syncConsoleScript(): Promise<void> {
  const connections = await connectionsItem.getValue();
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const patterns = [...new Set([...connections.map((connection) => hostPattern(connection.consoleUrl)), ...granted.filter((origin) => /^https?:\/\//.test(origin))])];
  const reachable: string[] = [];
  for (const pattern of patterns) if (await hasHostAccess([pattern])) reachable.push(pattern);
  const grantedPatterns = reachable.sort();

  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const current = registered[0];
  const currentMatches = [...(current?.matches ?? [])].sort();
  if (current && currentMatches.join(' ') === grantedPatterns.join(' ')) return;
  if (current) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (grantedPatterns.length === 0) return;

  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: grantedPatterns, js: [SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
  ]);

  // A registered script only runs on pages loaded afterwards; console tabs already open get it now.
  const added = grantedPatterns.filter((pattern) => !currentMatches.includes(pattern));
  if (added.length > 0) await injectIntoOpenTabs(added);
}

/** Runs the console script in open tabs of the given hosts; it exits at once on non-console pages. */
async function injectIntoOpenTabs(patterns: string[]): Promise<void> {
  const tabs = await browser.tabs.query({ url: patterns });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${SCRIPT_FILE}`] });
      } catch (error) {
        // A tab may close or navigate to an error page meanwhile; the registration covers its next load.
        console.warn(`[console-panel] could not inject into tab ${tab.id}`, error);
      }
    }),
  );
}

/** Injects the lazily loaded panel code into the tab and frame that asked for it. */
export async function injectPanel(tabId: number, frameId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/panel.js'] });
}
