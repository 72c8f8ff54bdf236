import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { computeValidity } from '../../lib/presets/compute.ts';
import { SEED } from '../../simulator/seed.ts';
import { addPlanRule, ControlPage, launchExtension, openPanel, pendingRow, startSimulator, waitFor, waitForFirstPoll, type Simulator } from './harness.ts';
import type { ExtensionBrowser } from './browser.ts';

// Chromium on Linux reads extension policies (managed storage) from this folder; the test writes
// one file there and removes it again.
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'gatekeeper-e2e-test.json');

const SIX_MONTHS = { start: 'now', end: { kind: 'duration', amount: 6, unit: 'months' } } as const;
const NINETY_DAYS = { start: 'now', end: { kind: 'duration', amount: 90, unit: 'days' } } as const;

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function startBrowser(profile?: string): Promise<ExtensionBrowser> {
  const browser = await launchExtension(profile);
  cleanups.push(() => browser.close().catch(() => undefined));
  return browser;
}

async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return options;
}

/** Accepts the request whose row contains text from the console panel and returns its stored record. */
async function acceptFromPanel(browser: ExtensionBrowser, simulator: Simulator, text: string, subscriptionId: string) {
  const page = await openPanel(browser, simulator);
  const row = pendingRow(page, text);
  await row.getByRole('button', { name: /^Accept / }).click();
  await row.waitFor({ state: 'detached' });
  await page.close();
  return simulator.subscriptionRecord(subscriptionId) as unknown as { startingAt: string; endingAt: string | null };
}

test('a team shares a preset file between browsers', async () => {
  const simulator = await startSimulator();
  cleanups.push(() => simulator.close());
  const connection = { name: 'UiO', consoleUrl: simulator.consoleUrl, managementUrl: simulator.managementUrl, token: simulator.ownerToken };

  // The first owner adds a rule and exports the file.
  const first = await startBrowser();
  const firstControl = await ControlPage.open(first);
  await firstControl.configure([{ id: 'first', ...connection }]);
  await waitForFirstPoll(firstControl, 'first');
  await addPlanRule(first, 'UiO', 'Gull*', '6 months');
  const options = await openOptions(first);
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export presets and rules' }).click();
  const file = join(await mkdtemp(join(tmpdir(), 'gatekeeper-team-')), 'gatekeeper-presets.json');
  await (await download).saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; rules: unknown[] };
  assert.equal(exported.format, 'gatekeeper-presets');
  assert.equal(exported.rules.length, 1);
  assert.doesNotMatch(await readFile(file, 'utf8'), new RegExp(simulator.ownerToken), 'the file holds no token');

  // A colleague in another browser imports it and accepts with the shared rule.
  const second = await startBrowser();
  const secondControl = await ControlPage.open(second);
  await secondControl.configure([{ id: 'second', ...connection }]);
  await waitForFirstPoll(secondControl, 'second');
  const secondOptions = await openOptions(second);
  await secondOptions.getByLabel('Import a preset file').setInputFiles(file);
  await secondOptions.getByRole('button', { name: 'Import', exact: true }).click();
  await secondOptions.getByText(/^Imported /).waitFor();

  const record = await acceptFromPanel(second, simulator, 'Vi trenger tilgang til studentdata', SEED.subscriptions.pendingStudentMobile);
  const expected = computeValidity(SIX_MONTHS, new Date(record.startingAt));
  assert.equal(record.endingAt, expected.endingAt?.toISOString());
});

test('an administrator sets the connection and locks the default preset by policy', async (context) => {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, '{}');
  } catch (error) {
    context.skip(`cannot write Chromium policies in ${POLICY_DIR}: ${String(error)}`);
    return;
  }
  cleanups.push(() => rmSync(POLICY_FILE, { force: true }));

  const simulator = await startSimulator();
  cleanups.push(() => simulator.close());

  // The unpacked extension's id follows from its path, so one launch gives the id for the policy.
  const probe = await launchExtension();
  const profile = probe.profileDir;
  const extensionId = probe.extensionId;
  await probe.close({ keepProfile: true });
  const policy = {
    connections: [{ name: 'UiO (policy)', consoleUrl: simulator.consoleUrl, managementUrl: simulator.managementUrl, organization: 'DEFAULT' }],
    defaultPresetId: 'builtin-90-days',
  };
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));

  const browser = await startBrowser(profile);
  const control = await ControlPage.open(browser);
  // The policy connection has no token: signing in to the console gives it a session.
  const consolePage = await browser.context.newPage();
  await consolePage.goto(simulator.consoleUrl);
  await consolePage.locator('gio-top-nav').waitFor();
  const connections = await waitFor('the policy connection', async () => {
    const list = await control.storage<Array<{ id: string; name: string; managed?: boolean }>>('connections');
    return list?.some((entry) => entry.managed) ? list : undefined;
  });
  const managed = connections.find((entry) => entry.managed);
  assert.equal(managed?.name, 'UiO (policy)');
  await control.pollNow();
  assert.ok(managed);
  await waitForFirstPoll(control, managed.id);

  const options = await openOptions(browser);
  const defaultSelect = options.getByLabel('Default preset', { exact: true });
  await defaultSelect.waitFor();
  assert.equal(await defaultSelect.isDisabled(), true, 'the default preset is locked');
  await options.getByText('Set by your administrator, so it cannot be changed here.').first().waitFor();

  const record = await acceptFromPanel(browser, simulator, 'Grade export to the LMS', SEED.subscriptions.pendingCanvasGrades);
  const expected = computeValidity(NINETY_DAYS, new Date(record.startingAt));
  assert.equal(record.endingAt, expected.endingAt?.toISOString());
});
