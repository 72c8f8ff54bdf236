import { createServer } from 'node:net';
import type { Locator, Page } from 'playwright-core';
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

/** Returns a loopback port that nothing listens on: it was free a moment ago and was closed again. */
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

/** Waits until the stored snapshot shows connection id polled successfully; returns its entry. */
export async function waitForFirstPoll(control: ControlPage, id: string, onlyConnection = false): Promise<ConnectionSnapshot> {
  return waitFor(`the first poll of ${id}`, async () => {
    const snapshot = await control.storage<Snapshot>('snapshot');
    const entry = snapshot?.connections.find((candidate) => candidate.connectionId === id);
    const alone = !onlyConnection || snapshot?.connections.length === 1;
    return entry?.status === 'ok' && alone ? entry : undefined;
  });
}

/**
 * Replaces the connections with one of a new id for the seeded API owner and waits for its first
 * poll. A new id means no back-off or Retry-After from an earlier test carries over.
 */
export async function configureOwner(control: ControlPage, simulator: Simulator, id: string): Promise<ConnectionSnapshot> {
  await control.configure([{ id, name: 'UiO', consoleUrl: simulator.consoleUrl, managementUrl: simulator.managementUrl, token: simulator.ownerToken }]);
  return waitForFirstPoll(control, id, true);
}

/** Opens the console stand-in in a new tab and the Gatekeeper panel in it; returns the page. */
export async function openPanel(browser: ExtensionBrowser, simulator: Simulator): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(simulator.consoleUrl);
  await page.getByRole('button', { name: /Open Gatekeeper/ }).click();
  await page.getByRole('button', { name: /^Accept / }).first().waitFor();
  return page;
}

/** Returns the panel row of the pending request whose text contains text. */
export function pendingRow(page: Page, text: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Accept / }) }).filter({ hasText: text });
}

/** Adds the rule "plan name matches pattern: preset" for the connection named connectionName, through the options page. */
export async function addPlanRule(browser: ExtensionBrowser, connectionName: string, pattern: string, presetLabel: string): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('heading', { name: `Default preset and rules for ${connectionName}` }).waitFor();
  await options.getByRole('button', { name: 'Add rule' }).click();
  await options.getByLabel('Applies to', { exact: true }).selectOption('plan');
  await options.getByLabel('Match by', { exact: true }).selectOption('name-pattern');
  await options.getByLabel('Value', { exact: true }).fill(pattern);
  await options.getByLabel('Preset', { exact: true }).selectOption({ label: presetLabel });
  await options.getByRole('button', { name: 'Save rule' }).click();
  await options.getByText('Rules saved.', { exact: true }).waitFor();
  await options.close();
}
