import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const E2E_EXTENSION_PATH = resolve('.output/e2e/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  worker(): Promise<Worker>;
  badge(): Promise<{ text: string; title: string }>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * Launches Debian's Chromium with the end-to-end build of the extension in a fresh profile (or the
 * given one). The flags keep Chromium off every network but loopback.
 */
export async function launchExtension(profileDir?: string): Promise<ExtensionBrowser> {
  const profile = profileDir ?? (await mkdtemp(join(tmpdir(), 'gatekeeper-e2e-')));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
      `--disable-extensions-except=${E2E_EXTENSION_PATH}`,
      `--load-extension=${E2E_EXTENSION_PATH}`,
    ],
  });

  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL((await worker()).url()).host;

  return {
    context,
    extensionId,
    profileDir: profile,
    worker,
    async badge() {
      return (await worker()).evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
    },
    async close(options = {}) {
      await context.close();
      if (!options.keepProfile) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Polls check until it returns a value other than undefined, or fails after timeoutMs. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}
