// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server.ts';
import { startSimulator } from '../../simulator/server.ts';
import { SEED } from '../../simulator/seed.ts';
import { call, createTestClock, startTestSimulator } from './helpers.ts';

const TASKS = '/management/organizations/DEFAULT/user/tasks';
const clock = createTestClock();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator({ now: clock.now });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('startSimulator', () => {
  it('listens on loopback only', () => {
    expect(sim.apiOrigin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.consoleUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(sim.managementUrl).toBe(`${sim.apiOrigin}/management`);
  });

  it('refuses a non-loopback host', async () => {
    await expect(startSimulator({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1/);
  });

  it('exposes the seeded tokens', () => {
    expect(sim.ownerToken).toBe(SEED.tokens.owner);
    expect(sim.ownerToken).not.toContain('.');
    expect(sim.ownerToken).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('control hooks', () => {
  it('creates a new pending request', async () => {
    clock.advance(60_000);
    const created = await call(sim, 'POST', '/_simulator/subscriptions', { body: { planId: SEED.plans.courseCatalogueOpen, applicationId: SEED.applications.timetableWidget, message: 'Ny forespørsel' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: 'PENDING', referenceId: SEED.apis.courseCatalogue, consumerMessage: 'Ny forespørsel', createdAt: clock.now().toISOString() });

    const tasks = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    expect(tasks.json.data[0].data.id).toBe(created.json.id);
  });

  it('defaults every field of a new request', async () => {
    const created = await call(sim, 'POST', '/_simulator/subscriptions', { body: {} });
    expect(created.status).toBe(201);
    expect(created.json.status).toBe('PENDING');
    expect(created.json.referenceType).toBe('API');
  });

  it('refuses an unknown plan', async () => {
    const created = await call(sim, 'POST', '/_simulator/subscriptions', { body: { planId: 'missing' } });
    expect(created.status).toBe(400);
  });

  it('resets the data', async () => {
    await call(sim, 'POST', `/management/v2/environments/DEFAULT/apis/${SEED.apis.studentRecords}/subscriptions/${SEED.subscriptions.pendingStudentMobile}/_reject`, { token: sim.ownerToken, body: {} });
    expect((await call(sim, 'POST', '/_simulator/reset')).status).toBe(200);
    expect((await call(sim, 'GET', `/_simulator/subscriptions/${SEED.subscriptions.pendingStudentMobile}`)).json.status).toBe('PENDING');
  });

  it('answers 404 for an unknown subscription record', async () => {
    expect((await call(sim, 'GET', '/_simulator/subscriptions/missing')).status).toBe(404);
  });

  it('changes the scheduler interval', async () => {
    expect((await call(sim, 'POST', '/_simulator/options', { body: { schedulerTasksSeconds: 3 } })).status).toBe(200);
    expect((await call(sim, 'GET', '/management/organizations/DEFAULT/console')).json.scheduler.tasks).toBe(3);
    expect((await call(sim, 'POST', '/_simulator/options', { body: { schedulerTasksSeconds: 0 } })).status).toBe(400);
  });

  it('describes the simulator', async () => {
    const info = await call(sim, 'GET', '/_simulator/info');
    expect(info.json).toMatchObject({ version: '4.13.0', managementUrl: sim.managementUrl, consoleUrl: sim.consoleUrl });
  });
});

describe('console stand-in', () => {
  async function consoleGet(path: string): Promise<Response> {
    return fetch(new URL(path, sim.consoleUrl));
  }

  it('serves constants.json with the absolute management URL', async () => {
    expect(await (await consoleGet('constants.json')).json()).toEqual({ baseURL: sim.managementUrl, defaultPortal: 'next' });
  });

  it('serves build.json with the version', async () => {
    expect(await (await consoleGet('build.json')).json()).toEqual({ version: '4.13.0' });
  });

  it('serves the page and its script', async () => {
    const page = await consoleGet('/');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<script src="app.js">');
    const script = await (await consoleGet('app.js')).text();
    expect(script).toContain('data-testid');
  });

  it('answers 404 for other paths', async () => {
    expect((await consoleGet('/config.json')).status).toBe(404);
  });
});
