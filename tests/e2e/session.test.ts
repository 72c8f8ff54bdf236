import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { ConsoleSite } from '../../simulator/server.ts';
import { badgeBecomes, ControlPage, launchExtension, startSimulator, waitFor, type Simulator, type Snapshot } from './harness.ts';
import type { ExtensionBrowser } from './browser.ts';

// The console stand-in signs in as the environment admin, whose task list has all nine pending requests.
const ADMIN_PENDING = 9;

// Which console sessions reach Gatekeeper's service worker in Chromium: the console signs in with
// Gravitee's cookie (HttpOnly, no SameSite, so Lax), and the connection has no token.
const expectations: Array<{ site: ConsoleSite; sessionWorks: boolean }> = [
  { site: 'same-origin', sessionWorks: true },
  { site: 'same-site', sessionWorks: true },
  { site: 'cross-site', sessionWorks: false },
];

const running: Array<{ simulator: Simulator; browser: ExtensionBrowser }> = [];

after(async () => {
  for (const { simulator, browser } of running) {
    await browser.close();
    await simulator.close();
  }
});

describe('console session without a token', () => {
  for (const { site, sessionWorks } of expectations) {
    test(`${site} console ${sessionWorks ? 'shares' : 'cannot share'} its session`, async () => {
      const simulator = await startSimulator({ site });
      const browser = await launchExtension();
      running.push({ simulator, browser });

      // The user signs in to the console in this browser profile.
      const consolePage = await browser.context.newPage();
      await consolePage.goto(simulator.consoleUrl);
      if (sessionWorks) await consolePage.locator('gio-top-nav').waitFor();

      const control = await ControlPage.open(browser);
      await control.configure([{ id: `session-${site}`, name: 'Session', consoleUrl: simulator.consoleUrl, managementUrl: simulator.managementUrl }]);
      const entry = await waitFor('the first poll', async () => {
        const snapshot = await control.storage<Snapshot>('snapshot');
        const found = snapshot?.connections[0];
        return found && found.status !== 'never-polled' ? found : undefined;
      });

      const tasks = simulator.requests().filter((request) => request.path.endsWith('/user/tasks') && request.authScheme !== 'none');
      if (!sessionWorks) {
        assert.equal(entry.status, 'error');
        assert.equal(entry.error?.kind, 'unauthorized');
        const badge = await badgeBecomes(browser, 'X');
        assert.match(badge.title, /different sites/);
        assert.match(badge.title, /personal access token/);
        return;
      }

      assert.equal(entry.status, 'ok');
      assert.equal(entry.requests.length, ADMIN_PENDING);
      assert.ok(tasks.some((request) => request.authScheme === 'cookie'), 'the worker polled with the console cookie');
      await badgeBecomes(browser, String(ADMIN_PENDING));

      // Accept from the panel in the console tab: the worker sends the session cookie and the CSRF pair.
      simulator.clearRequests();
      await consolePage.getByRole('button', { name: /Open Gatekeeper/ }).click();
      const row = consolePage.getByRole('listitem').filter({ hasText: 'Grade export to the LMS' });
      await row.getByRole('button', { name: /^Accept / }).click();
      await row.waitFor({ state: 'detached' });
      const accept = simulator.requests().find((request) => request.method === 'POST' && request.path.endsWith('/_accept'));
      assert.ok(accept, 'an accept reached the simulator');
      assert.equal(accept.authScheme, 'cookie');
      assert.equal(accept.status, 200);
      assert.ok(accept.xsrfHeader, 'the X-Xsrf-Token header was sent');
      assert.ok(accept.xsrfCookie, 'the XSRF-TOKEN cookie was sent');
      assert.equal(simulator.subscriptionRecord(simulator.seed.subscriptions.pendingCanvasGrades)?.status, 'ACCEPTED');
    });
  }
});
