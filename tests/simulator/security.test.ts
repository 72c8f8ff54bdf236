// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/server.ts';
import { SEED } from '../../simulator/seed.ts';
import { call, cookieFrom, createTestClock, startTestSimulator, v2ApiSubscriptionPath } from './helpers.ts';

const clock = createTestClock();
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startTestSimulator({ now: clock.now });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const USER = '/management/organizations/DEFAULT/user';
const LOGIN = '/management/organizations/DEFAULT/user/login';
const ORIGIN = 'http://127.0.0.1:9999';
const acceptPath = `${v2ApiSubscriptionPath('DEFAULT', SEED.apis.studentRecords, SEED.subscriptions.pendingStudentMobile)}/_accept`;

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** Logs in as admin and returns the session cookie pair and the token. */
async function logIn(): Promise<{ cookie: string; token: string }> {
  const result = await call(sim, 'POST', LOGIN, { headers: { Authorization: basic('admin', 'admin') } });
  const cookie = cookieFrom(result.headers, 'Auth-Graviteeio-APIM');
  if (!cookie) throw new Error('Login set no session cookie');
  return { cookie, token: result.json.token };
}

/** Fetches a CSRF token with a GET and returns the XSRF-TOKEN cookie pair and the header value. */
async function csrfPair(token: string): Promise<{ cookie: string; header: string }> {
  const result = await call(sim, 'GET', USER, { token });
  const cookie = cookieFrom(result.headers, 'XSRF-TOKEN');
  const header = result.headers.get('x-xsrf-token');
  if (!cookie || !header) throw new Error('GET set no CSRF token');
  return { cookie, header };
}

describe('authentication', () => {
  it('accepts a personal access token', async () => {
    const result = await call(sim, 'GET', USER, { token: sim.ownerToken });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ id: SEED.users.owner, displayName: 'Kari Nordmann', firstname: 'Kari', lastname: 'Nordmann', email: 'kari.nordmann@universitet.example' });
  });

  it('answers an unknown token with an empty 401', async () => {
    const result = await call(sim, 'GET', USER, { token: '00000000-0000-4000-8000-000000000000' });
    expect(result.status).toBe(401);
    expect(result.text).toBe('');
    expect(result.headers.get('www-authenticate')).toBeNull();
    expect(result.headers.getSetCookie().some((cookie) => /^Auth-Graviteeio-APIM=;.*Max-Age=0/.test(cookie))).toBe(true);
  });

  it('answers a bad token on a public endpoint with 401', async () => {
    const result = await call(sim, 'GET', '/management/organizations/DEFAULT/console', { token: 'not-a-token' });
    expect(result.status).toBe(401);
    expect(result.text).toBe('');
  });

  it('challenges a request without credentials', async () => {
    const result = await call(sim, 'GET', USER);
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBe('Basic realm="Gravitee.io Management API"');
  });

  it('omits the challenge for XMLHttpRequest', async () => {
    const result = await call(sim, 'GET', USER, { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toBeNull();
  });

  it('logs in with Basic credentials', async () => {
    const result = await call(sim, 'POST', LOGIN, { headers: { Authorization: basic('admin', 'admin'), Origin: ORIGIN } });
    expect(result.status).toBe(200);
    expect(result.json.type).toBe('BEARER');
    expect(result.json.token.split('.')).toHaveLength(3);
    const setCookie = result.headers.getSetCookie().find((cookie) => cookie.startsWith('Auth-Graviteeio-APIM='));
    expect(setCookie).toBe(`Auth-Graviteeio-APIM=Bearer%20${result.json.token}; Path=/; Max-Age=604800; HttpOnly`);
  });

  it('refuses a wrong password', async () => {
    const result = await call(sim, 'POST', LOGIN, { headers: { Authorization: basic('admin', 'wrong') } });
    expect(result.status).toBe(401);
  });

  it('authenticates with the session cookie', async () => {
    const { cookie } = await logIn();
    const result = await call(sim, 'GET', USER, { cookie });
    expect(result.status).toBe(200);
    expect(result.json.id).toBe(SEED.users.admin);
  });

  it('accepts the session token as a bearer token', async () => {
    const { token } = await logIn();
    expect((await call(sim, 'GET', USER, { token })).json.id).toBe(SEED.users.admin);
  });

  it('prefers the Authorization header over the cookie', async () => {
    const { cookie } = await logIn();
    expect((await call(sim, 'GET', USER, { cookie, token: sim.ownerToken })).json.id).toBe(SEED.users.owner);
    expect((await call(sim, 'GET', USER, { cookie, token: 'unknown' })).status).toBe(401);
  });

  it('expires the session after seven days', async () => {
    const { cookie } = await logIn();
    clock.advance(7 * 24 * 3_600_000 + 1000);
    const result = await call(sim, 'GET', USER, { cookie });
    expect(result.status).toBe(401);
    expect(result.text).toBe('');
  });

  it('lists environments with hrids', async () => {
    const result = await call(sim, 'GET', '/management/organizations/DEFAULT/environments', { token: sim.ownerToken });
    expect(result.json).toEqual([
      { id: 'DEFAULT', hrids: ['default'], name: 'Default', description: expect.any(String), organizationId: 'DEFAULT' },
      { id: SEED.environments.test, hrids: ['test'], name: 'Test', description: expect.any(String), organizationId: 'DEFAULT' },
    ]);
  });

  it('serves the bootstrap without credentials', async () => {
    const result = await call(sim, 'GET', '/management/v2/ui/bootstrap');
    expect(result.json).toEqual({ baseURL: sim.managementUrl, organizationId: 'DEFAULT' });
  });

  it('rejects an unknown organization', async () => {
    const result = await call(sim, 'GET', '/management/organizations/OTHER/user', { token: sim.ownerToken });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ httpStatus: 400, message: 'Invalid organization or environment' });
  });
});

describe('CSRF', () => {
  it('refuses a POST with Origin but no token', async () => {
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {}, headers: { Origin: ORIGIN } });
    expect(result.status).toBe(403);
    expect(result.text).toBe('');
    expect(result.json?.technicalCode).toBeUndefined();
    expect((await call(sim, 'GET', `/_simulator/subscriptions/${SEED.subscriptions.pendingStudentMobile}`)).json.status).toBe('PENDING');
  });

  it('accepts a POST with the cookie and header pair', async () => {
    const pair = await csrfPair(sim.ownerToken);
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {}, cookie: pair.cookie, headers: { Origin: ORIGIN, 'X-Xsrf-Token': pair.header } });
    expect(result.status).toBe(200);
    expect(result.headers.get('x-xsrf-token')).toBe(pair.header);
    expect(cookieFrom(result.headers, 'XSRF-TOKEN')).toBeUndefined();
  });

  it('refuses a header that differs from the cookie', async () => {
    const pair = await csrfPair(sim.ownerToken);
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {}, cookie: pair.cookie, headers: { Origin: ORIGIN, 'X-Xsrf-Token': 'a0b1c2d3-0000-4000-8000-000000000000' } });
    expect(result.status).toBe(403);
  });

  it('refuses a forged cookie', async () => {
    const pair = await csrfPair(sim.ownerToken);
    const forged = `${pair.cookie.slice(0, -4)}AAAA`;
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {}, cookie: forged, headers: { Origin: ORIGIN, 'X-Xsrf-Token': pair.header } });
    expect(result.status).toBe(403);
  });

  it('checks a request that carries a Referer', async () => {
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {}, headers: { Referer: `${ORIGIN}/page` } });
    expect(result.status).toBe(403);
  });

  it('checks a request that carries the session cookie', async () => {
    const { cookie } = await logIn();
    const result = await call(sim, 'POST', acceptPath, { body: {}, cookie });
    expect(result.status).toBe(403);
  });

  it('skips a request without Origin, Referer or session cookie', async () => {
    const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {} });
    expect(result.status).toBe(200);
  });

  it('exempts the login path', async () => {
    const result = await call(sim, 'POST', LOGIN, { headers: { Authorization: basic('admin', 'admin'), Origin: ORIGIN } });
    expect(result.status).toBe(200);
  });

  it('sends a token on every response, errors included', async () => {
    const ok = await call(sim, 'GET', USER, { token: sim.ownerToken });
    const notFound = await call(sim, 'GET', v2ApiSubscriptionPath('DEFAULT', SEED.apis.studentRecords, 'missing'), { token: sim.ownerToken });
    for (const result of [ok, notFound]) {
      expect(result.headers.get('x-xsrf-token')).toMatch(/^[0-9a-f-]{36}$/);
      const cookie = cookieFrom(result.headers, 'XSRF-TOKEN');
      expect(cookie).toBeDefined();
      expect(result.headers.getSetCookie().find((value) => value.startsWith('XSRF-TOKEN='))).toMatch(/; Path=\/; HttpOnly$/);
    }
  });
});

describe('CORS', () => {
  it('echoes the origin with credentials', async () => {
    const result = await call(sim, 'GET', USER, { token: sim.ownerToken, headers: { Origin: 'chrome-extension://abcdef' } });
    expect(result.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdef');
    expect(result.headers.get('access-control-allow-credentials')).toBe('true');
    expect(result.headers.get('access-control-expose-headers')).toBe('ETag, X-Xsrf-Token');
  });

  it('answers a preflight', async () => {
    const result = await call(sim, 'OPTIONS', acceptPath, {
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, x-xsrf-token, x-requested-with' },
    });
    expect(result.status).toBe(200);
    expect(result.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(result.headers.get('access-control-allow-methods')).toContain('POST');
    expect(result.headers.get('access-control-allow-headers')).toBe('authorization, content-type, x-xsrf-token, x-requested-with');
    expect(result.headers.get('access-control-max-age')).toBe('1728000');
  });

  it('refuses a preflight for an unlisted header', async () => {
    const result = await call(sim, 'OPTIONS', acceptPath, { headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-custom' } });
    expect(result.status).toBe(403);
  });

  describe('with a narrowed origin list', () => {
    beforeEach(async () => {
      await call(sim, 'POST', '/_simulator/options', { body: { corsAllowOrigins: ['https://console.universitet.example'] } });
    });

    it('refuses an unlisted origin', async () => {
      const result = await call(sim, 'POST', acceptPath, { token: sim.ownerToken, body: {}, headers: { Origin: 'chrome-extension://abcdef' } });
      expect(result.status).toBe(403);
      expect(result.text).toBe('Invalid CORS request');
      expect(result.headers.get('x-xsrf-token')).toBeNull();
    });

    it('allows a listed origin', async () => {
      const result = await call(sim, 'GET', USER, { token: sim.ownerToken, headers: { Origin: 'https://console.universitet.example' } });
      expect(result.status).toBe(200);
      expect(result.headers.get('access-control-allow-origin')).toBe('https://console.universitet.example');
    });

    it('always allows the console origin', async () => {
      const result = await call(sim, 'GET', USER, { token: sim.ownerToken, headers: { Origin: sim.consoleOrigin } });
      expect(result.status).toBe(200);
    });

    it('lets a request without Origin through', async () => {
      expect((await call(sim, 'GET', USER, { token: sim.ownerToken })).status).toBe(200);
    });
  });

  it('opens the control hooks to any origin', async () => {
    const result = await call(sim, 'GET', '/_simulator/requests', { headers: { Origin: ORIGIN } });
    expect(result.headers.get('access-control-allow-origin')).toBe('*');
  });
});
