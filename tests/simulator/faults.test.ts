// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server.ts';
import { call, startTestSimulator } from './helpers.ts';

const TASKS = '/management/organizations/DEFAULT/user/tasks';
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function inject(fault: Record<string, unknown>): Promise<void> {
  const result = await call(sim, 'POST', '/_simulator/faults', { body: fault });
  expect(result.status).toBe(201);
}

describe('fault injection', () => {
  const statusCases: { name: string; fault: Record<string, unknown>; body: string }[] = [
    { name: '401 with an empty body', fault: { status: 401 }, body: '' },
    { name: '403 with technicalCode', fault: { status: 403, body: { httpStatus: 403, message: 'You do not have sufficient rights to access this resource', technicalCode: 'forbidden' } }, body: '{"httpStatus":403,"message":"You do not have sufficient rights to access this resource","technicalCode":"forbidden"}' },
    { name: '403 without technicalCode', fault: { status: 403, body: '' }, body: '' },
    { name: '404', fault: { status: 404, body: { httpStatus: 404, message: 'HTTP 404 Not Found' } }, body: '{"httpStatus":404,"message":"HTTP 404 Not Found"}' },
    { name: '500', fault: { status: 500, body: { httpStatus: 500, message: 'Internal Server Error' } }, body: '{"httpStatus":500,"message":"Internal Server Error"}' },
    { name: '502 from a proxy', fault: { status: 502, body: '<html>Bad Gateway</html>', headers: { 'Content-Type': 'text/html' } }, body: '<html>Bad Gateway</html>' },
  ];

  for (const { name, fault, body } of statusCases) {
    it(`injects ${name}`, async () => {
      await inject({ path: '/user/tasks$', ...fault });
      const result = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
      expect(result.status).toBe(fault.status);
      expect(result.text).toBe(body);
    });
  }

  it('injects 429 with Retry-After', async () => {
    await inject({ path: '/user/tasks$', status: 429, headers: { 'Retry-After': '30' } });
    const result = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    expect(result.status).toBe(429);
    expect(result.headers.get('retry-after')).toBe('30');
  });

  it('injects malformed JSON', async () => {
    await inject({ path: '/user/tasks$', status: 200, body: '{"data": [' });
    const response = await fetch(`${sim.apiOrigin}${TASKS}`, { headers: { Authorization: `Bearer ${sim.ownerToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('hangs a response', async () => {
    await inject({ path: '/user/tasks$', hang: true });
    await expect(call(sim, 'GET', TASKS, { token: sim.ownerToken, signal: AbortSignal.timeout(300) })).rejects.toThrow();
    const entry = sim.requests().find((candidate) => candidate.path === TASKS);
    expect(entry?.outcome).toBe('hang');
    expect(entry?.status).toBeNull();
  });

  it('drops the connection', async () => {
    await inject({ path: '/user/tasks$', destroy: true });
    await expect(call(sim, 'GET', TASKS, { token: sim.ownerToken })).rejects.toThrow(TypeError);
    expect(sim.requests().find((candidate) => candidate.path === TASKS)?.outcome).toBe('destroyed');
  });

  it('delays and then answers normally', async () => {
    await inject({ path: '/user/tasks$', delayMs: 200 });
    const started = performance.now();
    const result = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(result.status).toBe(200);
  });

  it('applies a fault the given number of times', async () => {
    await inject({ path: '/user/tasks$', status: 503, times: 2 });
    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await call(sim, 'GET', TASKS, { token: sim.ownerToken })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('matches the method', async () => {
    await inject({ method: 'POST', path: '/_accept$', status: 500 });
    expect((await call(sim, 'GET', TASKS, { token: sim.ownerToken })).status).toBe(200);
    expect((await call(sim, 'GET', '/_simulator/faults')).json).toHaveLength(1);
  });

  it('clears faults', async () => {
    await inject({ path: '/user/tasks$', status: 500, times: 5 });
    expect((await call(sim, 'DELETE', '/_simulator/faults')).status).toBe(200);
    expect((await call(sim, 'GET', TASKS, { token: sim.ownerToken })).status).toBe(200);
  });

  it('rejects an invalid fault', async () => {
    expect((await call(sim, 'POST', '/_simulator/faults', { body: { path: '(' } })).status).toBe(400);
    expect((await call(sim, 'POST', '/_simulator/faults', { body: { path: 'x', status: 99 } })).status).toBe(400);
    expect((await call(sim, 'POST', '/_simulator/faults', { body: { status: 500 } })).status).toBe(400);
  });

  it('keeps CORS headers on injected responses', async () => {
    await inject({ path: '/user/tasks$', status: 429, headers: { 'Retry-After': '5' } });
    const result = await call(sim, 'GET', TASKS, { token: sim.ownerToken, headers: { Origin: 'chrome-extension://abcdef' } });
    expect(result.status).toBe(429);
    expect(result.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdef');
  });
});

describe('request log', () => {
  it('records each Management API request', async () => {
    await call(sim, 'GET', `${TASKS}?probe=1`, { token: sim.ownerToken, headers: { Origin: 'http://127.0.0.1:1234' } });
    const log = (await call(sim, 'GET', '/_simulator/requests')).json;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: TASKS,
      query: { probe: '1' },
      authScheme: 'bearer',
      xsrfHeader: false,
      xsrfCookie: false,
      sessionCookie: false,
      origin: 'http://127.0.0.1:1234',
      status: 200,
      outcome: 'responded',
      faultId: null,
    });
    expect(Number.isNaN(Date.parse(log[0].time))).toBe(false);
  });

  it('never records token values', async () => {
    await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    await call(sim, 'GET', TASKS, { headers: { Authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` } });
    const text = (await call(sim, 'GET', '/_simulator/requests')).text;
    expect(text).not.toContain(sim.ownerToken);
    expect(text).not.toContain(Buffer.from('admin:admin').toString('base64'));
    expect(sim.requests().map((entry) => entry.authScheme)).toEqual(['bearer', 'basic']);
  });

  it('records the CSRF pair and the cookie scheme', async () => {
    const first = await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    const xsrf = first.headers.getSetCookie().find((cookie) => cookie.startsWith('XSRF-TOKEN='))?.split(';')[0] ?? '';
    await call(sim, 'GET', TASKS, { cookie: `${xsrf}; Auth-Graviteeio-APIM=Bearer%20x.y.z`, headers: { 'X-Xsrf-Token': first.headers.get('x-xsrf-token') ?? '' } });
    const entry = sim.requests()[1];
    expect(entry).toMatchObject({ authScheme: 'cookie', xsrfHeader: true, xsrfCookie: true, sessionCookie: true, status: 401 });
  });

  it('ignores control hook requests', async () => {
    await call(sim, 'GET', '/_simulator/info');
    expect(sim.requests()).toEqual([]);
  });

  it('clears the log', async () => {
    await call(sim, 'GET', TASKS, { token: sim.ownerToken });
    await call(sim, 'DELETE', '/_simulator/requests');
    expect((await call(sim, 'GET', '/_simulator/requests')).json).toEqual([]);
  });
});
