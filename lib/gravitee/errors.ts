/**
 * The closed set of failures every Gravitee call ends in. The client classifies each HTTP failure
 * once, and the badge, the panel and the options page all read the same kind.
 */
export type GraviteeErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'csrf-or-cors'
  | 'not-found'
  | 'already-processed'
  | 'bad-request'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  /** Gravitee returned 2xx, but reading the subscription back shows the change was not stored. */
  | 'not-applied';

/**
 * Reasons Gatekeeper itself refuses to send a request; such a failure never reached Gravitee. Each
 * has a message of its own (`error.local.<reason>`).
 */
export type LocalRefusal =
  | 'connection-removed'
  | 'no-host-access'
  | 'invalid-validity'
  | 'reason-required'
  | 'end-not-in-future'
  | 'end-before-start'
  | 'in-progress-elsewhere';

export interface GraviteeErrorDetails {
  /** Set when Gatekeeper refused the request before sending it. */
  localRefusal?: LocalRefusal;
  status?: number;
  technicalCode?: string;
  /** Gravitee's own message from the error body, shown to the user as extra detail. */
  serverMessage?: string;
  /** Delay the server asked for with Retry-After, in milliseconds. */
  retryAfterMs?: number;
  /** The request that failed, as `METHOD path`; never contains a token. */
  request?: string;
}

export class GraviteeError extends Error {
  readonly kind: GraviteeErrorKind;
  readonly details: GraviteeErrorDetails;

  constructor(kind: GraviteeErrorKind, details: GraviteeErrorDetails = {}) {
    super(`Gravitee request failed (${kind})${details.request ? `: ${details.request}` : ''}${details.status ? ` answered ${details.status}` : ''}`);
    this.name = 'GraviteeError';
    this.kind = kind;
    this.details = details;
  }
}

/** A plain, structured-clone-safe copy of a GraviteeError, for messages between extension contexts. */
export interface SerializedGraviteeError extends GraviteeErrorDetails {
  kind: GraviteeErrorKind;
}

export function serializeError(error: GraviteeError): SerializedGraviteeError {
  return { kind: error.kind, ...error.details };
}

/** Converts anything thrown by a Gravitee call into a serialized GraviteeError. */
export function toSerializedError(error: unknown): SerializedGraviteeError {
  if (error instanceof GraviteeError) return serializeError(error);
  return { kind: 'invalid-response', serverMessage: error instanceof Error ? error.message : String(error) };
}
