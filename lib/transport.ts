import type { ActionResult, PollSnapshot } from './messages';
import type { PendingRequest, ValidityPeriod } from './gravitee/types';

/**
 * Accept and reject requests being sent from any tab, panel or popup, keyed by
 * `connectionId:subscriptionId` (see requestKey in lib/storage.ts), with their start time in
 * epoch milliseconds.
 */
export type InFlightActions = Record<string, { type: 'accept' | 'reject'; since: number }>;

/**
 * What the request list needs from the outside world. The content-script panel and the popup use
 * the background worker; component tests pass a fake.
 */
export interface RequestTransport {
  getSnapshot(): Promise<PollSnapshot>;
  pollNow(): Promise<PollSnapshot>;
  accept(request: PendingRequest, validity: ValidityPeriod, reason?: string): Promise<ActionResult>;
  reject(request: PendingRequest, reason: string): Promise<ActionResult>;
  /** Calls listener whenever the background stores a new snapshot; returns an unsubscribe function. */
  subscribe(listener: (snapshot: PollSnapshot) => void): () => void;
  /**
   * Calls listener with the actions in flight now, then again on every change; returns an
   * unsubscribe function. Entries may be left over from a stopped worker, so callers ignore old ones.
   */
  watchInFlight(listener: (actions: InFlightActions) => void): () => void;
}
