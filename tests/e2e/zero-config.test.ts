import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { badgeBecomes, ControlPage, launchExtension, startSimulator, type Simulator } from './harness.ts';
import type { ExtensionBrowser } from './browser.ts';

// The console stand-in signs in as the environment admin, whose task list has all nine pending requests.
const ADMIN_PENDING = 9;

const running: Array<{ simulator: Simulator; browser: ExtensionBrowser }> = [];

after(async () => {
  for (const { simulator, browser } of running) {
    await browser.close();
    await simulator.close();
  }
});

async function start(site: 'same-site' | 'cross-site') {
  const simulator = await startSimulator({ site });
  const browser = await launchExtension();
  running.push({ simulator, browser });
  return { simulator, browser };
}

test('a console with no connection is set up in one click', async () => {
  const { simulator, browser } = await start('same-site');
  const page = await browser.context.newPage();
  await page.goto(simulator.consoleUrl);

  const offer = page.getByRole('dialog', { name: 'Gatekeeper found a Gravitee console' });
  await offer.waitFor();
  const text = await offer.textContent();
  assert.match(text ?? '', new RegExp(`Management API ${simulator.managementUrl.replace(/[.]/g, '\\.')}`));
  assert.match(text ?? '', /organization DEFAULT, version 4\.13\.0/);
  assert.match(text ?? '', /Environments: Default, Test/);
  assert.match(text ?? '', /Signed in as admin/);

  await offer.getByRole('button', { name: 'Connect' }).click();
  await offer.getByText(/Connected\./).waitFor();
  await page.getByRole('button', { name: /Open Gatekeeper/ }).waitFor();

  const control = await ControlPage.open(browser);
  const connections = await control.storage<Array<{ managementUrl: string; organization: string; consoleUrl: string }>>('connections');
  assert.equal(connections?.length, 1);
  assert.equal(connections?.[0]?.managementUrl, simulator.managementUrl);
  assert.equal(connections?.[0]?.organization, 'DEFAULT');
  assert.deepEqual((await control.storage('tokens')) ?? {}, {}, 'no token: the console session is used');
  await badgeBecomes(browser, String(ADMIN_PENDING));
});

test('Not now is remembered for that console', async () => {
  const { simulator, browser } = await start('same-site');
  const page = await browser.context.newPage();
  await page.goto(simulator.consoleUrl);
  const offer = page.getByRole('dialog', { name: 'Gatekeeper found a Gravitee console' });
  await offer.getByRole('button', { name: 'Not now' }).click();
  await offer.waitFor({ state: 'detached' });

  await page.reload();
  await page.locator('gio-top-nav').waitFor();
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  assert.equal(await offer.count(), 0);
});

test('a cross-site console gets no offer, because it cannot sign in', async () => {
  const { simulator, browser } = await start('cross-site');
  const page = await browser.context.newPage();
  await page.goto(simulator.consoleUrl);
  // Chromium does not store the Lax session cookie that a cross-site login response sets, so the
  // console stays on its login form, without the shell Gatekeeper waits for.
  await page.locator('form').first().waitFor();
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  assert.equal(await page.locator('gio-top-nav').count(), 0);
  assert.equal(await page.getByRole('dialog', { name: 'Gatekeeper found a Gravitee console' }).count(), 0);
});
