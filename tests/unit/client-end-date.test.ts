import { createGraviteeClient, createMemoryCsrfStore } from '@/lib/gravitee/client';

const connection = { id: 'c1', name: 'Test', consoleUrl: 'http://127.0.0.1:8084/', managementUrl: 'http://127.0.0.1:8083/management', organization: 'DEFAULT' };
const target = { environmentId: 'DEFAULT', referenceType: 'API' as const, apiId: 'api-1', subscriptionId: 'sub-1' };

const stored = {
  id: 'sub-1',
  status: 'ACCEPTED',
  startingAt: '2026-01-01T00:00:00Z',
  endingAt: '2027-01-01T00:00:00Z',
  metadata: { contact: 'ola@example.org' },
  consumerConfiguration: { entrypointId: 'webhook', channel: 'grades' },
  plan: { id: 'plan-1', name: 'Gold', security: { type: 'API_KEY' } },
};

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'X-Xsrf-Token': 'csrf' } });
}

/** Creates a fake server with one subscription, where `applyPut` decides what a PUT stores. */
function fakeServer(applyPut: (current: typeof stored, body: Record<string, unknown>) => typeof stored | Response) {
  let current = { ...stored };
  const calls: Array<{ method: string; url: string; body: Record<string, unknown> | null }> = [];
  const impl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : null;
    calls.push({ method, url: String(url), body });
    if (method === 'PUT' && body) {
      const next = applyPut(current, body);
      if (next instanceof Response) return next;
      current = next;
    }
    return json(current);
  });
  return { calls, fetch: impl as unknown as typeof fetch };
}

function clientWith(fetchImpl: typeof fetch) {
  return createGraviteeClient({ connection, token: 'pat', csrf: createMemoryCsrfStore(), fetch: fetchImpl });
}

describe('changeEndDate', () => {
  it('sends every field back and verifies the stored end date', async () => {
    const server = fakeServer((current, body) => ({ ...current, endingAt: String(body.endingAt) }));
    const result = await clientWith(server.fetch).changeEndDate(target, new Date('2026-06-30T21:59:59.999Z'));

    const put = server.calls.find((call) => call.method === 'PUT');
    expect(put?.url).toBe('http://127.0.0.1:8083/management/v2/environments/DEFAULT/apis/api-1/subscriptions/sub-1');
    expect(put?.body).toEqual({
      startingAt: '2026-01-01T00:00:00Z',
      endingAt: '2026-06-30T21:59:59.999Z',
      metadata: { contact: 'ola@example.org' },
      consumerConfiguration: { entrypointId: 'webhook', channel: 'grades' },
    });
    expect(result.endingAt).toBe('2026-06-30T21:59:59.999Z');
    expect(result.planSecurity).toBe('API_KEY');
    expect(server.calls.at(-1)?.method).toBe('GET');
  });

  it('removes the end date by leaving it out', async () => {
    const server = fakeServer((current, body) => ({ ...current, endingAt: (body.endingAt as string | undefined) ?? (null as unknown as string) }));
    const result = await clientWith(server.fetch).changeEndDate(target, null);
    const put = server.calls.find((call) => call.method === 'PUT');
    expect(put?.body).not.toHaveProperty('endingAt');
    expect(result.endingAt).toBeNull();
  });

  it('reports a server that changes nothing', async () => {
    const server = fakeServer((current) => current);
    await expect(clientWith(server.fetch).changeEndDate(target, new Date('2026-06-30T21:59:59.999Z'))).rejects.toMatchObject({ kind: 'not-applied' });
  });

  it('reports a status change as not applied', async () => {
    const server = fakeServer((current, body) => ({ ...current, status: 'CLOSED', endingAt: String(body.endingAt) }));
    await expect(clientWith(server.fetch).changeEndDate(target, new Date('2026-06-30T21:59:59.999Z'))).rejects.toMatchObject({ kind: 'not-applied' });
  });

  it('classifies subscription.notUpdatable', async () => {
    const server = fakeServer(() => json({ httpStatus: 400, message: 'Subscription cannot be updated', technicalCode: 'subscription.notUpdatable' }, 400));
    await expect(clientWith(server.fetch).changeEndDate(target, new Date('2026-06-30T21:59:59.999Z'))).rejects.toMatchObject({
      kind: 'bad-request',
      details: { technicalCode: 'subscription.notUpdatable' },
    });
  });
});
