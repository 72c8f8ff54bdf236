import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  apiEnvironmentsItem,
  CAPABILITIES_MAX_AGE_MS,
  capabilitiesItem,
  connectionCapabilities,
  forgetCapabilities,
  recordV2Missing,
  refreshOnConsoleVersionChange,
  storedEnvironmentCache,
  UNKNOWN_CAPABILITIES_MAX_AGE_MS,
} from '@/lib/background/capabilities';
import { createClient } from '@/lib/background/poll';
import type { Connection, PendingRequest } from '@/lib/gravitee/types';
import { GRAVITEE_3_CAPABILITIES, UNKNOWN_CAPABILITIES } from '@/lib/gravitee/version';
import { tokensItem } from '@/lib/storage';
import { json, recordingFetch, type Answer } from '../contract/recording-fetch';

const connection: Connection = { id: 'uio', name: 'UiO', consoleUrl: 'https://apim.example.org/console/', managementUrl: 'https://apim.example.org/management', organization: 'DEFAULT' };
const NOW = Date.parse('2026-03-02T10:00:00Z');

function consoleAt(version: string | null): [RegExp, Answer] {
  return [/build\.json$/, () => (version === null ? new Response('', { status: 404 }) : json({ version }))];
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('connectionCapabilities', () => {
  it('detects once and stores the result', async () => {
    const server = recordingFetch(connection.managementUrl, [consoleAt('4.2.1')]);
    const first = await connectionCapabilities(connection, { now: NOW, fetch: server.fetch });
    const second = await connectionCapabilities(connection, { now: NOW + 60_000, fetch: server.fetch });

    expect(first).toMatchObject({ version: '4.2.1', v2: true, bootstrap: true, routeStyle: 'environments-singular' });
    expect(second).toEqual(first);
    expect(server.requests).toHaveLength(1);
    expect((await capabilitiesItem.getValue()).uio).toMatchObject({ source: 'build.json', detectedAt: NOW, consoleUrl: connection.consoleUrl });
  });

  it('shares one detection between concurrent callers', async () => {
    const server = recordingFetch(connection.managementUrl, [consoleAt('4.13.0')]);
    await Promise.all([1, 2, 3].map(() => connectionCapabilities(connection, { now: NOW, fetch: server.fetch })));
    expect(server.requests).toHaveLength(1);
  });

  it('detects again after a day', async () => {
    const server = recordingFetch(connection.managementUrl, [consoleAt('4.13.0')]);
    await connectionCapabilities(connection, { now: NOW, fetch: server.fetch });
    await connectionCapabilities(connection, { now: NOW + CAPABILITIES_MAX_AGE_MS - 1, fetch: server.fetch });
    expect(server.requests).toHaveLength(1);
    await connectionCapabilities(connection, { now: NOW + CAPABILITIES_MAX_AGE_MS, fetch: server.fetch });
    expect(server.requests).toHaveLength(2);
  });

  it('detects again when the addresses change', async () => {
    const server = recordingFetch(connection.managementUrl, [consoleAt('4.13.0')]);
    await connectionCapabilities(connection, { now: NOW, fetch: server.fetch });
    await connectionCapabilities({ ...connection, consoleUrl: 'https://apim.example.org/ui/' }, { now: NOW, fetch: server.fetch });
    expect(server.requests.map((entry) => entry.url)).toEqual(['https://apim.example.org/console/build.json', 'https://apim.example.org/ui/build.json']);
  });

  it('retries an undecided detection sooner', async () => {
    const server = recordingFetch(connection.managementUrl, [[/./, () => Promise.reject(new TypeError('Failed to fetch'))]]);
    expect(await connectionCapabilities(connection, { now: NOW, fetch: server.fetch })).toEqual(UNKNOWN_CAPABILITIES);
    const afterFirst = server.requests.length;
    await connectionCapabilities(connection, { now: NOW + UNKNOWN_CAPABILITIES_MAX_AGE_MS - 1, fetch: server.fetch });
    expect(server.requests).toHaveLength(afterFirst);
    await connectionCapabilities(connection, { now: NOW + UNKNOWN_CAPABILITIES_MAX_AGE_MS, fetch: server.fetch });
    expect(server.requests.length).toBeGreaterThan(afterFirst);
  });
});

describe('refreshOnConsoleVersionChange', () => {
  it('replaces the capabilities after an upgrade', async () => {
    await connectionCapabilities(connection, { now: NOW, fetch: recordingFetch(connection.managementUrl, [consoleAt('4.3.0')]).fetch });
    const upgraded = await refreshOnConsoleVersionChange(connection, { now: NOW + 1000, fetch: recordingFetch(connection.managementUrl, [consoleAt('4.4.0')]).fetch });

    expect(upgraded).toMatchObject({ version: '4.4.0', processedAs: '500' });
    expect((await capabilitiesItem.getValue()).uio?.detectedAt).toBe(NOW + 1000);
  });

  it('keeps fresh capabilities of the same version', async () => {
    await connectionCapabilities(connection, { now: NOW, fetch: recordingFetch(connection.managementUrl, [consoleAt('4.3.0')]).fetch });
    await refreshOnConsoleVersionChange(connection, { now: NOW + 1000, fetch: recordingFetch(connection.managementUrl, [consoleAt('4.3.0')]).fetch });
    expect((await capabilitiesItem.getValue()).uio?.detectedAt).toBe(NOW);
  });
});

describe('recordV2Missing', () => {
  it('stores 3.x capabilities over a guess', async () => {
    const bootstrapOnly = recordingFetch(connection.managementUrl, [consoleAt(null), [/bootstrap/, () => Promise.reject(new TypeError('Failed to fetch'))]]);
    await connectionCapabilities(connection, { now: NOW, fetch: bootstrapOnly.fetch });
    await recordV2Missing(connection, NOW + 5);
    expect((await capabilitiesItem.getValue()).uio).toMatchObject({ capabilities: GRAVITEE_3_CAPABILITIES, source: 'probe', detectedAt: NOW + 5 });
  });
});

describe('storedEnvironmentCache', () => {
  it('merges entries per connection and forgets them', async () => {
    const cache = storedEnvironmentCache('uio');
    await cache.set({ 'api-1': 'DEFAULT' });
    await cache.set({ 'api-2': 'TEST' });
    await storedEnvironmentCache('ntnu').set({ 'api-1': 'OTHER' });

    expect(await cache.get('api-1')).toBe('DEFAULT');
    expect(await cache.get('api-2')).toBe('TEST');
    expect(await cache.get('api-3')).toBeNull();

    await forgetCapabilities('uio');
    expect(await cache.get('api-1')).toBeNull();
    expect((await apiEnvironmentsItem.getValue()).ntnu).toEqual({ 'api-1': 'OTHER' });
  });
});

describe('createClient', () => {
  const request: PendingRequest = {
    connectionId: 'uio',
    subscriptionId: 'sub-1',
    referenceType: 'API',
    apiId: 'api-1',
    apiName: 'Studentregister API',
    planId: 'plan-1',
    planName: 'Gold',
    applicationId: 'app-1',
    applicationName: 'Canvas',
    environmentId: null,
    consumerMessage: null,
    createdAt: 1,
  };

  it('passes stored capabilities and environments to the client', async () => {
    await tokensItem.setValue({ uio: 'pat-uio' });
    await capabilitiesItem.setValue({
      uio: { capabilities: GRAVITEE_3_CAPABILITIES, source: 'build.json', detectedAt: Date.now(), consoleUrl: connection.consoleUrl, managementUrl: connection.managementUrl },
    });
    await storedEnvironmentCache('uio').set({ 'api-1': 'TEST' });
    const server = recordingFetch(connection.managementUrl, [[/^GET .*\/subscriptions\/sub-1$/, () => json({ id: 'sub-1', status: 'PENDING' })]]);
    vi.stubGlobal('fetch', server.fetch);

    const client = await createClient(connection);
    await client.getSubscription(request);

    expect(server.requests.map((entry) => entry.path)).toEqual(['/organizations/DEFAULT/environments/TEST/apis/api-1/subscriptions/sub-1']);
    expect(server.requests[0]?.headers.Authorization).toBe('Bearer pat-uio');
  });

  it('stores the fallback to v1 after a v2 request failed', async () => {
    const server = recordingFetch(connection.managementUrl, [
      consoleAt(null),
      [/^GET \/v2\/ui\/bootstrap/, () => Promise.reject(new TypeError('Failed to fetch'))],
      [/^GET \/v2\//, () => new Response('', { status: 404 })],
      [/^GET .*\/subscriptions\/sub-1$/, () => json({ id: 'sub-1', status: 'PENDING' })],
    ]);
    vi.stubGlobal('fetch', server.fetch);

    const client = await createClient(connection);
    expect((await client.getSubscription({ ...request, environmentId: 'DEFAULT' })).status).toBe('PENDING');
    expect((await capabilitiesItem.getValue()).uio?.capabilities.v2).toBe(false);
  });
});
