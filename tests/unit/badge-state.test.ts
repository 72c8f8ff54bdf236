import { badgeView, countText } from '@/lib/badge/state';
import { translator } from '@/lib/i18n';
import type { PollSnapshot } from '@/lib/messages';
import type { PendingRequest } from '@/lib/gravitee/types';

const now = Date.parse('2026-12-04T12:00:00Z');
const t = translator('en');

function request(id: string): PendingRequest {
  return {
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

function snapshot(overrides: Partial<PollSnapshot>): PollSnapshot {
  return {
    status: 'ok',
    requests: [],
    malformedCount: 0,
    lastSuccessAt: now - 1000,
    lastAttemptAt: now - 1000,
    error: null,
    intervalSeconds: 60,
    consoleUrl: 'http://127.0.0.1:8084/',
    ...overrides,
  };
}

describe('badgeView', () => {
  it('shows the count of pending requests', () => {
    const view = badgeView(snapshot({ requests: [request('a'), request('b')] }), null, now, t);
    expect(view.kind).toBe('count');
    expect(view.text).toBe('2');
    expect(view.title).toContain('2 subscription requests');
  });

  it('counts unreadable tasks too', () => {
    const view = badgeView(snapshot({ requests: [request('a')], malformedCount: 1 }), null, now, t);
    expect(view.text).toBe('2');
    expect(view.title).toContain('could not be read');
  });

  it('shows a blank badge only after a successful poll with nothing pending', () => {
    const view = badgeView(snapshot({}), null, now, t);
    expect(view.kind).toBe('none');
    expect(view.text).toBe('');
  });

  it('never shows a count or blank after a failed poll', () => {
    const failures: Array<[PollSnapshot['error'], string]> = [
      [{ kind: 'unauthorized', status: 401 }, 'sign-in'],
      [{ kind: 'forbidden', status: 403 }, 'forbidden'],
      [{ kind: 'server', status: 502 }, 'server-error'],
      [{ kind: 'rate-limited', status: 429 }, 'server-error'],
      [{ kind: 'network' }, 'unreachable'],
      [{ kind: 'timeout' }, 'unreachable'],
      [{ kind: 'invalid-response' }, 'server-error'],
    ];
    for (const [error, kind] of failures) {
      const view = badgeView(snapshot({ status: 'error', error, requests: [] }), null, now, t);
      expect(view.kind).toBe(kind);
      expect(view.text).not.toBe('');
      expect(view.text).not.toBe('0');
    }
  });

  it('names the last good count in an error tooltip', () => {
    const view = badgeView(snapshot({ status: 'error', error: { kind: 'network' }, requests: [request('a')], lastSuccessAt: now - 60_000 }), null, now, t);
    expect(view.title).toContain('Last known count: 1');
  });

  it('marks a count older than three intervals as stale', () => {
    const view = badgeView(snapshot({ requests: [request('a')], lastSuccessAt: now - 4 * 60_000 }), null, now, t);
    expect(view.kind).toBe('stale');
    expect(view.text).toBe('1?');
  });

  it('has distinct badges for setup problems', () => {
    const notConfigured = badgeView(snapshot({ status: 'not-configured' }), null, now, t);
    const permission = badgeView(snapshot({ status: 'permission-missing' }), 'http://127.0.0.1:8083', now, t);
    expect(notConfigured.text).toBe('?');
    expect(permission.text).toBe('OFF');
    expect(permission.title).toContain('http://127.0.0.1:8083');
  });

  it('writes tooltips in Norwegian Bokmål', () => {
    const view = badgeView(snapshot({ requests: [request('a'), request('b')] }), null, now, translator('nb'));
    expect(view.title).toContain('abonnementsforespørsler');
  });
});

describe('countText', () => {
  it('caps at 99+', () => {
    expect(countText(99)).toBe('99');
    expect(countText(100)).toBe('99+');
  });
});
