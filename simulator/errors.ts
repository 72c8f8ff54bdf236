import type { GraviteeProfile } from './profile.ts';

/** One Gravitee error, rendered in the v2 shape (`httpStatus`) or the v1 shape (`http_status`). */
export interface ApiError {
  status: number;
  message: string;
  technicalCode?: string;
  parameters?: Record<string, string>;
  details?: { message: string; location?: string; invalidValue?: unknown }[];
}

export function v2ErrorBody(error: ApiError): Record<string, unknown> {
  const body: Record<string, unknown> = { httpStatus: error.status, message: error.message };
  if (error.technicalCode) body.technicalCode = error.technicalCode;
  if (error.parameters) body.parameters = error.parameters;
  if (error.details) body.details = error.details;
  return body;
}

/** v1 `ErrorEntity`, which has no `details` list. */
export function v1ErrorBody(error: ApiError): Record<string, unknown> {
  const body: Record<string, unknown> = { message: error.message, http_status: error.status };
  if (error.technicalCode) body.technicalCode = error.technicalCode;
  if (error.parameters) body.parameters = error.parameters;
  return body;
}

/** Body of Gravitee's context filter for an unknown organization or environment, on v1 and v2 alike. */
export const INVALID_CONTEXT_BODY = { httpStatus: 400, message: 'Invalid organization or environment' } as const;

export function forbidden(): ApiError {
  return { status: 403, message: 'You do not have sufficient rights to access this resource', technicalCode: 'forbidden' };
}

export function subscriptionNotFound(subscriptionId: string): ApiError {
  return {
    status: 404,
    message: `Subscription [${subscriptionId}] cannot be found.`,
    technicalCode: 'subscription.notFound',
    parameters: { subscription: subscriptionId },
  };
}

/**
 * Accept or reject of a subscription that is no longer PENDING. From 4.4 the use case throws a
 * plain IllegalStateException that only the catch-all mapper handles, hence a bare HTTP 500.
 */
export function alreadyProcessed(profile: GraviteeProfile, action: 'accept' | 'reject', subscriptionId: string): ApiError {
  if (profile.alreadyProcessed === 'http-500') return { status: 500, message: `Cannot ${action} subscription` };
  return {
    status: 400,
    message: 'This subscription has already been processed.',
    technicalCode: 'subscription.processed',
    parameters: { subscription: subscriptionId },
  };
}

// NOTE: the messages of the next three errors restate Gravitee's exception messages. Their exact
// wording was not compared with a running server.
export function planClosed(planId: string): ApiError {
  return { status: 400, message: `Plan [${planId}] is already closed.`, technicalCode: 'plan.closed', parameters: { plan: planId } };
}

export function subscriptionClosed(subscriptionId: string): ApiError {
  return {
    status: 400,
    message: `Subscription [${subscriptionId}] is closed. You should ask for a new subscription.`,
    technicalCode: 'subscription.closed',
    parameters: { subscription: subscriptionId },
  };
}

export function subscriptionNotUpdatable(subscriptionId: string, status: string): ApiError {
  return {
    status: 400,
    message: `Subscription [${subscriptionId}] cannot be updated because its status is ${status}.`,
    technicalCode: 'subscription.notUpdatable',
    parameters: { subscription: subscriptionId, status },
  };
}

export function apiKeyAlreadyExists(): ApiError {
  return { status: 400, message: 'API key already exists.', technicalCode: 'apiKey.existing' };
}

/** Builds the error for a request field that could not be read, shaped like Gravitee's JSON mapping error. */
export function invalidValue(location: string, invalidValue: unknown, message: string): ApiError {
  return { status: 400, message, technicalCode: 'invalidValue', details: [{ message, location, invalidValue }] };
}

export function bodyRequired(): ApiError {
  return { status: 400, message: 'Validation error', details: [{ message: 'must not be null', location: 'body' }] };
}

/** Builds JAX-RS's error for a path that no resource matches. */
export function httpNotFound(): ApiError {
  return { status: 404, message: 'HTTP 404 Not Found' };
}

export function methodNotAllowed(): ApiError {
  return { status: 405, message: 'HTTP 405 Method Not Allowed' };
}

export function unsupportedMediaType(): ApiError {
  return { status: 415, message: 'HTTP 415 Unsupported Media Type' };
}
