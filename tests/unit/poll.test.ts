import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pollAfterReconnect, pollDue, pollNow } from '@/lib/background/poll';
import { POLL_ALARM } from '@/lib/background/schedule';
import { connectionsItem, snapshotItem, tokensItem } from '@/lib/storage';
import type { Connection } from '@/lib/gravitee/types';

const uio: Connection = { id: 'uio', name: 'UiO', consoleUrl: 'http://127.0.0.1:8084/', managementUrl: 'http://127.0.0.1:8083/management', organization: 'DEFAULT' };
const ntnu: Connection = { id: 'ntnu', name: 'NTNU', consoleUrl: 'http://127.0.0.2:8084/', managementUrl: 'http://127.0.0.2:8083/management', organization: 'DEFAULT' };

function tasksBody(...ids: string[]) {
  return {
    data: ids.map((id, index) => ({
      type: 'SUBSCRIPTION_APPROVAL',
      data: { id, api: 'api1', plan: 'plan1', application: 'app1', created_at: 1000 + index },
      created_at: 1000 + index,
    })),
    metadata: { app1: { name: 'Canvas' }, plan1: { name: 'Gold', api: 'api1' }, api1: { name: 'Student Records', environmentId: 'DEFAULT' } },
  };
}

type Route = (url: URL, init?: RequestInit) => Response;

/** Routes fetch by host and path suffix; records every request as `host path`. */
function stubFetch(routes: Record<string, Route>) {
  const requests: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input));
      requests.push(`${url.hostname} ${url.pathname}`);
      const route = Object.entries(routes).find(([key]) => `${url.hostname} ${url.pathname}`.endsWith(key));
      return route ? route[1](url, init) : new Response('', { status: 404 });
    }),
  );
  return requests;
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Route {
  return () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const consoleSettings = json({ scheduler: { tasks: 10 } });

async function badge() {
  return { text: await fakeBrowser.action.getBadgeText({}), title: await fakeBrowser.action.getTitle({}) };
}

function tasksRequests(requests: string[]) {
  return requests.filter((request) => request.endsWith('/user/tasks'));
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pollNow', () => {
  it('reports not configured without any request', async () => {
    const requests = stubFetch({});
    const snapshot = await pollNow();
    expect(snapshot.connections).toEqual([]);
    expect(requests).toEqual([]);
    expect((await badge()).text).toBe('?');
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toBeUndefined();
  });

  it('reports missing host access without any request', async () => {
    await connectionsItem.setValue([uio]);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const requests = stubFetch({});
    const snapshot = await pollNow();
    expect(snapshot.connections[0]?.status).toBe('permission-missing');
    expect(requests).toEqual([]);
    expect((await badge()).text).toBe('OFF');
  });

  it('counts pending requests, tags them with the connection and arms the alarm', async () => {
    await connectionsItem.setValue([uio]);
    await tokensItem.setValue({ uio: 'pat' });
    stubFetch({ '/console': consoleSettings, '/user/tasks': json(tasksBody('s1', 's2')) });

    const snapshot = await pollNow();

    expect(snapshot.connections[0]?.status).toBe('ok');
    expect(snapshot.connections[0]?.requests.map((request) => `${request.connectionId}:${request.subscriptionId}`)).toEqual(['uio:s1', 'uio:s2']);
    expect((await snapshotItem.getValue()).connections[0]?.requests).toHaveLength(2);
    expect((await badge()).text).toBe('2');
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(1);
  });

  it('sends the token of each connection to its own host only', async () => {
    await connectionsItem.setValue([uio, ntnu]);
    await tokensItem.setValue({ uio: 'pat-uio', ntnu: 'pat-ntnu' });
    const seen: string[] = [];
    const tasks: Route = (url, init) => {
      seen.push(`${url.hostname} ${(init?.headers as Record<string, string>).Authorization}`);
      return json(tasksBody('s1'))(url, init);
    };
    stubFetch({ '/console': consoleSettings, '/user/tasks': tasks });
    await pollNow();
    expect(seen.sort()).toEqual(['127.0.0.1 Bearer pat-uio', '127.0.0.2 Bearer pat-ntnu']);
  });

  it('uses the organization interval as a floor', async () => {
    await connectionsItem.setValue([uio]);
    stubFetch({ '/console': json({ scheduler: { tasks: 300 } }), '/user/tasks': json(tasksBody('s1')) });
    const snapshot = await pollNow();
    expect(snapshot.connections[0]?.intervalSeconds).toBe(300);
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(5);
  });

  it('keeps the last good requests but shows an error badge after a failure', async () => {
    await connectionsItem.setValue([uio]);
    stubFetch({ '/console': consoleSettings, '/user/tasks': json(tasksBody('s1', 's2')) });
    await pollNow();

    stubFetch({ '/user/tasks': () => new Response('', { status: 401 }) });
    const snapshot = await pollNow();

    const entry = snapshot.connections[0];
    expect(entry?.status).toBe('error');
    expect(entry?.error?.kind).toBe('unauthorized');
    expect(entry?.requests).toHaveLength(2);
    expect(entry?.nextPollAt).toBeNull();
    const shown = await badge();
    expect(shown.text).toBe('X');
    expect(shown.title).toContain('Last known count: 2');
  });

  it('shows the other connection when one fails', async () => {
    await connectionsItem.setValue([uio, ntnu]);
    stubFetch({
      '127.0.0.1 /management/organizations/DEFAULT/console': consoleSettings,
      '127.0.0.2 /management/organizations/DEFAULT/console': consoleSettings,
      '127.0.0.1 /management/organizations/DEFAULT/user/tasks': json(tasksBody('s1', 's2')),
      '127.0.0.2 /management/organizations/DEFAULT/user/tasks': () => new Response('{"httpStatus":502}', { status: 502 }),
    });
    const snapshot = await pollNow();
    expect(snapshot.connections.map((entry) => entry.status)).toEqual(['ok', 'error']);
    expect((await badge()).text).toBe('2+');
  });

  it('shares one request between concurrent callers', async () => {
    await connectionsItem.setValue([uio]);
    const requests = stubFetch({ '/console': consoleSettings, '/user/tasks': json(tasksBody('s1', 's2')) });
    const [first, second] = await Promise.all([pollNow(), pollNow()]);
    expect(first.connections[0]?.requests).toHaveLength(2);
    expect(second.connections[0]?.requests).toHaveLength(2);
    expect(tasksRequests(requests)).toHaveLength(1);
  });
});

describe('pollDue', () => {
  it('skips a connection whose next poll is not due', async () => {
    await connectionsItem.setValue([uio]);
    const requests = stubFetch({ '/console': consoleSettings, '/user/tasks': json(tasksBody('s1')) });
    await pollNow();
    await pollDue();
    expect(tasksRequests(requests)).toHaveLength(1);

    await pollDue(Date.now() + 61_000);
    expect(tasksRequests(requests)).toHaveLength(2);
  });

  it('backs off after server errors', async () => {
    await connectionsItem.setValue([uio]);
    const requests = stubFetch({ '/console': consoleSettings, '/user/tasks': () => new Response('{"httpStatus":500,"message":"boom"}', { status: 500 }) });
    await pollNow();
    const first = (await snapshotItem.getValue()).connections[0];
    expect(first?.failureCount).toBe(1);

    await pollDue(Date.now() + 61_000);
    const second = (await snapshotItem.getValue()).connections[0];
    expect(second?.failureCount).toBe(2);
    const delay = (second?.nextPollAt ?? 0) - (second?.lastAttemptAt ?? 0);
    expect(delay).toBeGreaterThanOrEqual(119_000);

    await pollDue(Date.now() + 61_000);
    expect(tasksRequests(requests)).toHaveLength(2);
  });

  it('honours Retry-After, even for a manual refresh', async () => {
    await connectionsItem.setValue([uio]);
    const requests = stubFetch({ '/console': consoleSettings, '/user/tasks': () => new Response('', { status: 429, headers: { 'Retry-After': '900' } }) });
    await pollNow();
    const entry = (await snapshotItem.getValue()).connections[0];
    expect((entry?.nextPollAt ?? 0) - (entry?.lastAttemptAt ?? 0)).toBeGreaterThanOrEqual(899_000);

    await pollNow();
    await pollDue(Date.now() + 300_000);
    expect(tasksRequests(requests)).toHaveLength(1);
  });

  it('does not retry a rejected token on its own', async () => {
    await connectionsItem.setValue([uio]);
    const requests = stubFetch({ '/console': consoleSettings, '/user/tasks': () => new Response('', { status: 401 }) });
    await pollNow();
    await pollDue(Date.now() + 24 * 60 * 60_000);
    expect(tasksRequests(requests)).toHaveLength(1);
  });
});

describe('pollAfterReconnect', () => {
  it('retries a network failure at once', async () => {
    await connectionsItem.setValue([uio]);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await pollNow();
    expect((await snapshotItem.getValue()).connections[0]?.error?.kind).toBe('network');

    const requests = stubFetch({ '/console': consoleSettings, '/user/tasks': json(tasksBody('s1')) });
    const snapshot = await pollAfterReconnect();
    expect(tasksRequests(requests)).toHaveLength(1);
    expect(snapshot.connections[0]?.status).toBe('ok');
  });
});
