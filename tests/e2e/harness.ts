import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { startSimulator } from '../../simulator/server.ts';
import { launchExtension, waitFor, type ExtensionBrowser } from './browser.ts';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface ConnectionInput {
  id: string;
  name: string;
  consoleUrl: string;
  managementUrl: string;
  organization?: string;
  token?: string;
}

/**
 * An extension page used to talk to the background worker and to storage, the way the options
 * page and the panel do.
 */
export class ControlPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  static async open(browser: ExtensionBrowser): Promise<ControlPage> {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return new ControlPage(page);
  }

  /** Stores connections and tokens in one write, as the options page does. */
  async configure(connections: ConnectionInput[]): Promise<void> {
    const stored = connections.map(({ token: _token, organization, ...rest }) => ({ ...rest, organization: organization ?? 'DEFAULT' }));
    const tokens = Object.fromEntries(connections.filter((entry) => entry.token).map((entry) => [entry.id, entry.token]));
    await this.page.evaluate(async ([connectionsValue, tokensValue]) => {
      await chrome.storage.local.set({ connections: connectionsValue, tokens: tokensValue });
    }, [stored, tokens] as const);
  }

  async send<T>(message: Record<string, unknown>): Promise<T> {
    return this.page.evaluate((value) => chrome.runtime.sendMessage(value), message) as Promise<T>;
  }

  async pollNow(): Promise<Snapshot> {
    return this.send<Snapshot>({ type: 'poll-now' });
  }

  async storage<T>(key: string): Promise<T | undefined> {
    return this.page.evaluate(async (name) => (await chrome.storage.local.get(name))[name], key) as Promise<T | undefined>;
  }

  /** Stops every service worker of the profile, as Chrome does with an idle extension worker. */
  async stopServiceWorker(): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }
}

export interface ConnectionSnapshot {
  connectionId: string;
  status: string;
  requests: Array<{ subscriptionId: string; applicationName: string; connectionId: string }>;
  malformedCount: number;
  error: { kind: string; status?: number } | null;
  failureCount: number;
  nextPollAt: number | null;
  lastSuccessAt: number | null;
}

export interface Snapshot {
  connections: ConnectionSnapshot[];
}

/** A loopback port that nothing listens on: it was free a moment ago and was closed again. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Waits until the badge text equals expected; returns the badge. */
export async function badgeBecomes(browser: ExtensionBrowser, expected: string, timeoutMs = 15_000) {
  return waitFor(`badge text "${expected}"`, async () => {
    const badge = await browser.badge();
    return badge.text === expected ? badge : undefined;
  }, timeoutMs);
}

export { launchExtension, startSimulator, waitFor };
