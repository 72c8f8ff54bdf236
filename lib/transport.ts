import type { ActionResult, PollSnapshot } from './messages';
import type { PendingRequest, ValidityPeriod } from './gravitee/types';

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
}
