import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SEED } from '../../simulator/seed.ts';
import { badgeBecomes, configureOwner, ControlPage, launchExtension, openPanel, pendingRow, startSimulator, waitFor, type Simulator } from './harness.ts';
import type { ExtensionBrowser } from './browser.ts';

const OWNER_PENDING = 8;

let simulator: Simulator;
let browser: ExtensionBrowser;
let control: ControlPage;
let testNumber = 0;

function posts(suffix: string) {
  return simulator.requests().filter((entry) => entry.method === 'POST' && entry.path.endsWith(suffix));
}

async function stored(id: string) {
  return simulator.subscriptionRecord(id) as unknown as Record<string, unknown>;
}

async function configureFresh() {
  testNumber += 1;
  return configureOwner(control, simulator, `uio-${testNumber}`);
}

function openConsolePanel(): Promise<Page> {
  return openPanel(browser, simulator);
}

before(async () => {
  simulator = await startSimulator({ schedulerTasksSeconds: 10 });
  browser = await launchExtension();
  control = await ControlPage.open(browser);
});

after(async () => {
  await browser?.close();
  await simulator?.close();
});

beforeEach(async () => {
  simulator.reset();
  await configureFresh();
  simulator.clearRequests();
});

describe('decisions are sent once and never lost', () => {
  test('a double click on Accept sends one request', async () => {
    const page = await openConsolePanel();
    const target = pendingRow(page, 'Grade export to the LMS');
    await target.getByRole('button', { name: /^Accept / }).dblclick();
    await target.waitFor({ state: 'detached' });

    assert.equal(posts('/_accept').length, 1);
    assert.equal((await stored(SEED.subscriptions.pendingCanvasGrades)).status, 'ACCEPTED');
    await page.close();
  });

  test('two tabs accepting the same request send one request', async () => {
    const [first, second] = await Promise.all([openConsolePanel(), openConsolePanel()]);
    simulator.addFault({ method: 'POST', path: '/_accept$', delayMs: 1_500 });

    const text = 'Grade export to the LMS';
    await pendingRow(first, text).getByRole('button', { name: /^Accept / }).click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await pendingRow(second, text).getByRole('button', { name: /^Accept / }).click({ timeout: 2_000 }).catch(() => undefined);

    await pendingRow(first, text).waitFor({ state: 'detached' });
    await waitFor('the second tab to drop or settle the row', async () => ((await pendingRow(second, text).count()) === 0 ? true : undefined));
    assert.equal(posts('/_accept').length, 1, 'only one accept reached Gravitee');
    await first.close();
    await second.close();
  });

  test('a failed accept keeps the row and a retry succeeds', async () => {
    const page = await openConsolePanel();
    simulator.addFault({ method: 'POST', path: '/_accept$', status: 502, body: '<html>Bad Gateway</html>' });
    const target = pendingRow(page, 'Grade export to the LMS');
    await target.getByRole('button', { name: /^Accept / }).click();
    await target.getByText(/internal error \(HTTP 502\)/).waitFor();
    assert.equal((await stored(SEED.subscriptions.pendingCanvasGrades)).status, 'PENDING');

    await target.getByRole('button', { name: /^Accept / }).click();
    await target.waitFor({ state: 'detached' });
    assert.equal(posts('/_accept').length, 2, 'one failed and one successful accept');
    assert.equal((await stored(SEED.subscriptions.pendingCanvasGrades)).status, 'ACCEPTED');
    await page.close();
  });

  test('a failed reject keeps the typed message for the retry', async () => {
    const page = await openConsolePanel();
    simulator.addFault({ method: 'POST', path: '/_reject$', status: 500, body: { httpStatus: 500, message: 'boom' } });
    const target = pendingRow(page, 'Biblioteksappen');
    await target.getByRole('button', { name: /^Reject / }).click();
    await target.getByLabel(/Reason for the rejection/).fill('Use the test plan first.');
    await target.getByRole('button', { name: 'Continue' }).click();
    await target.getByRole('button', { name: 'Reject request' }).click();
    await target.getByText(/internal error \(HTTP 500\)/).waitFor();

    // The typed message is still there; sending again succeeds with the same text.
    await target.getByRole('button', { name: 'Edit message' }).click();
    assert.equal(await target.getByLabel(/Reason for the rejection/).inputValue(), 'Use the test plan first.');
    await target.getByRole('button', { name: 'Continue' }).click();
    await target.getByRole('button', { name: 'Reject request' }).click();
    await target.waitFor({ state: 'detached' });
    assert.equal((await stored(SEED.subscriptions.pendingLibraryApp)).publisherMessage, 'Use the test plan first.');
    assert.equal(posts('/_reject').length, 2);
    await page.close();
  });

  test('a request handled elsewhere is reported with its real status', async () => {
    const page = await openConsolePanel();
    // Another owner accepts it behind Gatekeeper's back.
    const response = await fetch(`${simulator.managementUrl}/v2/environments/DEFAULT/apis/${SEED.apis.studentRecords}/subscriptions/${SEED.subscriptions.pendingCanvasGrades}/_accept`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${simulator.adminToken}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 200);

    const target = pendingRow(page, 'Grade export to the LMS');
    await target.getByRole('button', { name: /^Accept / }).click();
    await page.getByText(/Someone else has already handled|already handled/).first().waitFor();
    await target.waitFor({ state: 'detached' });
    await badgeBecomes(browser, String(OWNER_PENDING - 1));
    await page.close();
  });
});

describe('notifications and restarts', () => {
  test('new requests are announced once, withdrawn when handled, and survive a restart', async () => {
    const notifications = async () => (await browser.worker()).evaluate(() => chrome.notifications.getAll());

    await control.page.evaluate(async () => {
      const { preferences } = (await chrome.storage.local.get('preferences')) as { preferences?: Record<string, unknown> };
      await chrome.storage.local.set({ preferences: { language: 'auto', pollSeconds: 60, ...(preferences ?? {}), notifications: true } });
    });
    // Switching on records what is already waiting without announcing it.
    await waitFor('the announced set to hold the waiting requests', async () => {
      const announced = await control.storage<Record<string, string>>('announcedRequests');
      return announced && Object.keys(announced).length >= OWNER_PENDING ? announced : undefined;
    });
    assert.deepEqual(Object.keys(await notifications()), []);

    const created = simulator.createPendingSubscription({ referenceId: SEED.apis.studentRecords }) as { id: string; referenceId: string };
    await control.pollNow();
    const shown = await waitFor('one notification for the new request', async () => {
      const all = Object.keys(await notifications());
      return all.length === 1 ? all : undefined;
    });
    assert.match(shown[0] ?? '', new RegExp(created.id));

    // Polling again announces nothing new.
    await control.pollNow();
    assert.equal(Object.keys(await notifications()).length, 1);

    // Restart the browser with the same profile: badge and announced set survive.
    const profile = browser.profileDir;
    await browser.close({ keepProfile: true });
    browser = await launchExtension(profile);
    control = await ControlPage.open(browser);
    await badgeBecomes(browser, String(OWNER_PENDING + 1));
    const announced = await control.storage<Record<string, string>>('announcedRequests');
    assert.ok(Object.keys(announced ?? {}).some((key) => key.endsWith(created.id)), 'the new request stays announced');
    await control.pollNow();
    assert.equal(Object.keys(await notifications()).length, 0, 'nothing is announced again after the restart');

    // Handling the request elsewhere withdraws its notification record.
    await fetch(`${simulator.apiOrigin}/management/v2/environments/DEFAULT/apis/${created.referenceId}/subscriptions/${created.id}/_reject`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${simulator.adminToken}`, 'Content-Type': 'application/json' },
      body: '{"reason":"Handled in the console"}',
    });
    await control.pollNow();
    const after = await control.storage<Record<string, string>>('announcedRequests');
    assert.ok(!Object.keys(after ?? {}).some((key) => key.endsWith(created.id)), 'the handled request left the announced set');
  });
});
