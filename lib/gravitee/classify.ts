import { GraviteeError, type GraviteeErrorKind } from './errors';

/** Gravitee's v2 (`httpStatus`) and v1 (`http_status`) error bodies, reduced to what is classified. */
interface ErrorBody {
  message?: string;
  technicalCode?: string;
}

function parseErrorBody(text: string): ErrorBody | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    if (!('httpStatus' in record) && !('http_status' in record) && !('message' in record)) return null;
    return {
      message: typeof record.message === 'string' ? record.message : undefined,
      technicalCode: typeof record.technicalCode === 'string' ? record.technicalCode : undefined,
    };
  } catch {
    return null;
  }
}

/** Parses Retry-After as delay-seconds or an HTTP date; returns milliseconds, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

// Gravitee 4.4 and later report accept or reject of a non-PENDING subscription as a plain HTTP 500.
const ALREADY_PROCESSED_500 = /^Cannot (accept|reject) subscription/;

// Gravitee's organization filter answers a foreign organization with a JSON 403 that has no
// technicalCode; every other 403 without one comes from Spring's CSRF or CORS filter.
const FOREIGN_ORGANIZATION_403 = /not allowed to access this organization/i;

/** Classifies a non-2xx response into the closed set of GraviteeError kinds. */
export function classifyHttpFailure(status: number, headers: Headers, bodyText: string, request: string): GraviteeError {
  const body = parseErrorBody(bodyText);
  const details = {
    status,
    request,
    technicalCode: body?.technicalCode,
    serverMessage: body?.message,
    retryAfterMs: parseRetryAfter(headers.get('Retry-After')),
  };

  let kind: GraviteeErrorKind;
  if (status === 401) kind = 'unauthorized';
  else if (status === 403) {
    const fromGravitee = body?.technicalCode !== undefined || FOREIGN_ORGANIZATION_403.test(body?.message ?? '');
    kind = fromGravitee ? 'forbidden' : 'csrf-or-cors';
  } else if (status === 404) kind = 'not-found';
  else if (status === 400 && body?.technicalCode === 'subscription.processed') kind = 'already-processed';
  else if (status === 500 && ALREADY_PROCESSED_500.test(body?.message ?? '')) kind = 'already-processed';
  else if (status === 429) kind = 'rate-limited';
  else if (status >= 500) kind = 'server';
  else kind = 'bad-request';

  return new GraviteeError(kind, details);
}

/** Classifies an exception thrown by fetch itself: a timeout abort, or a network failure. */
export function classifyFetchException(error: unknown, request: string, timedOut: boolean): GraviteeError {
  if (timedOut) return new GraviteeError('timeout', { request });
  const message = error instanceof Error ? error.message : String(error);
  return new GraviteeError('network', { request, serverMessage: message });
}
