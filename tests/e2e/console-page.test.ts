import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SEED } from '../../simulator/seed.ts';
import { configureOwner, ControlPage, launchExtension, startSimulator, type Simulator } from './harness.ts';
import type { ExtensionBrowser } from './browser.ts';

let simulator: Simulator;
let browser: ExtensionBrowser;

before(async () => {
  simulator = await startSimulator();
  browser = await launchExtension();
  const control = await ControlPage.open(browser);
  await configureOwner(control, simulator, 'uio');
});

after(async () => {
  await browser?.close();
  await simulator?.close();
});

/** Opens the console at its API list, then moves to a subscription the way a click in the console does. */
async function navigateToSubscription(apiId: string, subscriptionId: string) {
  const page = await browser.context.newPage();
  await page.goto(`${simulator.consoleUrl}#!/default/apis`);
  await page.locator('gio-top-nav').waitFor();
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#!/default/apis/${apiId}/subscriptions/${subscriptionId}`);
  return page;
}

test('accept from the subscription page after navigating to it', async () => {
  const page = await navigateToSubscription(SEED.apis.studentRecords, SEED.subscriptions.pendingCanvasGrades);
  const box = page.locator('.gatekeeper-subscription-page');
  await box.getByText(/Accept with 1 year/).waitFor();
  await box.getByRole('button', { name: 'Accept' }).click();
  await box.getByText(/^Accepted\./).waitFor();
  assert.equal(simulator.subscriptionRecord(SEED.subscriptions.pendingCanvasGrades)?.status, 'ACCEPTED');
  assert.equal(await page.locator('.gatekeeper-subscription-page').count(), 1, 'the controls are added once');
});

test('end date change with hrid URL', async () => {
  const page = await navigateToSubscription(SEED.apis.courseCatalogue, SEED.subscriptions.acceptedLibraryAppCatalogue);
  const box = page.locator('.gatekeeper-subscription-page');
  await box.getByText(/^Ends /).waitFor();
  await box.getByRole('button', { name: 'Change end date…' }).click();
  const select = box.getByLabel('New end date');
  const ninetyDays = await select.locator('option', { hasText: '90 days' }).getAttribute('value');
  assert.ok(ninetyDays, 'the 90 days preset is offered');
  await select.selectOption(ninetyDays);
  await box.getByRole('button', { name: 'Change end date', exact: true }).click();
  await box.getByText(/^The end date is changed/).waitFor();
  const stored = simulator.subscriptionRecord(SEED.subscriptions.acceptedLibraryAppCatalogue) as { endingAt: string };
  assert.equal(new Date(stored.endingAt).toISOString(), ninetyDays);
});
