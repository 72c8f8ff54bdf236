import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { SEED } from '../../simulator/seed.ts';
import type { FaultSpec } from '../../simulator/faults.ts';
import { badgeBecomes, closedPort, ControlPage, launchExtension, startSimulator, waitFor, type Simulator, type Snapshot } from './harness.ts';
import type { ExtensionBrowser } from './browser.ts';

// The seeded API owner sees eight pending requests.
const OWNER_PENDING = 8;
const TASKS_PATH = '/user/tasks$';

let simulator: Simulator;
let browser: ExtensionBrowser;
let control: ControlPage;

// Each test gets a connection with a new id, so no back-off or Retry-After of an earlier test
// carries over: the worker treats it as a connection never polled.
let testNumber = 0;
let connectionId = '';

function tasksRequests() {
  return simulator.requests().filter((entry) => entry.method === 'GET' && entry.path.endsWith('/user/tasks'));
}

async function snapshotOf(connectionId: string) {
  const snapshot = await control.pollNow();
  const entry = snapshot.connections.find((candidate) => candidate.connectionId === connectionId);
  assert.ok(entry, `snapshot has connection ${connectionId}`);
  return entry;
}

/** Injects one fault on the tasks request, polls once, and returns the connection's snapshot. */
async function pollWithFault(fault: Omit<FaultSpec, 'path'>) {
  simulator.addFault({ path: TASKS_PATH, ...fault });
  return snapshotOf(connectionId);
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
  testNumber += 1;
  connectionId = `uio-${testNumber}`;
  await control.configure([{ id: connectionId, name: 'UiO', consoleUrl: simulator.consoleUrl, managementUrl: simulator.managementUrl, token: simulator.ownerToken }]);
  await waitFor(`the first poll of ${connectionId}`, async () => {
    const snapshot = await control.storage<Snapshot>('snapshot');
    const entry = snapshot?.connections.find((candidate) => candidate.connectionId === connectionId);
    return entry?.status === 'ok' && snapshot?.connections.length === 1 ? entry : undefined;
  });
  await badgeBecomes(browser, String(OWNER_PENDING));
  simulator.clearRequests();
});

describe('badge under Management API faults', () => {
  const cases: Array<{ name: string; fault: Omit<FaultSpec, 'path'>; badge: string; kind: string; retried: boolean; browserAttempts?: number }> = [
    { name: '401 token rejected', fault: { status: 401 }, badge: 'X', kind: 'unauthorized', retried: false },
    { name: '403 with technicalCode', fault: { status: 403, body: { httpStatus: 403, message: 'You do not have sufficient rights to access this resource', technicalCode: 'forbidden' } }, badge: '403', kind: 'forbidden', retried: false },
    { name: '403 without technicalCode', fault: { status: 403, body: '' }, badge: '403', kind: 'csrf-or-cors', retried: false },
    { name: '404', fault: { status: 404, body: { httpStatus: 404, message: 'Not found' } }, badge: 'ERR', kind: 'not-found', retried: true },
    { name: '500', fault: { status: 500, body: { httpStatus: 500, message: 'boom' } }, badge: 'ERR', kind: 'server', retried: true },
    { name: '502 from a proxy', fault: { status: 502, body: '<html>Bad Gateway</html>' }, badge: 'ERR', kind: 'server', retried: true },
    { name: 'malformed JSON', fault: { status: 200, body: '{"data": [' }, badge: 'ERR', kind: 'invalid-response', retried: true },
    // Chromium itself resends a GET once when a reused connection drops without a response,
    // so the fault covers two requests.
    { name: 'dropped connection', fault: { destroy: true, times: 2 }, badge: '!', kind: 'network', retried: true, browserAttempts: 2 },
  ];

  for (const entry of cases) {
    test(entry.name, async () => {
      const snapshot = await pollWithFault(entry.fault);

      assert.equal(snapshot.status, 'error');
      assert.equal(snapshot.error?.kind, entry.kind);
      assert.equal(snapshot.requests.length, OWNER_PENDING, 'the last good requests are kept for context');
      assert.ok(tasksRequests().length <= (entry.browserAttempts ?? 1), `one failed poll sends one tasks request, with no retry loop: ${JSON.stringify(simulator.requests().map(({ time, path, status, faultId }) => ({ time, path, status, faultId })))}`);
      assert.ok(tasksRequests().length >= 1, 'the poll reached the simulator');
      const badge = await badgeBecomes(browser, entry.badge);
      assert.notEqual(badge.text, '0');
      assert.match(badge.title, /Last known count: 8/);
      if (entry.retried) assert.ok(snapshot.nextPollAt !== null && snapshot.nextPollAt > Date.now(), 'a later retry is scheduled');
      else assert.equal(snapshot.nextPollAt, null, '401 and 403 wait for the user');

      // The fault is gone: the next poll recovers the real count.
      const recovered = await snapshotOf(connectionId);
      assert.equal(recovered.status, 'ok');
      await badgeBecomes(browser, String(OWNER_PENDING));
    });
  }

  test('429 with Retry-After is honoured', async () => {
    const snapshot = await pollWithFault({ status: 429, headers: { 'Retry-After': '120' } });
    assert.equal(snapshot.error?.kind, 'rate-limited');
    assert.ok((snapshot.nextPollAt ?? 0) - Date.now() > 100_000, 'the next poll waits for Retry-After');
    await badgeBecomes(browser, 'ERR');

    // A refresh during the wait sends nothing.
    await control.pollNow();
    assert.equal(tasksRequests().length, 1);
  });

  test('a hanging response times out', async () => {
    const snapshot = await pollWithFault({ hang: true });
    assert.equal(snapshot.error?.kind, 'timeout');
    await badgeBecomes(browser, '!');
    assert.equal(tasksRequests().length, 1, JSON.stringify(tasksRequests().map(({ time, status, outcome, authScheme }) => ({ time, status, outcome, authScheme }))));
  });

  test('connection refused', async () => {
    const port = await closedPort();
    await control.configure([{ id: `${connectionId}-refused`, name: 'UiO', consoleUrl: simulator.consoleUrl, managementUrl: `http://127.0.0.1:${port}/management`, token: simulator.ownerToken }]);
    const badge = await badgeBecomes(browser, '!');
    assert.match(badge.title, /cannot reach the Management API/);
    assert.equal(tasksRequests().length, 0);
  });

  test('a task whose application is missing from metadata still counts', async () => {
    simulator.options.omitApplicationMetadata = true;
    const snapshot = await snapshotOf(connectionId);
    assert.equal(snapshot.status, 'ok');
    assert.equal(snapshot.requests.length, OWNER_PENDING);
    const mobile = snapshot.requests.find((request) => request.subscriptionId === SEED.subscriptions.pendingStudentMobile);
    assert.ok(mobile, 'the request is listed');
    assert.notEqual(mobile.applicationName, '', 'it falls back to a name');
    await badgeBecomes(browser, String(OWNER_PENDING));
  });

  test('a failing connection does not hide another', async () => {
    const port = await closedPort();
    await control.configure([
      { id: connectionId, name: 'UiO', consoleUrl: simulator.consoleUrl, managementUrl: simulator.managementUrl, token: simulator.ownerToken },
      { id: `${connectionId}-down`, name: 'Down', consoleUrl: `http://127.0.0.1:${port}/`, managementUrl: `http://127.0.0.1:${port}/management`, token: 'x' },
    ]);
    const badge = await badgeBecomes(browser, `${OWNER_PENDING}+`);
    assert.match(badge.title, /UiO: 8 subscription requests/);
    assert.match(badge.title, /Down: Gatekeeper cannot reach/);
  });
});

describe('worker lifecycle', () => {
  test('worker stopped mid-poll recovers', async () => {
    simulator.addFault({ path: TASKS_PATH, delayMs: 3_000 });
    const unfinished = control.pollNow().catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await control.stopServiceWorker();
    await unfinished;

    // The next message wakes a fresh worker, which polls again and gets the real count.
    const snapshot = await snapshotOf(connectionId);
    assert.equal(snapshot.status, 'ok');
    assert.equal(snapshot.requests.length, OWNER_PENDING);
    await badgeBecomes(browser, String(OWNER_PENDING));
  });

  test('two callers polling at once send one request', async () => {
    const second = await ControlPage.open(browser);
    const [first, other] = await Promise.all([control.pollNow(), second.pollNow()]);
    assert.equal(first.connections[0]?.requests.length, OWNER_PENDING);
    assert.equal(other.connections[0]?.requests.length, OWNER_PENDING);
    assert.equal(tasksRequests().length, 1);
    await second.page.close();
  });
});
