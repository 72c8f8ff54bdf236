import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startSimulator } from '../../simulator/server.ts';
import { SEED } from '../../simulator/seed.ts';
import { launchExtension, waitFor, type ExtensionBrowser } from './browser.ts';

// The seeded API owner sees eight pending requests: every pending one except the timetable
// request, which only the environment admin may process.
const OWNER_PENDING = 8;

let simulator: Awaited<ReturnType<typeof startSimulator>>;
let browser: ExtensionBrowser;

before(async () => {
  simulator = await startSimulator({ schedulerTasksSeconds: 10 });
  browser = await launchExtension();
});

after(async () => {
  await browser?.close();
  await simulator?.close();
});

async function storedSubscription(id: string) {
  const response = await fetch(`${simulator.apiOrigin}/_simulator/subscriptions/${id}`);
  assert.equal(response.status, 200, `the simulator should know subscription ${id}`);
  return (await response.json()) as Record<string, unknown>;
}

async function badgeText() {
  return (await browser.badge()).text;
}

async function configureThroughOptions(page: Page) {
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByLabel('Console URL').fill(simulator.consoleUrl);
  await page.getByRole('button', { name: 'Detect from console' }).click();
  await waitFor('the detected Management API URL', async () => {
    const value = await page.getByLabel('Management API URL').inputValue();
    return value === simulator.managementUrl ? value : undefined;
  });
  // Detect also shows what the console publishes: its version and, with a session, its environments.
  const found = page.getByRole('definition').filter({ hasText: /^4\.13\.0$/ });
  await found.waitFor();
  await page.getByLabel('Personal access token').fill(simulator.ownerToken);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Saved.', { exact: true }).waitFor();
}

test('owner configures, sees the badge, accepts and rejects from the console', async () => {
  const options = await browser.context.newPage();
  await configureThroughOptions(options);

  await options.getByRole('button', { name: 'Test connection' }).click();
  await options.getByText(/Connected as Kari Nordmann/).waitFor();

  await waitFor('the badge to show the pending count', async () => ((await badgeText()) === String(OWNER_PENDING) ? true : undefined));
  const title = (await browser.badge()).title;
  assert.match(title, /8 subscription requests/);

  const console = await browser.context.newPage();
  await console.goto(simulator.consoleUrl);
  await console.locator('gio-top-nav').waitFor();
  const launcher = console.getByRole('button', { name: /Open Gatekeeper/ });
  await launcher.waitFor();
  await launcher.click();

  const rows = console.getByRole('listitem').filter({ has: console.getByRole('button', { name: /^Accept / }) });
  await rows.first().waitFor();
  assert.equal(await rows.count(), OWNER_PENDING);

  // Accept the Canvas request for the Studentregister API partner plan with the default validity.
  const acceptRow = rows.filter({ hasText: 'Grade export to the LMS' });
  const shownValidity = await acceptRow.getByText(/Accepting gives access from/).textContent();
  assert.ok(shownValidity, 'the row should show the validity before the click');
  const clickedAt = Date.now();
  await acceptRow.getByRole('button', { name: /^Accept / }).click();
  await acceptRow.waitFor({ state: 'detached' });

  const accepted = await storedSubscription(SEED.subscriptions.pendingCanvasGrades);
  assert.equal(accepted.status, 'ACCEPTED');
  const startingAt = Date.parse(String(accepted.startingAt));
  const endingAt = new Date(String(accepted.endingAt));
  assert.ok(Math.abs(startingAt - clickedAt) < 120_000, `startingAt ${String(accepted.startingAt)} should be about the time of the click`);
  const expectedEnd = new Date(clickedAt);
  expectedEnd.setFullYear(expectedEnd.getFullYear() + 1);
  expectedEnd.setHours(23, 59, 59, 999);
  assert.equal(endingAt.toISOString(), expectedEnd.toISOString());

  // Reject the library app request with a message.
  const rejectRow = rows.filter({ hasText: 'Biblioteksappen' }).filter({ hasText: 'Biblioteklån API' });
  await rejectRow.getByRole('button', { name: /^Reject / }).click();
  await rejectRow.getByLabel(/Reason for the rejection/).fill('  Bruk testplanen først, og søk på nytt etter pilotperioden.  ');
  await rejectRow.getByRole('button', { name: 'Continue' }).click();
  await rejectRow.getByRole('button', { name: 'Reject request' }).click();
  await rejectRow.waitFor({ state: 'detached' });

  const rejected = await storedSubscription(SEED.subscriptions.pendingLibraryApp);
  assert.equal(rejected.status, 'REJECTED');
  assert.equal(rejected.publisherMessage, 'Bruk testplanen først, og søk på nytt etter pilotperioden.');

  await waitFor('the badge to drop by two', async () => ((await badgeText()) === String(OWNER_PENDING - 2) ? true : undefined));
  assert.equal(await rows.count(), OWNER_PENDING - 2);
});
