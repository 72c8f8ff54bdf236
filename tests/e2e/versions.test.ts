import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findProfile } from '../../simulator/profile.ts';
import { SEED } from '../../simulator/seed.ts';
import { badgeBecomes, ControlPage, launchExtension, startSimulator, type Simulator } from './harness.ts';
import type { ExtensionBrowser } from './browser.ts';

// One pass of the main flow per Gravitee version: configure, badge, then accept one request with
// the default validity and reject another with a message from the panel in the console stand-in.
// The simulator's stored records and its request log show what reached the server and how:
// v1 `_process` on 3.20, which has no Management API v2, and v2 `_accept`/`_reject` on 4.x.

const s = SEED.subscriptions;

// Accepted: the research portal request, whose API is in the `test` environment. 3.20 tasks name
// no environment, so this also proves the client found the right one. Rejected: the library app.
const ACCEPTED = { id: s.pendingResearchPortal, apiId: SEED.apis.researchData, environmentId: SEED.environments.test, rowText: 'KlimaNord' };
const REJECTED = { id: s.pendingLibraryApp, apiId: SEED.apis.libraryLoans, environmentId: SEED.environments.default, rowText: 'Biblioteklån API' };
const REASON = 'Bruk testplanen først, og søk på nytt etter pilotperioden.';

/** Returns the number of subscription requests in the owner's tasks list, read from the simulator itself. */
async function ownerRequestCount(simulator: Simulator): Promise<number> {
  const response = await fetch(`${simulator.managementUrl}/organizations/DEFAULT/user/tasks`, { headers: { Authorization: `Bearer ${simulator.ownerToken}` } });
  assert.equal(response.status, 200);
  const body = (await response.json()) as { data: Array<{ type: string }> };
  return body.data.filter((task) => task.type === 'SUBSCRIPTION_APPROVAL').length;
}

function decisionRequests(simulator: Simulator) {
  return simulator.requests().filter((entry) => entry.method === 'POST' && /\/(_process|_accept|_reject)$/.test(entry.path));
}

for (const version of ['3.20', '4.2', '4.13']) {
  describe(`Gravitee ${version}`, () => {
    const profile = findProfile(version);
    let simulator: Simulator;
    let browser: ExtensionBrowser;

    before(async () => {
      simulator = await startSimulator({ profile, schedulerTasksSeconds: 10 });
      browser = await launchExtension();
    });

    after(async () => {
      await browser?.close();
      await simulator?.close();
    });

    test('badge, accept and reject from the panel', async () => {
      const pending = await ownerRequestCount(simulator);
      assert.ok(pending >= 2, `the owner should have at least two requests, has ${pending}`);

      const control = await ControlPage.open(browser);
      await control.configure([{ id: `gravitee-${version}`, name: `Gravitee ${version}`, consoleUrl: simulator.consoleUrl, managementUrl: simulator.managementUrl, token: simulator.ownerToken }]);
      await control.pollNow();
      await badgeBecomes(browser, String(pending));

      const consolePage = await browser.context.newPage();
      await consolePage.goto(simulator.consoleUrl);
      await consolePage.locator('gio-top-nav').waitFor();
      await consolePage.getByRole('button', { name: /Open Gatekeeper/ }).click();

      const rows = consolePage.getByRole('listitem').filter({ has: consolePage.getByRole('button', { name: /^Accept / }) });
      await rows.first().waitFor();
      assert.equal(await rows.count(), pending);

      const acceptRow = rows.filter({ hasText: ACCEPTED.rowText });
      const clickedAt = Date.now();
      await acceptRow.getByRole('button', { name: /^Accept / }).click();
      await acceptRow.waitFor({ state: 'detached' });

      const rejectRow = rows.filter({ hasText: REJECTED.rowText });
      await rejectRow.getByRole('button', { name: /^Reject / }).click();
      await rejectRow.getByLabel(/Reason for the rejection/).fill(REASON);
      await rejectRow.getByRole('button', { name: 'Continue' }).click();
      await rejectRow.getByRole('button', { name: 'Reject request' }).click();
      await rejectRow.waitFor({ state: 'detached' });

      // Stored state: the default validity runs from the click to the end of the same day a year later.
      const accepted = simulator.subscriptionRecord(ACCEPTED.id);
      assert.equal(accepted?.status, 'ACCEPTED');
      const startingAt = Date.parse(String(accepted?.startingAt));
      assert.ok(Math.abs(startingAt - clickedAt) < 120_000, `startingAt ${String(accepted?.startingAt)} should be about the time of the click`);
      const expectedEnd = new Date(clickedAt);
      expectedEnd.setFullYear(expectedEnd.getFullYear() + 1);
      expectedEnd.setHours(23, 59, 59, 999);
      assert.equal(new Date(String(accepted?.endingAt)).toISOString(), expectedEnd.toISOString());

      const rejected = simulator.subscriptionRecord(REJECTED.id);
      assert.equal(rejected?.status, 'REJECTED');
      assert.equal(rejected?.publisherMessage, REASON);

      // The endpoints used, in the environment of each request.
      const decisions = decisionRequests(simulator).map((entry) => `${entry.status} ${entry.path}`);
      if (profile.managementV2) {
        assert.deepEqual(decisions, [
          `200 /management/v2/environments/${ACCEPTED.environmentId}/apis/${ACCEPTED.apiId}/subscriptions/${ACCEPTED.id}/_accept`,
          `200 /management/v2/environments/${REJECTED.environmentId}/apis/${REJECTED.apiId}/subscriptions/${REJECTED.id}/_reject`,
        ]);
      } else {
        const v1 = '/management/organizations/DEFAULT/environments';
        assert.deepEqual(decisions, [
          `200 ${v1}/${ACCEPTED.environmentId}/apis/${ACCEPTED.apiId}/subscriptions/${ACCEPTED.id}/_process`,
          `200 ${v1}/${REJECTED.environmentId}/apis/${REJECTED.apiId}/subscriptions/${REJECTED.id}/_process`,
        ]);
        const v2Requests = simulator.requests().filter((entry) => entry.path.startsWith('/management/v2/'));
        assert.deepEqual(v2Requests.map((entry) => `${entry.method} ${entry.path} ${entry.status}`), [], 'nothing should be sent to the absent v2 module after detection');
      }

      await badgeBecomes(browser, String(pending - 2));
      assert.equal(await rows.count(), pending - 2);
    });
  });
}
