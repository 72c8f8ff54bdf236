import { MAX_BACKOFF_MS, nextPollAfterFailure } from '@/lib/background/backoff';

const now = 1_000_000;

describe('nextPollAfterFailure', () => {
  it('never retries 401 and 403', () => {
    expect(nextPollAfterFailure({ kind: 'unauthorized', status: 401 }, 1, 60, now)).toBeNull();
    expect(nextPollAfterFailure({ kind: 'forbidden', status: 403 }, 1, 60, now)).toBeNull();
    expect(nextPollAfterFailure({ kind: 'csrf-or-cors', status: 403 }, 1, 60, now)).toBeNull();
  });

  it('doubles the delay with each failure', () => {
    expect(nextPollAfterFailure({ kind: 'server', status: 500 }, 1, 60, now)).toBe(now + 60_000);
    expect(nextPollAfterFailure({ kind: 'server', status: 500 }, 2, 60, now)).toBe(now + 120_000);
    expect(nextPollAfterFailure({ kind: 'network' }, 4, 60, now)).toBe(now + 480_000);
  });

  it('caps the delay', () => {
    expect(nextPollAfterFailure({ kind: 'timeout' }, 30, 60, now)).toBe(now + MAX_BACKOFF_MS);
  });

  it('honours a later Retry-After', () => {
    expect(nextPollAfterFailure({ kind: 'rate-limited', status: 429, retryAfterMs: 600_000 }, 1, 60, now)).toBe(now + 600_000);
    expect(nextPollAfterFailure({ kind: 'server', status: 503, retryAfterMs: 5_000 }, 2, 60, now)).toBe(now + 120_000);
  });
});
