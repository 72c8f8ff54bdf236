import type { ActionResult, PollSnapshot, SubscriptionResult } from './messages';
import type { PendingRequest, SubscriptionTarget, ValidityPeriod } from './gravitee/types';
import type { PresetSettings } from './presets/model';
import type { RecentDecision } from './storage';

/**
 * Accept and reject requests being sent from any tab, panel or popup, keyed by
 * `connectionId:subscriptionId` (see requestKey in lib/storage.ts), with their start time in
 * epoch milliseconds.
 */
export type InFlightActions = Record<string, { type: 'accept' | 'reject'; since: number }>;

/**
 * What the request list needs from the outside world. The content-script panel and the popup use
 * the background worker and extension storage; component tests pass a fake.
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
  /** Reads the presets, rules and default preset in force for a connection, with policy applied. */
  presetSettings(connectionId: string): Promise<PresetSettings>;
  /** Calls listener whenever presets, rules or policy change; returns an unsubscribe function. */
  watchPresets(listener: () => void): () => void;
  /** Calls listener with the decisions taken through Gatekeeper, newest first, then on every change; returns an unsubscribe function. */
  watchRecentDecisions(listener: (decisions: RecentDecision[]) => void): () => void;
  /** Reads a subscription with its plan, as Gravitee stores it now. */
  getSubscription(target: SubscriptionTarget): Promise<SubscriptionResult>;
  /** Sets the end date of an accepted subscription, or removes it (null), and returns what Gravitee stored. */
  changeEndDate(target: SubscriptionTarget, endingAt: Date | null): Promise<SubscriptionResult>;
}
