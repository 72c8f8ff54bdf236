import { createGraviteeClient, createMemoryCsrfStore } from '@/lib/gravitee/client';
import { createMemoryEnvironmentCache } from '@/lib/gravitee/environments';
import type { PendingRequest } from '@/lib/gravitee/types';
import { capabilitiesForVersion, GRAVITEE_3_CAPABILITIES, type GraviteeCapabilities } from '@/lib/gravitee/version';
import { json, recordingFetch, type Answer } from '../contract/recording-fetch';

const managementUrl = 'https://apim.example.org/management';
const connection = { id: 'c1', name: 'Test', consoleUrl: 'https://apim.example.org/console/', managementUrl, organization: 'DEFAULT' };

const request: PendingRequest = {
  connectionId: 'c1',
  subscriptionId: 'sub-1',
  referenceType: 'API',
  apiId: 'api-1',
  apiName: 'Studentregister API',
  planId: 'plan-1',
  planName: 'Gold',
  applicationId: 'app-1',
  applicationName: 'Canvas',
  environmentId: 'DEFAULT',
  consumerMessage: null,
  createdAt: 1,
};

const V1_PATH = '/organizations/DEFAULT/environments/DEFAULT/apis/api-1/subscriptions/sub-1';
const startingAt = new Date('2026-03-02T10:00:00Z');
const endingAt = new Date('2027-03-02T22:59:59.999Z');

const v1Accepted = {
  id: 'sub-1',
  status: 'ACCEPTED',
  starting_at: startingAt.getTime(),
  ending_at: endingAt.getTime(),
  processed_at: startingAt.getTime(),
  reason: 'Welcome',
  plan: { id: 'plan-1', name: 'Gold', security: 'api-key' },
};

const user: [RegExp, Answer] = [/^GET \/organizations\/DEFAULT\/user$/, () => json({ id: 'u1' }, 200, { 'X-Xsrf-Token': 'csrf-1' })];

function clientOn(routes: Array<[RegExp, Answer]>, capabilities: GraviteeCapabilities | (() => Promise<GraviteeCapabilities>) = GRAVITEE_3_CAPABILITIES, extra: { onV2Missing?: () => Promise<void> } = {}) {
  const server = recordingFetch(managementUrl, [user, ...routes]);
  const environments = createMemoryEnvironmentCache();
  const client = createGraviteeClient({ connection, token: 'pat-1', csrf: createMemoryCsrfStore(), fetch: server.fetch, capabilities, environments, ...extra });
  return { client, server, environments };
}

function changes(server: ReturnType<typeof recordingFetch>) {
  return server.requests.filter((entry) => entry.method !== 'GET');
}

describe('client on APIM 3.x (v1)', () => {
  it('accepts through _process with accepted and epoch dates', async () => {
    const { client, server } = clientOn([[/^POST .*\/_process$/, () => json(v1Accepted)]]);
    const result = await client.acceptSubscription(request, { startingAt, endingAt }, '  Welcome  ');

    const [post] = changes(server);
    expect(post?.path).toBe(`${V1_PATH}/_process`);
    expect(post?.body).toEqual({ accepted: true, starting_at: startingAt.getTime(), ending_at: endingAt.getTime(), reason: 'Welcome' });
    expect(post?.headers['X-Xsrf-Token']).toBe('csrf-1');
    expect(result).toEqual({ id: 'sub-1', status: 'ACCEPTED', startingAt: startingAt.toISOString(), endingAt: endingAt.toISOString(), processedAt: startingAt.toISOString(), publisherMessage: 'Welcome' });
  });

  it('sends accepted true without an end date or reason', async () => {
    const { client, server } = clientOn([[/^POST .*\/_process$/, () => json({ ...v1Accepted, ending_at: undefined, reason: undefined })]]);
    const result = await client.acceptSubscription(request, { startingAt, endingAt: null });

    expect(changes(server)[0]?.body).toEqual({ accepted: true, starting_at: startingAt.getTime() });
    expect(result.endingAt).toBeNull();
    expect(result.publisherMessage).toBeNull();
  });

  it('rejects through _process with accepted false', async () => {
    const { client, server } = clientOn([[/^POST .*\/_process$/, () => json({ ...v1Accepted, status: 'REJECTED', reason: 'Use the test plan' })]]);
    const result = await client.rejectSubscription(request, 'Use the test plan');

    expect(changes(server)[0]?.body).toEqual({ accepted: false, reason: 'Use the test plan' });
    expect(result.status).toBe('REJECTED');
  });

  it('classifies a second decision as already processed', async () => {
    const { client } = clientOn([
      [/^POST .*\/_process$/, () => json({ message: 'This subscription has already been processed.', http_status: 400, technicalCode: 'subscription.processed' }, 400)],
    ]);
    await expect(client.rejectSubscription(request, 'no')).rejects.toMatchObject({ kind: 'already-processed', details: { status: 400, technicalCode: 'subscription.processed' } });
  });

  it('reads a subscription and its plan from v1', async () => {
    const { client, server } = clientOn([[/^GET .*\/subscriptions\/sub-1$/, () => json(v1Accepted)]]);
    const details = await client.getSubscriptionDetails(request);

    expect(server.requests[0]?.path).toBe(V1_PATH);
    expect(server.requests[0]?.query).toEqual({});
    expect(details.planName).toBe('Gold');
    expect(details.planSecurity).toBe('API_KEY');
    expect(details.endingAt).toBe(endingAt.toISOString());
  });

  it('changes the end date with a full v1 PUT and verifies it', async () => {
    let stored: Record<string, unknown> = { ...v1Accepted, metadata: { contact: 'ola@example.org' }, configuration: { entrypointId: 'webhook' } };
    const { client, server } = clientOn([
      [/^GET .*\/subscriptions\/sub-1$/, () => json(stored)],
      [
        /^PUT .*\/subscriptions\/sub-1$/,
        (put) => {
          const body = put.body as Record<string, unknown>;
          stored = { ...stored, ending_at: body.ending_at };
          return json(stored);
        },
      ],
    ]);
    const newEnd = new Date('2026-06-30T21:59:59.999Z');
    const result = await client.changeEndDate(request, newEnd);

    const [put] = changes(server);
    expect(put?.path).toBe(V1_PATH);
    expect(put?.body).toEqual({ id: 'sub-1', starting_at: startingAt.getTime(), ending_at: newEnd.getTime(), metadata: { contact: 'ola@example.org' }, configuration: { entrypointId: 'webhook' } });
    expect(result.endingAt).toBe(newEnd.toISOString());
    expect(server.requests.at(-1)?.method).toBe('GET');
  });

  it('reports an end date the server did not store', async () => {
    const { client } = clientOn([
      [/^GET .*\/subscriptions\/sub-1$/, () => json(v1Accepted)],
      [/^PUT .*\/subscriptions\/sub-1$/, () => json(v1Accepted)],
    ]);
    await expect(client.changeEndDate(request, new Date('2026-06-30T21:59:59.999Z'))).rejects.toMatchObject({ kind: 'not-applied' });
  });

  it('removes the end date by leaving ending_at out', async () => {
    let stored: Record<string, unknown> = { ...v1Accepted };
    const { client, server } = clientOn([
      [/^GET .*\/subscriptions\/sub-1$/, () => json(stored)],
      [
        /^PUT /,
        () => {
          const { ending_at: _removed, ...rest } = stored;
          stored = rest;
          return json(stored);
        },
      ],
    ]);
    const result = await client.changeEndDate(request, null);
    expect(changes(server)[0]?.body).not.toHaveProperty('ending_at');
    expect(result.endingAt).toBeNull();
  });

  it('keeps API Product requests on v2', async () => {
    const { client, server } = clientOn([[/^POST \/v2\//, () => json({ id: 'sub-1', status: 'ACCEPTED' })]]);
    await client.acceptSubscription({ ...request, referenceType: 'API_PRODUCT', apiId: 'prod-1' }, { startingAt, endingAt: null });
    expect(changes(server)[0]?.path).toBe('/v2/environments/DEFAULT/api-products/prod-1/subscriptions/sub-1/_accept');
  });
});

describe('client with unknown capabilities', () => {
  it('falls back to v1 when the server has no v2 module', async () => {
    const onV2Missing = vi.fn(async () => undefined);
    const { client, server } = clientOn(
      [
        [/^POST \/v2\//, () => new Response('', { status: 404 })],
        [/^POST .*\/_process$/, () => json(v1Accepted)],
        [/^GET .*\/subscriptions\/sub-1$/, () => json(v1Accepted)],
      ],
      async () => ({ ...GRAVITEE_3_CAPABILITIES, v2: true, routeStyle: 'env', processedAs: 'either' }),
      { onV2Missing },
    );
    const result = await client.acceptSubscription(request, { startingAt, endingAt });

    expect(changes(server).map((entry) => entry.path)).toEqual(['/v2/environments/DEFAULT/apis/api-1/subscriptions/sub-1/_accept', `${V1_PATH}/_process`]);
    expect(result.status).toBe('ACCEPTED');
    expect(onV2Missing).toHaveBeenCalledTimes(1);

    // The client remembers it: the next call goes to v1 directly.
    await client.getSubscription(request);
    expect(server.requests.at(-1)?.path).toBe(V1_PATH);
    expect(onV2Missing).toHaveBeenCalledTimes(1);
  });

  it('does not fall back on a v2 not-found', async () => {
    const { client, server } = clientOn(
      [[/^POST \/v2\//, () => json({ httpStatus: 404, message: 'Subscription [sub-1] cannot be found.', technicalCode: 'subscription.notFound' }, 404)]],
      capabilitiesForVersion('4.13.0') ?? GRAVITEE_3_CAPABILITIES,
    );
    await expect(client.rejectSubscription(request, 'no')).rejects.toMatchObject({ kind: 'not-found', details: { technicalCode: 'subscription.notFound' } });
    expect(changes(server)).toHaveLength(1);
  });

  it('reads the capabilities once and only when needed', async () => {
    const capabilities = vi.fn(async () => GRAVITEE_3_CAPABILITIES);
    const { client } = clientOn(
      [
        [/^GET \/organizations\/DEFAULT\/user\/tasks$/, () => json({ data: [], metadata: {} })],
        [/^GET .*\/subscriptions\/sub-1$/, () => json(v1Accepted)],
      ],
      capabilities,
    );
    await client.getPendingRequests();
    expect(capabilities).not.toHaveBeenCalled();
    await client.getSubscription(request);
    await client.getSubscription(request);
    expect(capabilities).toHaveBeenCalledTimes(1);
  });

  it('assumes v2 when the capabilities cannot be read', async () => {
    const { client, server } = clientOn([[/^GET \/v2\//, () => json({ id: 'sub-1', status: 'PENDING' })]], async () => {
      throw new Error('storage unavailable');
    });
    await client.getSubscription(request);
    expect(server.requests[0]?.path).toBe('/v2/environments/DEFAULT/apis/api-1/subscriptions/sub-1');
  });
});

describe('environment of a 3.x request', () => {
  const withoutEnvironment = { ...request, environmentId: null };
  const TEST_ENV = '7c1e5a3b-9d2f-4e8a-b6c4-2f0d8e1a9b37';
  const environments = () =>
    json([
      { id: 'DEFAULT', hrids: ['default'], name: 'Default' },
      { id: TEST_ENV, hrids: ['test'], name: 'Test' },
    ]);

  it('finds the environment in the API lists and caches it', async () => {
    const { client, server } = clientOn([
      [/^GET \/organizations\/DEFAULT\/environments$/, environments],
      [/^GET \/organizations\/DEFAULT\/environments\/DEFAULT\/apis$/, () => json([{ id: 'api-9', name: 'Other' }])],
      [new RegExp(`^GET /organizations/DEFAULT/environments/${TEST_ENV}/apis$`), () => json([{ id: 'api-1', name: 'Research' }])],
      [/^POST .*\/_process$/, () => json(v1Accepted)],
      [/^GET .*\/subscriptions\/sub-1$/, () => json(v1Accepted)],
    ]);
    await client.acceptSubscription(withoutEnvironment, { startingAt, endingAt });

    expect(changes(server)[0]?.path).toBe(`/organizations/DEFAULT/environments/${TEST_ENV}/apis/api-1/subscriptions/sub-1/_process`);
    const lists = server.requests.filter((entry) => entry.path.endsWith('/apis'));
    expect(lists.map((entry) => entry.query)).toEqual([{ ids: 'api-1' }, { ids: 'api-1' }]);

    const before = server.requests.length;
    await client.getSubscription(withoutEnvironment);
    expect(server.requests.slice(before).map((entry) => entry.path)).toEqual([`/organizations/DEFAULT/environments/${TEST_ENV}/apis/api-1/subscriptions/sub-1`]);
  });

  it('needs no API list with one environment', async () => {
    const { client, server } = clientOn([
      [/^GET \/organizations\/DEFAULT\/environments$/, () => json([{ id: 'b2e7a9c4', hrids: ['prod'] }])],
      [/^GET .*\/subscriptions\/sub-1$/, () => json(v1Accepted)],
    ]);
    await client.getSubscription(withoutEnvironment);
    expect(server.requests.map((entry) => entry.path)).toEqual(['/organizations/DEFAULT/environments', '/organizations/DEFAULT/environments/b2e7a9c4/apis/api-1/subscriptions/sub-1']);
  });

  it('reads the subscription in each environment when no list has the API', async () => {
    const { client, server } = clientOn([
      [/^GET \/organizations\/DEFAULT\/environments$/, environments],
      [/\/apis$/, () => json([])],
      [/^GET \/organizations\/DEFAULT\/environments\/DEFAULT\/apis\/api-1\/subscriptions\/sub-1$/, () => json({ message: 'Subscription [sub-1] cannot be found.', http_status: 404 }, 404)],
      [/^GET .*\/subscriptions\/sub-1$/, () => json(v1Accepted)],
    ]);
    expect(await client.resolveEnvironment(withoutEnvironment)).toBe(TEST_ENV);
    expect(server.requests.at(-1)?.path).toBe(`/organizations/DEFAULT/environments/${TEST_ENV}/apis/api-1/subscriptions/sub-1`);
  });

  it('fails as not-found when no environment has the API', async () => {
    const { client, server } = clientOn([
      [/^GET \/organizations\/DEFAULT\/environments$/, environments],
      [/\/apis$/, () => json([])],
      [/\/subscriptions\/sub-1$/, () => json({ message: 'Subscription [sub-1] cannot be found.', http_status: 404 }, 404)],
    ]);
    await expect(client.rejectSubscription(withoutEnvironment, 'no')).rejects.toMatchObject({ kind: 'not-found' });
    expect(changes(server)).toEqual([]);
  });

  it('fills in cached environments when reading tasks', async () => {
    const tasks = {
      data: [{ type: 'SUBSCRIPTION_APPROVAL', data: { id: 'sub-1', api: 'api-1', plan: 'plan-1', application: 'app-1', created_at: 5 }, created_at: 5 }],
      metadata: { 'plan-1': { name: 'Gold', api: 'api-1' }, 'api-1': { name: 'Research' } },
    };
    const { client, environments: cache } = clientOn([[/\/user\/tasks$/, () => json(tasks)]]);
    expect((await client.getPendingRequests()).requests[0]?.environmentId).toBeNull();
    await cache.set({ 'api-1': TEST_ENV });
    expect((await client.getPendingRequests()).requests[0]?.environmentId).toBe(TEST_ENV);
  });
});
