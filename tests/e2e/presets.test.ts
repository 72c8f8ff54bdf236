import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { computeValidity } from '../../lib/presets/compute.ts';
import { SEED } from '../../simulator/seed.ts';
import { addPlanRule, configureOwner, ControlPage, launchExtension, openPanel, pendingRow, startSimulator, waitFor, type Simulator } from './harness.ts';
import type { ExtensionBrowser } from './browser.ts';

// The seeded API owner's requests used here: Studentweb mobil on the Gull (API-nøkkel) plan of
// Studentregister API, and Canvas-integrasjon on its Partner (JWT) plan.
const GULL_ROW = 'Vi trenger tilgang til studentdata';
const PARTNER_ROW = 'Grade export to the LMS';
const PARTNER_SUMMARY = 'Canvas-integrasjon → Studentregister API (Partner (JWT))';

// The built-in presets the rule and the default pick, as lib/presets/builtins.ts defines them.
const SIX_MONTHS = { start: 'now', end: { kind: 'duration', amount: 6, unit: 'months' } } as const;
const ONE_YEAR = { start: 'now', end: { kind: 'duration', amount: 1, unit: 'years' } } as const;

let simulator: Simulator;
let browser: ExtensionBrowser;
let control: ControlPage;
let testNumber = 0;

/** The storage areas these tests read, which tests/e2e/chrome-globals.d.ts leaves out. */
interface ExtensionStorage {
  storage: {
    sync: { get(keys: null): Promise<Record<string, unknown>>; clear(): Promise<void> };
    local: { get(key: string): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> };
  };
}

interface StoredSubscription {
  status: string;
  startingAt: string | null;
  endingAt: string | null;
}

function stored(id: string): StoredSubscription {
  return simulator.subscriptionRecord(id) as unknown as StoredSubscription;
}

async function configureFresh(): Promise<string> {
  testNumber += 1;
  const id = `uio-${testNumber}`;
  await configureOwner(control, simulator, id);
  return id;
}

/** Adds the rule "plan name matches Gull*: 6 months" through the options page. */
function addGullRule(): Promise<void> {
  return addPlanRule(browser, 'UiO', 'Gull*', '6 months');
}

function openConsolePanel(): Promise<Page> {
  return openPanel(browser, simulator);
}

async function browserTimeZone(page: Page): Promise<string> {
  return page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Accepts a pending row with the period it offers and waits until it is gone. */
async function accept(page: Page, text: string): Promise<void> {
  const row = pendingRow(page, text);
  await row.getByRole('button', { name: /^Accept / }).click();
  await row.waitFor({ state: 'detached' });
}

/** Opens "Change end date" for the accepted Partner subscription in the recently handled list. */
async function openChangeEndDate(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Recently handled/ }).click();
  const item = page.getByRole('list', { name: 'Subscription requests recently handled through Gatekeeper' }).getByRole('listitem').filter({ hasText: PARTNER_SUMMARY });
  await item.getByRole('button', { name: `Change the end date of ${PARTNER_SUMMARY}` }).click();
  await item.getByLabel('New end date').waitFor();
  return item;
}

/** Returns a datetime-local value ten days ahead at 12:00 in the browser's zone, and that instant in ISO form. */
async function localNoonInTenDays(page: Page): Promise<{ value: string; iso: string }> {
  return page.evaluate(() => {
    const date = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000);
    date.setHours(12, 0, 0, 0);
    const pad = (value: number) => String(value).padStart(2, '0');
    const value = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T12:00`;
    return { value, iso: date.toISOString() };
  });
}

/** Chooses a typed end date and confirms the change. */
async function changeEndTo(item: Locator, value: string): Promise<void> {
  await item.getByLabel('New end date').selectOption({ label: 'Another date' });
  await item.getByLabel('End date and time').fill(value);
  await item.getByRole('button', { name: 'Continue' }).click();
  await item.getByRole('button', { name: 'Change end date', exact: true }).click();
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
  await control.page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ExtensionStorage }).chrome;
    await api.storage.sync.clear();
    await api.storage.local.remove(['recentDecisions', 'presetStoreCache']);
  });
  await configureFresh();
});

describe('validity presets in the console panel', () => {
  test('a plan rule gives 6 months while the default gives 1 year', async () => {
    await addGullRule();
    const page = await openConsolePanel();
    const zone = await browserTimeZone(page);

    await pendingRow(page, GULL_ROW).getByText('6 months — Rule 1: the plan name matches Gull*').waitFor();
    await pendingRow(page, PARTNER_ROW).getByText('1 year — Default preset for this connection').waitFor();
    await accept(page, GULL_ROW);
    await accept(page, PARTNER_ROW);

    const gull = stored(SEED.subscriptions.pendingStudentMobile);
    const partner = stored(SEED.subscriptions.pendingCanvasGrades);
    assert.equal(gull.status, 'ACCEPTED');
    assert.equal(partner.status, 'ACCEPTED');
    assert.ok(gull.startingAt, 'the Gull subscription has a start');
    assert.ok(partner.startingAt, 'the Partner subscription has a start');
    // Each end is what the preset gives from the start that was sent, in the browser's zone.
    assert.equal(gull.endingAt, computeValidity(SIX_MONTHS, new Date(gull.startingAt), zone).endingAt?.toISOString());
    assert.equal(partner.endingAt, computeValidity(ONE_YEAR, new Date(partner.startingAt), zone).endingAt?.toISOString());
    await page.close();
  });

  test('the rules sync through storage.sync and tokens stay local', async () => {
    await addGullRule();

    const synced = await control.page.evaluate(() => (globalThis as unknown as { chrome: ExtensionStorage }).chrome.storage.sync.get(null));
    const local = await control.page.evaluate(() => (globalThis as unknown as { chrome: ExtensionStorage }).chrome.storage.local.get('tokens'));

    assert.deepEqual(Object.keys(synced), ['presets']);
    assert.match(JSON.stringify(synced), /Gull\*/);
    assert.doesNotMatch(JSON.stringify(synced), new RegExp(simulator.ownerToken));
    assert.match(JSON.stringify(local), new RegExp(simulator.ownerToken));
  });
});

describe('change end date from the recently handled list', () => {
  test('a typed end date is stored', async () => {
    const page = await openConsolePanel();
    await accept(page, PARTNER_ROW);
    const item = await openChangeEndDate(page);
    const target = await localNoonInTenDays(page);

    await changeEndTo(item, target.value);

    await item.getByRole('status').filter({ hasText: 'The end date is changed:' }).waitFor();
    assert.equal(stored(SEED.subscriptions.pendingCanvasGrades).endingAt, target.iso);
    await page.close();
  });

  test('a PUT that changes nothing is reported', async () => {
    const page = await openConsolePanel();
    await accept(page, PARTNER_ROW);
    const before = stored(SEED.subscriptions.pendingCanvasGrades).endingAt;
    const item = await openChangeEndDate(page);
    const target = await localNoonInTenDays(page);

    // Gravitee responds 200 with the subscription as it was, and stores nothing.
    const path = `/v2/environments/DEFAULT/apis/${SEED.apis.studentRecords}/subscriptions/${SEED.subscriptions.pendingCanvasGrades}`;
    const unchanged = await (await fetch(`${simulator.managementUrl}${path}`, { headers: { Authorization: `Bearer ${simulator.ownerToken}` } })).json();
    simulator.addFault({ method: 'PUT', path: `/subscriptions/${SEED.subscriptions.pendingCanvasGrades}$`, status: 200, body: unchanged as Record<string, unknown> });
    await changeEndTo(item, target.value);

    await item.getByRole('alert').filter({ hasText: 'Gravitee answered that the change was saved, but the subscription does not show it' }).waitFor();
    assert.equal(stored(SEED.subscriptions.pendingCanvasGrades).endingAt, before);
    await page.close();
  });

  test('a subscription Gravitee will not update is reported', async () => {
    const page = await openConsolePanel();
    await accept(page, PARTNER_ROW);
    const before = stored(SEED.subscriptions.pendingCanvasGrades).endingAt;
    const item = await openChangeEndDate(page);
    const target = await localNoonInTenDays(page);

    const message = `Subscription [${SEED.subscriptions.pendingCanvasGrades}] cannot be updated because its status is CLOSED.`;
    simulator.addFault({
      method: 'PUT',
      path: `/subscriptions/${SEED.subscriptions.pendingCanvasGrades}$`,
      status: 400,
      body: { httpStatus: 400, message, technicalCode: 'subscription.notUpdatable', parameters: { subscription: SEED.subscriptions.pendingCanvasGrades, status: 'CLOSED' } },
    });
    await changeEndTo(item, target.value);

    await item.getByRole('alert').filter({ hasText: `Gravitee rejected the request (HTTP 400): ${message}` }).waitFor();
    assert.equal(stored(SEED.subscriptions.pendingCanvasGrades).endingAt, before);
    await page.close();
  });
});
