import { storage } from '#imports';
import type { Connection, PendingRequest, SubscriptionSummary } from './gravitee/types';
import type { ConnectionSnapshot, PollSnapshot } from './messages';
import type { Language } from './i18n/language';
import { canShareConsoleSession } from './site';

/** Default poll interval, in seconds; Gravitee's own `scheduler.tasks` can only lengthen it. */
export const DEFAULT_POLL_SECONDS = 60;

/** Shortest poll interval, in seconds: Chrome refuses alarms more frequent than every 30 seconds. */
export const MIN_POLL_SECONDS = 30;

/** Maximum poll interval, in seconds: one day, so a stale count is still noticed the same day. */
export const MAX_POLL_SECONDS = 24 * 60 * 60;

/** An in-flight action older than this is left over from a stopped worker and no longer blocks, in milliseconds. */
export const IN_FLIGHT_EXPIRY_MS = 2 * 60 * 1000;

/** The configured connections, in the order the user sees them. */
export const connectionsItem = storage.defineItem<Connection[]>('local:connections', {
  fallback: [],
  version: 1,
});

/**
 * Personal access tokens by connection id. Kept in storage.local only: never synced, never sent
 * to a page, never logged. A connection without a token uses the browser's console session.
 */
export const tokensItem = storage.defineItem<Record<string, string>>('local:tokens', {
  fallback: {},
  version: 1,
});

export interface Preferences {
  /** 'auto' follows the browser's language. */
  language: 'auto' | Language;
  /** Poll interval the user asked for, in seconds; the organization's `scheduler.tasks` is the floor. */
  pollSeconds: number;
  /** Desktop notifications for new requests; off until the user turns them on. */
  notifications: boolean;
}

export const defaultPreferences: Preferences = { language: 'auto', pollSeconds: DEFAULT_POLL_SECONDS, notifications: false };

export const preferencesItem = storage.defineItem<Preferences>('local:preferences', {
  fallback: defaultPreferences,
  version: 1,
});

/**
 * The last poll outcome of every connection. The worker is stopped at will, so this lives in
 * storage, not in memory; lib/background/snapshot-store.ts is its only writer.
 */
export const snapshotItem = storage.defineItem<PollSnapshot>('local:snapshot', {
  fallback: { connections: [] },
  version: 1,
});

/** The organization's `scheduler.tasks` in seconds, and when it was read, by connection id. */
export const taskPollFloorsItem = storage.defineItem<Record<string, { seconds: number | null; readAt: number }>>('local:taskPollFloors', {
  fallback: {},
  version: 1,
});

/**
 * Accept and reject requests being sent, keyed by `connectionId:subscriptionId`, with their start
 * time. Every panel and popup reads it to disable the buttons of a request handled elsewhere.
 */
export const inFlightActionsItem = storage.defineItem<Record<string, { type: 'accept' | 'reject'; since: number }>>('local:inFlightActions', {
  fallback: {},
  version: 1,
});

/**
 * Subscription requests already announced, keyed like inFlightActionsItem, with the id of the
 * notification that announced them ('' when recorded without one, before notifications were on).
 */
export const announcedRequestsItem = storage.defineItem<Record<string, string>>('local:announcedRequests', {
  fallback: {},
  version: 1,
});

/** A decision taken through Gatekeeper, kept so the panel can offer "Change end date" afterwards. */
export interface RecentDecision {
  request: PendingRequest;
  decision: 'accept' | 'reject';
  at: number;
  subscription: SubscriptionSummary;
}

/** How many recent decisions are kept; older ones drop off. */
export const MAX_RECENT_DECISIONS = 20;

/** Decisions taken through Gatekeeper, newest first. */
export const recentDecisionsItem = storage.defineItem<RecentDecision[]>('local:recentDecisions', {
  fallback: [],
  version: 1,
});

/** Addresses of the consoles where the user chose "Not now" in the offer to connect. */
export const dismissedConsoleOffersItem = storage.defineItem<string[]>('local:dismissedConsoleOffers', {
  fallback: [],
  version: 1,
});

/** Key of one request across connections. */
export function requestKey(request: { connectionId: string; subscriptionId: string }): string {
  return `${request.connectionId}:${request.subscriptionId}`;
}

/** Builds the snapshot of a connection that has not been polled yet. */
export function emptyConnectionSnapshot(connection: Connection): ConnectionSnapshot {
  return {
    connectionId: connection.id,
    connectionName: connection.name,
    consoleUrl: connection.consoleUrl,
    authMode: 'token',
    sessionShareable: canShareConsoleSession(connection.consoleUrl, connection.managementUrl),
    routeStyle: null,
    status: 'never-polled',
    requests: [],
    malformedCount: 0,
    lastSuccessAt: null,
    lastAttemptAt: null,
    error: null,
    intervalSeconds: DEFAULT_POLL_SECONDS,
    failureCount: 0,
    nextPollAt: null,
  };
}
