import type { GraviteeErrorKind, SerializedGraviteeError } from '../gravitee/errors';

/** Longest pause between polls after repeated failures, in milliseconds. */
export const MAX_BACKOFF_MS = 30 * 60 * 1000;

/** Failures that another try cannot fix: the user must change the token or the permissions. */
const NEEDS_USER: ReadonlySet<GraviteeErrorKind> = new Set(['unauthorized', 'forbidden', 'csrf-or-cors']);

/**
 * Returns when to poll again after a failure, in epoch milliseconds, or null when polling should
 * wait for the user (401 and 403 are never retried). Other failures back off exponentially from
 * the poll interval up to MAX_BACKOFF_MS; a Retry-After from the server (429, 503) wins when later.
 */
export function nextPollAfterFailure(error: SerializedGraviteeError, failureCount: number, intervalSeconds: number, now: number): number | null {
  if (NEEDS_USER.has(error.kind)) return null;
  const exponential = Math.min(MAX_BACKOFF_MS, intervalSeconds * 1000 * 2 ** Math.max(0, failureCount - 1));
  const delay = Math.max(exponential, error.retryAfterMs ?? 0);
  return now + delay;
}
