import type { SerializedGraviteeError } from './gravitee/errors';
import type { PendingRequest, SubscriptionSummary } from './gravitee/types';

/** What the background worker last learned from Gravitee, as shown by the badge, panel and popup. */
export interface PollSnapshot {
  /** 'not-configured' and 'permission-missing' come before any request is made. */
  status: 'not-configured' | 'permission-missing' | 'ok' | 'error' | 'never-polled';
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
  /** Console address of the configured connection, for deep links. */
  consoleUrl: string | null;
}

/** The request an action is about, as the panel shows it. */
export type ActionTarget = PendingRequest;

export type ActionResult =
  | { ok: true; subscription: SubscriptionSummary }
  | {
      ok: false;
      error: SerializedGraviteeError;
      /** For 'already-processed': the subscription as Gravitee holds it now, when it could be read. */
      current?: SubscriptionSummary;
    };

/** Messages the content script, panel and options page send to the background worker. */
export type BackgroundRequest =
  | { type: 'get-snapshot' }
  | { type: 'poll-now' }
  | { type: 'accept'; request: ActionTarget; startingAt: string; endingAt: string | null; reason?: string }
  | { type: 'reject'; request: ActionTarget; reason: string }
  | { type: 'load-panel' };

export type BackgroundResponse<T extends BackgroundRequest> = T extends { type: 'get-snapshot' | 'poll-now' }
  ? PollSnapshot
  : T extends { type: 'accept' | 'reject' }
    ? ActionResult
    : T extends { type: 'load-panel' }
      ? { ok: boolean }
      : never;

/** Sends a typed message to the background worker and returns its typed answer. */
export async function sendToBackground<T extends BackgroundRequest>(message: T): Promise<BackgroundResponse<T>> {
  return (await browser.runtime.sendMessage(message)) as BackgroundResponse<T>;
}
