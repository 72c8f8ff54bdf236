import type { PendingRequest, SubscriptionSummary } from '@/lib/gravitee/types';
import type { ConnectionSnapshot, PollSnapshot } from '@/lib/messages';

// Fixed local time, so wait times and validity dates are the same in every time zone.
export const NOW = new Date(2026, 2, 10, 14, 0, 0);
export const fixedClock = () => new Date(NOW);

export const HOUR_MS = 60 * 60 * 1000;

export const CONNECTION_ID = 'conn-1';

export function makeRequest(overrides: Partial<PendingRequest> = {}): PendingRequest {
  return {
    connectionId: CONNECTION_ID,
    subscriptionId: 'sub-1',
    referenceType: 'API',
    apiId: 'api-1',
    apiName: 'Student Records API',
    planId: 'plan-1',
    planName: 'Gold',
    applicationId: 'app-1',
    applicationName: 'Canvas LMS',
    environmentId: 'DEFAULT',
    consumerMessage: 'We need grades for the spring term.',
    createdAt: NOW.getTime() - 3 * HOUR_MS,
    ...overrides,
  };
}

/** Builds one connection's snapshot after a successful poll 20 seconds ago, listing makeRequest(). */
export function makeConnectionSnapshot(overrides: Partial<ConnectionSnapshot> = {}): ConnectionSnapshot {
  return {
    connectionId: CONNECTION_ID,
    connectionName: 'UiO production',
    consoleUrl: 'https://apim.example.org/console/#!/DEFAULT/home',
    authMode: 'token',
    sessionShareable: true,
    routeStyle: 'env',
    status: 'ok',
    requests: [makeRequest()],
    malformedCount: 0,
    lastSuccessAt: NOW.getTime() - 20_000,
    lastAttemptAt: NOW.getTime() - 20_000,
    error: null,
    intervalSeconds: 60,
    failureCount: 0,
    nextPollAt: NOW.getTime() + 40_000,
    ...overrides,
  };
}

/** Builds a snapshot with a single connection from makeConnectionSnapshot. */
export function makeSnapshot(overrides: Partial<ConnectionSnapshot> = {}): PollSnapshot {
  return { connections: [makeConnectionSnapshot(overrides)] };
}

export function makeSubscription(overrides: Partial<SubscriptionSummary> = {}): SubscriptionSummary {
  return {
    id: 'sub-1',
    status: 'ACCEPTED',
    startingAt: NOW.toISOString(),
    endingAt: null,
    processedAt: NOW.toISOString(),
    publisherMessage: null,
    ...overrides,
  };
}
