import type { PendingRequest, SubscriptionTarget, ValidityPeriod } from '@/lib/gravitee/types';
import type { ActionResult, PollSnapshot, SubscriptionResult } from '@/lib/messages';
import { defaultPresetSettings } from '@/lib/presets/builtins';
import type { PresetSettings } from '@/lib/presets/model';
import type { RecentDecision } from '@/lib/storage';
import type { InFlightActions, RequestTransport } from '@/lib/transport';

/** A promise that the test settles by hand, to hold an action in flight. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

export interface AcceptCall {
  request: PendingRequest;
  validity: ValidityPeriod;
  reason: string | undefined;
  result: Deferred<ActionResult>;
}

export interface RejectCall {
  request: PendingRequest;
  reason: string;
  result: Deferred<ActionResult>;
}

export interface SubscriptionCall {
  target: SubscriptionTarget;
  result: Deferred<SubscriptionResult>;
}

export interface ChangeEndDateCall extends SubscriptionCall {
  endingAt: Date | null;
}

/**
 * A RequestTransport that records every call. Each accept, reject, subscription read and end-date
 * change stays in flight until the test settles its `result`. `pollNow` returns `nextPoll` when
 * set, else the current snapshot. Preset settings come from `presets`, by connection id, and
 * default to the built-ins.
 */
export class FakeTransport implements RequestTransport {
  snapshot: PollSnapshot;
  nextPoll: PollSnapshot | null = null;
  readonly acceptCalls: AcceptCall[] = [];
  readonly rejectCalls: RejectCall[] = [];
  readonly subscriptionCalls: SubscriptionCall[] = [];
  readonly changeEndDateCalls: ChangeEndDateCall[] = [];
  pollNowCount = 0;
  inFlight: InFlightActions = {};
  presets = new Map<string, PresetSettings>();
  readonly presetReads: string[] = [];
  recent: RecentDecision[] = [];
  private readonly listeners = new Set<(snapshot: PollSnapshot) => void>();
  private readonly inFlightListeners = new Set<(actions: InFlightActions) => void>();
  private readonly presetListeners = new Set<() => void>();
  private readonly recentListeners = new Set<(decisions: RecentDecision[]) => void>();

  constructor(snapshot: PollSnapshot) {
    this.snapshot = snapshot;
  }

  async getSnapshot(): Promise<PollSnapshot> {
    return this.snapshot;
  }

  async pollNow(): Promise<PollSnapshot> {
    this.pollNowCount += 1;
    if (this.nextPoll) this.snapshot = this.nextPoll;
    return this.snapshot;
  }

  accept(request: PendingRequest, validity: ValidityPeriod, reason?: string): Promise<ActionResult> {
    const result = deferred<ActionResult>();
    this.acceptCalls.push({ request, validity, reason, result });
    return result.promise;
  }

  reject(request: PendingRequest, reason: string): Promise<ActionResult> {
    const result = deferred<ActionResult>();
    this.rejectCalls.push({ request, reason, result });
    return result.promise;
  }

  subscribe(listener: (snapshot: PollSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  watchInFlight(listener: (actions: InFlightActions) => void): () => void {
    this.inFlightListeners.add(listener);
    listener(this.inFlight);
    return () => this.inFlightListeners.delete(listener);
  }

  async presetSettings(connectionId: string): Promise<PresetSettings> {
    this.presetReads.push(connectionId);
    return this.presets.get(connectionId) ?? defaultPresetSettings();
  }

  watchPresets(listener: () => void): () => void {
    this.presetListeners.add(listener);
    return () => this.presetListeners.delete(listener);
  }

  watchRecentDecisions(listener: (decisions: RecentDecision[]) => void): () => void {
    this.recentListeners.add(listener);
    listener(this.recent);
    return () => this.recentListeners.delete(listener);
  }

  getSubscription(target: SubscriptionTarget): Promise<SubscriptionResult> {
    const result = deferred<SubscriptionResult>();
    this.subscriptionCalls.push({ target, result });
    return result.promise;
  }

  changeEndDate(target: SubscriptionTarget, endingAt: Date | null): Promise<SubscriptionResult> {
    const result = deferred<SubscriptionResult>();
    this.changeEndDateCalls.push({ target, endingAt, result });
    return result.promise;
  }

  /** Replaces one connection's preset settings and notifies watchers, as a change in storage does. */
  publishPresets(connectionId: string, settings: PresetSettings): void {
    this.presets.set(connectionId, settings);
    for (const listener of this.presetListeners) listener();
  }

  /** Stores new recent decisions and notifies watchers, as the background does after a decision. */
  publishRecent(decisions: RecentDecision[]): void {
    this.recent = decisions;
    for (const listener of this.recentListeners) listener(decisions);
  }

  /** Stores new in-flight marks and notifies watchers, as the background does around an action. */
  publishInFlight(actions: InFlightActions): void {
    this.inFlight = actions;
    for (const listener of this.inFlightListeners) listener(actions);
  }

  /** Stores a new snapshot and notifies subscribers, as the background does after a poll. */
  publish(snapshot: PollSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener(snapshot);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  get inFlightListenerCount(): number {
    return this.inFlightListeners.size;
  }
}
