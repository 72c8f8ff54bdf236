import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openNotification, updateNotifications } from '@/lib/background/notifications';
import type { PendingRequest } from '@/lib/gravitee/types';
import type { ConnectionSnapshot, PollSnapshot } from '@/lib/messages';
import { announcedRequestsItem, preferencesItem, defaultPreferences } from '@/lib/storage';

function request(id: string, connectionId = 'uio'): PendingRequest {
  return {
    connectionId,
    subscriptionId: id,
    referenceType: 'API',
    apiId: 'api-1',
    apiName: 'Studentregister API',
    planId: 'plan-1',
    planName: 'Gold',
    applicationId: 'app-1',
    applicationName: `App ${id}`,
    environmentId: 'DEFAULT',
    consumerMessage: null,
    createdAt: 1,
  };
}

function snapshot(requests: PendingRequest[], status: ConnectionSnapshot['status'] = 'ok'): PollSnapshot {
  return {
    connections: [
      {
        connectionId: 'uio',
        connectionName: 'UiO',
        consoleUrl: 'http://127.0.0.1:8084/',
        authMode: 'token',
        sessionShareable: true,
        routeStyle: 'env',
        status,
        requests,
        malformedCount: 0,
        lastSuccessAt: 1,
        lastAttemptAt: 1,
        error: null,
        intervalSeconds: 60,
        failureCount: 0,
        nextPollAt: 2,
      },
    ],
  };
}

let created: Array<{ id: string; title: string; message: string }>;
let cleared: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  created = [];
  cleared = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  // create(id, options) is the overload the worker uses, but the spy's type only declares create(options).
  const create = vi.spyOn(fakeBrowser.notifications, 'create') as unknown as { mockImplementation(implementation: (id: string, options: { title: string; message: string }) => Promise<string>): void };
  create.mockImplementation(async (id, options) => {
    created.push({ id, title: options.title, message: options.message });
    return id;
  });
  vi.spyOn(fakeBrowser.notifications, 'clear').mockImplementation(async (id: string) => {
    cleared.push(id);
    return true;
  });
  await preferencesItem.setValue({ ...defaultPreferences, language: 'en', notifications: true });
});

describe('updateNotifications', () => {
  it('records what waits without announcing it when switched on', async () => {
    await updateNotifications(snapshot([request('a'), request('b')]), true);
    expect(created).toEqual([]);
    expect(Object.keys(await announcedRequestsItem.getValue()).sort()).toEqual(['uio:a', 'uio:b']);
  });

  it('announces one new request once', async () => {
    await updateNotifications(snapshot([request('a')]), true);
    await updateNotifications(snapshot([request('a'), request('b')]));
    await updateNotifications(snapshot([request('a'), request('b')]));
    expect(created).toHaveLength(1);
    expect(created[0]?.id).toBe('gatekeeper-request:uio:b');
    expect(created[0]?.message).toContain('App b asks to subscribe to Studentregister API (Gold)');
  });

  it('sums several new requests in one notification', async () => {
    await updateNotifications(snapshot([]), true);
    await updateNotifications(snapshot([request('a'), request('b'), request('c')]));
    expect(created).toHaveLength(1);
    expect(created[0]?.title).toBe('3 new subscription requests');
  });

  it('withdraws a notification when its request is handled', async () => {
    await updateNotifications(snapshot([]), true);
    await updateNotifications(snapshot([request('a')]));
    await updateNotifications(snapshot([]));
    expect(cleared).toEqual(['gatekeeper-request:uio:a']);
    expect(await announcedRequestsItem.getValue()).toEqual({});
  });

  it('keeps announcements while the connection fails', async () => {
    await updateNotifications(snapshot([]), true);
    await updateNotifications(snapshot([request('a')]));
    await updateNotifications(snapshot([], 'error'));
    expect(cleared).toEqual([]);
    expect(Object.keys(await announcedRequestsItem.getValue())).toEqual(['uio:a']);
  });

  it('does nothing when switched off', async () => {
    await preferencesItem.setValue({ ...defaultPreferences, notifications: false });
    await updateNotifications(snapshot([request('a')]));
    expect(created).toEqual([]);
    expect(await announcedRequestsItem.getValue()).toEqual({});
  });
});

describe('openNotification', () => {
  it('opens the request in the console', async () => {
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await openNotification('gatekeeper-request:uio:a', snapshot([request('a')]));
    expect(tabs).toHaveBeenCalledWith({ url: 'http://127.0.0.1:8084/#!/DEFAULT/apis/api-1/subscriptions/a' });
    expect(cleared).toEqual(['gatekeeper-request:uio:a']);
  });
});
