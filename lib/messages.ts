import type { ConnectResult, DiscoveredConsole, DiscoveryResult } from './background/discover';
import type { SubscriptionPageInfo } from './background/subscription-page';
import type { ConsoleRouteStyle } from './gravitee/console-links';
import type { SerializedGraviteeError } from './gravitee/errors';
import type { PendingRequest, SubscriptionDetails, SubscriptionSummary, SubscriptionTarget } from './gravitee/types';

/** Last poll outcome of one connection, as the background worker stored it. */
export interface ConnectionSnapshot {
  connectionId: string;
  connectionName: string;
  /** Console address of the connection, for deep links. */
  consoleUrl: string;
  /** 'session' when the connection has no personal access token and relies on the console's session cookie. */
  authMode: 'token' | 'session';
  /** Whether the console and the Management API are on one site, so the console session can reach Gatekeeper. */
  sessionShareable: boolean;
  /** The route form of this console version, for deep links; null until the version is known. */
  routeStyle: ConsoleRouteStyle | null;
  /** 'permission-missing' is decided before any request is made. */
  status: 'permission-missing' | 'ok' | 'error' | 'never-polled';
  /** Requests from the last successful poll, oldest first. Kept after a failed poll, for context. */
  requests: PendingRequest[];
  /** Tasks of type SUBSCRIPTION_APPROVAL that could not be read in the last successful poll. */
  malformedCount: number;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** The failure of the last poll; null after a success. */
  error: SerializedGraviteeError | null;
  /** Poll interval in force, in seconds. */
  intervalSeconds: number;
  /** Failed polls in a row; drives the back-off. */
  failureCount: number;
  /** When the next poll is due, in epoch milliseconds; null while polling waits for the user (401, 403). */
  nextPollAt: number | null;
}

/** Everything the badge, panel and popup show: one entry per configured connection. */
export interface PollSnapshot {
  connections: ConnectionSnapshot[];
}

export type ActionResult =
  | { ok: true; subscription: SubscriptionSummary }
  | {
      ok: false;
      error: SerializedGraviteeError;
      /** For 'already-processed': the subscription as Gravitee stores it now, when it could be read. */
      current?: SubscriptionSummary;
      /** Set when another tab or window is already handling this request; nothing was sent. */
      inProgressElsewhere?: boolean;
    };

/** Result of reading or changing one subscription. */
export type SubscriptionResult = { ok: true; subscription: SubscriptionDetails } | { ok: false; error: SerializedGraviteeError };

/** Messages the content script, panel, popup and options page send to the background worker. */
export type BackgroundRequest =
  | { type: 'get-snapshot' }
  | { type: 'poll-now' }
  | { type: 'accept'; request: PendingRequest; startingAt: string; endingAt: string | null; reason?: string }
  | { type: 'reject'; request: PendingRequest; reason: string }
  | { type: 'load-panel' }
  | { type: 'console-opened' }
  | { type: 'get-subscription'; target: SubscriptionTarget }
  | { type: 'change-end-date'; target: SubscriptionTarget; endingAt: string | null }
  | { type: 'subscription-page'; target: SubscriptionTarget }
  | { type: 'discover-console'; consoleUrl: string }
  | { type: 'connect-discovered'; found: DiscoveredConsole }
  | { type: 'open-options'; prefill?: DiscoveredConsole };

export type BackgroundResponse<T extends BackgroundRequest> = T extends { type: 'get-snapshot' | 'poll-now' }
  ? PollSnapshot
  : T extends { type: 'accept' | 'reject' }
    ? ActionResult
    : T extends { type: 'load-panel' | 'console-opened' }
      ? { ok: boolean }
      : T extends { type: 'get-subscription' | 'change-end-date' }
        ? SubscriptionResult
        : T extends { type: 'subscription-page' }
          ? SubscriptionPageInfo
          : T extends { type: 'discover-console' }
            ? DiscoveryResult
            : T extends { type: 'connect-discovered' }
              ? ConnectResult
              : T extends { type: 'open-options' }
                ? { ok: boolean }
                : never;

/** Sends a typed message to the background worker and returns its typed response. */
export async function sendToBackground<T extends BackgroundRequest>(message: T): Promise<BackgroundResponse<T>> {
  return (await browser.runtime.sendMessage(message)) as BackgroundResponse<T>;
}

/** Returns every pending request of every connection, oldest first. */
export function allRequests(snapshot: PollSnapshot): PendingRequest[] {
  return snapshot.connections.flatMap((connection) => connection.requests).sort((a, b) => a.createdAt - b.createdAt);
}
