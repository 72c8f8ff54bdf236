import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pollIfDue, pollNow } from '@/lib/background/poll';
import { POLL_ALARM } from '@/lib/background/schedule';
import { connectionItem, snapshotItem, tokenItem } from '@/lib/storage';

const connection = { consoleUrl: 'http://127.0.0.1:8084/', managementUrl: 'http://127.0.0.1:8083/management', organization: 'DEFAULT' };

const tasksBody = {
  data: [
    { type: 'SUBSCRIPTION_APPROVAL', data: { id: 's1', api: 'api1', plan: 'plan1', application: 'app1', created_at: 1000 }, created_at: 1000 },
    { type: 'SUBSCRIPTION_APPROVAL', data: { id: 's2', api: 'api1', plan: 'plan1', application: 'app1', created_at: 2000 }, created_at: 2000 },
  ],
  metadata: { app1: { name: 'Canvas' }, plan1: { name: 'Gold', api: 'api1' }, api1: { name: 'Student Records', environmentId: 'DEFAULT' } },
};

/** Routes fetch by path; records the paths asked for. */
function stubFetch(routes: Record<string, () => Response>) {
  const paths: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string | URL | Request) => {
      const path = new URL(String(url)).pathname;
      paths.push(path);
      const route = Object.entries(routes).find(([suffix]) => path.endsWith(suffix));
      if (!route) return new Response('', { status: 404 });
      return route[1]();
    }),
  );
  return paths;
}

function json(body: unknown, status = 200) {
  return () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function badge() {
  return {
    text: await fakeBrowser.action.getBadgeText({}),
    title: await fakeBrowser.action.getTitle({}),
  };
}

describe('pollNow', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports not configured without any request', async () => {
    const paths = stubFetch({});
    const snapshot = await pollNow();
    expect(snapshot.status).toBe('not-configured');
    expect(paths).toEqual([]);
    expect((await badge()).text).toBe('?');
  });

  it('reports missing host access without any request', async () => {
    await connectionItem.setValue(connection);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const paths = stubFetch({});
    const snapshot = await pollNow();
    expect(snapshot.status).toBe('permission-missing');
    expect(paths).toEqual([]);
    expect((await badge()).text).toBe('OFF');
  });

  it('counts pending requests, stores them and arms the alarm', async () => {
    await connectionItem.setValue(connection);
    await tokenItem.setValue('pat');
    stubFetch({ '/console': json({ scheduler: { tasks: 10 } }), '/user/tasks': json(tasksBody) });

    const snapshot = await pollNow();

    expect(snapshot.status).toBe('ok');
    expect(snapshot.requests.map((request) => request.subscriptionId)).toEqual(['s1', 's2']);
    expect((await snapshotItem.getValue()).requests).toHaveLength(2);
    expect((await badge()).text).toBe('2');
    const alarm = await fakeBrowser.alarms.get(POLL_ALARM);
    expect(alarm?.periodInMinutes).toBe(1);
  });

  it('uses the organization interval as a floor', async () => {
    await connectionItem.setValue(connection);
    stubFetch({ '/console': json({ scheduler: { tasks: 300 } }), '/user/tasks': json(tasksBody) });
    const snapshot = await pollNow();
    expect(snapshot.intervalSeconds).toBe(300);
    expect((await fakeBrowser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(5);
  });

  it('keeps the last good requests but shows an error badge after a failure', async () => {
    await connectionItem.setValue(connection);
    stubFetch({ '/console': json({ scheduler: { tasks: 10 } }), '/user/tasks': json(tasksBody) });
    await pollNow();

    stubFetch({ '/user/tasks': () => new Response('', { status: 401 }) });
    const snapshot = await pollNow();

    expect(snapshot.status).toBe('error');
    expect(snapshot.error?.kind).toBe('unauthorized');
    expect(snapshot.requests).toHaveLength(2);
    const shown = await badge();
    expect(shown.text).toBe('X');
    expect(shown.title).toContain('Last known count: 2');
  });

  it('shares one request between concurrent callers', async () => {
    await connectionItem.setValue(connection);
    const paths = stubFetch({ '/console': json({ scheduler: { tasks: 10 } }), '/user/tasks': json(tasksBody) });
    const [first, second] = await Promise.all([pollNow(), pollNow()]);
    expect(first.requests).toHaveLength(2);
    expect(second.requests).toHaveLength(2);
    expect(paths.filter((path) => path.endsWith('/user/tasks'))).toHaveLength(1);
  });
});

describe('pollIfDue', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('skips a poll when the last attempt is recent', async () => {
    await connectionItem.setValue(connection);
    const paths = stubFetch({ '/console': json({ scheduler: { tasks: 10 } }), '/user/tasks': json(tasksBody) });
    await pollNow();
    await pollIfDue();
    expect(paths.filter((path) => path.endsWith('/user/tasks'))).toHaveLength(1);

    await pollIfDue(Date.now() + 61_000);
    expect(paths.filter((path) => path.endsWith('/user/tasks'))).toHaveLength(2);
  });
});
