import { createGraviteeClient, createMemoryCsrfStore } from '@/lib/gravitee/client';
import { GraviteeError } from '@/lib/gravitee/errors';
import type { PendingRequest } from '@/lib/gravitee/types';

const connection = { id: 'c1', name: 'Test', consoleUrl: 'http://127.0.0.1:8084/', managementUrl: 'http://127.0.0.1:8083/management/', organization: 'DEFAULT' };

const request: PendingRequest = {
  connectionId: 'c1',
  subscriptionId: 'sub-1',
  referenceType: 'API',
  apiId: 'api-1',
  apiName: 'Student Records API',
  planId: 'plan-1',
  planName: 'Gold',
  applicationId: 'app-1',
  applicationName: 'Canvas',
  environmentId: 'env-2',
  consumerMessage: null,
  createdAt: 1,
};

interface Call {
  url: string;
  init: RequestInit;
}

/** Creates a fake fetch that responds from a queue and records every call. */
function fakeFetch(answers: Array<() => Response | Promise<Response>>) {
  const calls: Call[] = [];
  const impl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected call to ${String(url)}`);
    return next();
  });
  return { calls, fetch: impl as unknown as typeof fetch };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const accepted = { id: 'sub-1', status: 'ACCEPTED', startingAt: '2026-12-04T10:00:00Z', endingAt: '2027-12-04T22:59:59.999Z', publisherMessage: null };

function headersOf(call: Call | undefined): Record<string, string> {
  return (call?.init.headers ?? {}) as Record<string, string>;
}

describe('createGraviteeClient', () => {
  it('sends the token, X-Requested-With and credentials on GET', async () => {
    const { calls, fetch } = fakeFetch([json(200, { data: [], metadata: {} })]);
    const client = createGraviteeClient({ connection, token: 'pat-1', csrf: createMemoryCsrfStore(), fetch });
    await client.getPendingRequests();

    expect(calls[0]?.url).toBe('http://127.0.0.1:8083/management/organizations/DEFAULT/user/tasks');
    expect(headersOf(calls[0]).Authorization).toBe('Bearer pat-1');
    expect(headersOf(calls[0])['X-Requested-With']).toBe('XMLHttpRequest');
    expect(calls[0]?.init.credentials).toBe('include');
  });

  it('fetches a CSRF token before the first POST and echoes it', async () => {
    const { calls, fetch } = fakeFetch([
      json(200, { id: 'u1', displayName: 'Ada' }, { 'X-Xsrf-Token': 'csrf-1' }),
      json(200, accepted, { 'X-Xsrf-Token': 'csrf-1' }),
    ]);
    const client = createGraviteeClient({ connection, token: 'pat-1', csrf: createMemoryCsrfStore(), fetch });
    const startingAt = new Date('2026-12-04T10:00:00Z');
    const endingAt = new Date('2027-12-04T22:59:59.999Z');
    const result = await client.acceptSubscription(request, { startingAt, endingAt });

    expect(result.status).toBe('ACCEPTED');
    expect(calls[1]?.url).toBe('http://127.0.0.1:8083/management/v2/environments/env-2/apis/api-1/subscriptions/sub-1/_accept');
    expect(calls[1]?.init.method).toBe('POST');
    expect(headersOf(calls[1])['X-Xsrf-Token']).toBe('csrf-1');
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({ startingAt: '2026-12-04T10:00:00.000Z', endingAt: '2027-12-04T22:59:59.999Z' });
  });

  it('never sends customApiKey and omits a missing end date', async () => {
    const csrf = createMemoryCsrfStore();
    await csrf.set('csrf-1');
    const { calls, fetch } = fakeFetch([json(200, accepted)]);
    const client = createGraviteeClient({ connection, token: 'pat-1', csrf, fetch });
    await client.acceptSubscription(request, { startingAt: new Date('2026-12-04T10:00:00Z'), endingAt: null }, '  Welcome  ');

    const body = JSON.parse(String(calls[0]?.init.body));
    expect(body).toEqual({ startingAt: '2026-12-04T10:00:00.000Z', reason: 'Welcome' });
    expect(body).not.toHaveProperty('customApiKey');
  });

  it('retries once after a CSRF rejection with a fresh token', async () => {
    const csrf = createMemoryCsrfStore();
    await csrf.set('stale');
    const { calls, fetch } = fakeFetch([
      () => new Response('', { status: 403 }),
      json(200, { id: 'u1' }, { 'X-Xsrf-Token': 'fresh' }),
      json(200, { ...accepted, status: 'REJECTED' }),
    ]);
    const client = createGraviteeClient({ connection, token: 'pat-1', csrf, fetch });
    const result = await client.rejectSubscription(request, 'Use the test plan');

    expect(result.status).toBe('REJECTED');
    expect(calls).toHaveLength(3);
    expect(headersOf(calls[2])['X-Xsrf-Token']).toBe('fresh');
  });

  it('does not retry a permission 403', async () => {
    const csrf = createMemoryCsrfStore();
    await csrf.set('csrf-1');
    const { calls, fetch } = fakeFetch([json(403, { httpStatus: 403, message: 'You do not have sufficient rights', technicalCode: 'forbidden' })]);
    const client = createGraviteeClient({ connection, token: 'pat-1', csrf, fetch });

    await expect(client.rejectSubscription(request, 'no')).rejects.toMatchObject({ kind: 'forbidden' });
    expect(calls).toHaveLength(1);
  });

  it('routes API Product requests to api-products', async () => {
    const csrf = createMemoryCsrfStore();
    await csrf.set('csrf-1');
    const { calls, fetch } = fakeFetch([json(200, accepted)]);
    const client = createGraviteeClient({ connection, token: null, csrf, fetch });
    await client.acceptSubscription({ ...request, referenceType: 'API_PRODUCT', apiId: 'prod-1' }, { startingAt: new Date(), endingAt: null });

    expect(calls[0]?.url).toContain('/v2/environments/env-2/api-products/prod-1/subscriptions/sub-1/_accept');
    expect(headersOf(calls[0]).Authorization).toBeUndefined();
  });

  it('classifies a non-JSON success as invalid-response', async () => {
    const { fetch } = fakeFetch([() => new Response('<html>login</html>', { status: 200 })]);
    const client = createGraviteeClient({ connection, token: 'pat-1', csrf: createMemoryCsrfStore(), fetch });
    await expect(client.getPendingRequests()).rejects.toMatchObject({ kind: 'invalid-response' });
  });

  it('classifies a schema mismatch as invalid-response', async () => {
    const { fetch } = fakeFetch([json(200, { id: 7 })]);
    const client = createGraviteeClient({ connection, token: 'pat-1', csrf: createMemoryCsrfStore(), fetch });
    const failure = await client.getCurrentUser().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraviteeError);
    expect((failure as GraviteeError).kind).toBe('invalid-response');
  });

  it('times out a hanging request', async () => {
    const hanging = vi.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    ) as unknown as typeof fetch;
    const client = createGraviteeClient({ connection, token: 'pat-1', csrf: createMemoryCsrfStore(), fetch: hanging, timeoutMs: 20 });
    await expect(client.getPendingRequests()).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('classifies a refused connection as network', async () => {
    const refused = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const client = createGraviteeClient({ connection, token: 'pat-1', csrf: createMemoryCsrfStore(), fetch: refused });
    await expect(client.getPendingRequests()).rejects.toMatchObject({ kind: 'network' });
  });

  it('reads the console poll interval', async () => {
    const { fetch } = fakeFetch([json(200, { scheduler: { tasks: 90, notifications: 10 } })]);
    const client = createGraviteeClient({ connection, token: null, csrf: createMemoryCsrfStore(), fetch });
    expect(await client.getTaskPollSeconds()).toBe(90);
  });
});
