import type { PendingRequest, ValidityPeriod } from '@/lib/gravitee/types';
import type { ActionResult, PollSnapshot } from '@/lib/messages';
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

/**
 * A RequestTransport that records every call. Each accept and reject stays in flight until the
 * test settles its `result`. `pollNow` returns `nextPoll` when set, else the current snapshot.
 */
export class FakeTransport implements RequestTransport {
  snapshot: PollSnapshot;
  nextPoll: PollSnapshot | null = null;
  readonly acceptCalls: AcceptCall[] = [];
  readonly rejectCalls: RejectCall[] = [];
  pollNowCount = 0;
  inFlight: InFlightActions = {};
  private readonly listeners = new Set<(snapshot: PollSnapshot) => void>();
  private readonly inFlightListeners = new Set<(actions: InFlightActions) => void>();

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
