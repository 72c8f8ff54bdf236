import { badgeView, countText } from '@/lib/badge/state';
import { translator } from '@/lib/i18n';
import type { ConnectionSnapshot, PollSnapshot } from '@/lib/messages';
import type { PendingRequest } from '@/lib/gravitee/types';

const now = Date.parse('2026-12-04T12:00:00Z');
const t = translator('en');

function request(id: string, connectionId = 'a'): PendingRequest {
  return {
    connectionId,
    subscriptionId: id,
    referenceType: 'API',
    apiId: 'api',
    apiName: 'API',
    planId: 'plan',
    planName: 'Plan',
    applicationId: 'app',
    applicationName: 'App',
    environmentId: 'DEFAULT',
    consumerMessage: null,
    createdAt: 0,
  };
}

function connection(overrides: Partial<ConnectionSnapshot>): ConnectionSnapshot {
  return {
    connectionId: 'a',
    connectionName: 'UiO',
    consoleUrl: 'http://127.0.0.1:8084/',
    authMode: 'token',
    sessionShareable: true,
    routeStyle: 'env',
    status: 'ok',
    requests: [],
    malformedCount: 0,
    lastSuccessAt: now - 1000,
    lastAttemptAt: now - 1000,
    error: null,
    intervalSeconds: 60,
    failureCount: 0,
    nextPollAt: now + 59_000,
    ...overrides,
  };
}

function single(overrides: Partial<ConnectionSnapshot>): PollSnapshot {
  return { connections: [connection(overrides)] };
}

describe('badgeView with one connection', () => {
  it('shows the count of pending requests', () => {
    const view = badgeView(single({ requests: [request('a'), request('b')] }), now, t);
    expect(view.kind).toBe('count');
    expect(view.text).toBe('2');
    expect(view.title).toContain('2 subscription requests');
  });

  it('counts unreadable tasks too', () => {
    const view = badgeView(single({ requests: [request('a')], malformedCount: 1 }), now, t);
    expect(view.text).toBe('2');
    expect(view.title).toContain('could not be read');
  });

  it('shows a blank badge only after a successful poll with nothing pending', () => {
    const view = badgeView(single({}), now, t);
    expect(view.kind).toBe('none');
    expect(view.text).toBe('');
  });

  it('never shows a count or blank after a failed poll', () => {
    const failures: Array<[ConnectionSnapshot['error'], string, string]> = [
      [{ kind: 'unauthorized', status: 401 }, 'sign-in', 'X'],
      [{ kind: 'forbidden', status: 403 }, 'forbidden', '403'],
      [{ kind: 'csrf-or-cors', status: 403 }, 'forbidden', '403'],
      [{ kind: 'not-found', status: 404 }, 'server-error', 'ERR'],
      [{ kind: 'server', status: 502 }, 'server-error', 'ERR'],
      [{ kind: 'rate-limited', status: 429 }, 'server-error', 'ERR'],
      [{ kind: 'network' }, 'unreachable', '!'],
      [{ kind: 'timeout' }, 'unreachable', '!'],
      [{ kind: 'invalid-response' }, 'server-error', 'ERR'],
    ];
    for (const [error, kind, text] of failures) {
      const view = badgeView(single({ status: 'error', error, requests: [request('a')] }), now, t);
      expect(view.kind).toBe(kind);
      expect(view.text).toBe(text);
    }
  });

  it('says what to do about a missing console session', () => {
    const session = badgeView(single({ status: 'error', error: { kind: 'unauthorized', status: 401 }, authMode: 'session' }), now, t);
    const crossSite = badgeView(single({ status: 'error', error: { kind: 'unauthorized', status: 401 }, authMode: 'session', sessionShareable: false }), now, t);
    const token = badgeView(single({ status: 'error', error: { kind: 'unauthorized', status: 401 }, authMode: 'token' }), now, t);
    expect(session.title).toMatch(/Sign in to the Gravitee console/);
    expect(crossSite.title).toMatch(/different sites/);
    expect(token.title).toMatch(/rejected the personal access token/);
    expect(new Set([session.text, crossSite.text, token.text])).toEqual(new Set(['X']));
  });

  it('names the last good count in an error tooltip', () => {
    const view = badgeView(single({ status: 'error', error: { kind: 'network' }, requests: [request('a')], lastSuccessAt: now - 60_000 }), now, t);
    expect(view.title).toContain('Last known count: 1');
  });

  it('marks a count older than three intervals as stale', () => {
    const view = badgeView(single({ requests: [request('a')], lastSuccessAt: now - 4 * 60_000 }), now, t);
    expect(view.kind).toBe('stale');
    expect(view.text).toBe('1?');
  });

  it('has distinct badges for setup problems', () => {
    const notConfigured = badgeView({ connections: [] }, now, t);
    const permission = badgeView(single({ status: 'permission-missing' }), now, t);
    const loading = badgeView(single({ status: 'never-polled', lastSuccessAt: null }), now, t);
    expect(notConfigured.text).toBe('?');
    expect(permission.text).toBe('OFF');
    expect(permission.title).toContain('http://127.0.0.1:8084');
    expect(loading.text).toBe('…');
  });

  it('writes tooltips in Norwegian Bokmål', () => {
    const view = badgeView(single({ requests: [request('a'), request('b')] }), now, translator('nb'));
    expect(view.title).toContain('abonnementsforespørsler');
  });
});

describe('badgeView with several connections', () => {
  it('sums the counts', () => {
    const view = badgeView(
      { connections: [connection({ requests: [request('a')] }), connection({ connectionId: 'b', connectionName: 'NTNU', requests: [request('b', 'b'), request('c', 'b')] })] },
      now,
      t,
    );
    expect(view.text).toBe('3');
    expect(view.title).toContain('UiO: 1 subscription request');
    expect(view.title).toContain('NTNU: 2 subscription requests');
  });

  it('marks a partial sum when one connection fails', () => {
    const view = badgeView(
      { connections: [connection({ requests: [request('a')] }), connection({ connectionId: 'b', connectionName: 'NTNU', status: 'error', error: { kind: 'network' } })] },
      now,
      t,
    );
    expect(view.kind).toBe('unreachable');
    expect(view.text).toBe('1+');
    expect(view.title).toContain('NTNU: Gatekeeper cannot reach');
  });

  it('shows the worst problem when nothing is vouched for', () => {
    const view = badgeView(
      {
        connections: [
          connection({ status: 'error', error: { kind: 'network' } }),
          connection({ connectionId: 'b', connectionName: 'NTNU', status: 'error', error: { kind: 'unauthorized', status: 401 } }),
        ],
      },
      now,
      t,
    );
    expect(view.kind).toBe('sign-in');
    expect(view.text).toBe('X');
  });
});

describe('countText', () => {
  it('caps at 99+', () => {
    expect(countText(99)).toBe('99');
    expect(countText(100)).toBe('99+');
  });
});
