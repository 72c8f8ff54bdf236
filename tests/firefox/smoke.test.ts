import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { firefox, type BrowserContext } from 'playwright-core';
import { startSimulator } from '../../simulator/server.ts';

// The gecko id from wxt.config.ts: Firefox loads an unpacked extension from a file named after it.
const GECKO_ID = 'gatekeeper@gatekeeper-for-gravitee.invalid';
const OWNER_PENDING = 8;

let context: BrowserContext | undefined;
let profile = '';
const simulator = await startSimulator();

after(async () => {
  await context?.close();
  await simulator.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

test('the Firefox build counts and lists requests in Firefox ESR', async () => {
  // The demo copy starts out connected to the simulator and has loopback host access.
  const demo = { connection: { id: 'demo', name: 'Simulator', consoleUrl: simulator.consoleUrl, managementUrl: simulator.managementUrl, organization: 'DEFAULT' }, token: simulator.ownerToken };
  const build = spawnSync('wxt', ['build', '-b', 'firefox'], {
    env: { ...process.env, GATEKEEPER_VARIANT: 'demo', WXT_DEMO_CONNECTION: JSON.stringify(demo) },
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stderr);

  profile = await mkdtemp(join(tmpdir(), 'gatekeeper-firefox-'));
  mkdirSync(join(profile, 'extensions'));
  writeFileSync(join(profile, 'extensions', GECKO_ID), resolve('.output/demo/firefox-mv2'));
  context = await firefox.launchPersistentContext(profile, {
    channel: 'moz-firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    firefoxUserPrefs: {
      'xpinstall.signatures.required': false,
      'extensions.enabledScopes': 5,
      'extensions.autoDisableScopes': 0,
      // Off the network: every name resolves to loopback and every proxied request goes nowhere.
      'network.dns.forceResolve': '127.0.0.1',
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.trr.mode': 5,
      'network.captive-portal-service.enabled': false,
    },
  });

  const page = await context.newPage();
  await page.goto(simulator.consoleUrl);
  const launcher = page.getByRole('button', { name: /Open Gatekeeper/ });
  await launcher.waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: `Open Gatekeeper: ${OWNER_PENDING} subscription requests waiting` }).waitFor({ timeout: 20_000 });

  await launcher.click();
  const accept = page.getByRole('button', { name: /^Accept / });
  await accept.first().waitFor();
  assert.equal(await accept.count(), OWNER_PENDING);

  const polls = simulator.requests().filter((entry) => entry.path.endsWith('/user/tasks') && entry.authScheme === 'bearer');
  assert.ok(polls.length >= 1, 'the background page polled with the token');
  assert.ok(polls.every((entry) => entry.status === 200));
});
