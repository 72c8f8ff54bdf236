import type { z } from 'zod/mini';
import type { SubscriptionDetails, SubscriptionSummary, ValidityPeriod } from './types';
import type { v1SubscriptionSchema } from './schemas';

// Conversions between Gatekeeper's types and Management API v1, which APIM 3.x offers instead of
// v2: snake_case fields, dates as epoch milliseconds, and the publisher's message in `reason`.

export type V1Subscription = z.infer<typeof v1SubscriptionSchema>;

function isoFromEpoch(value: number | null | undefined): string | null {
  return typeof value === 'number' ? new Date(value).toISOString() : null;
}

/**
 * Normalizes a v1 plan security type to the v2 names (API_KEY, KEY_LESS, JWT, OAUTH2, MTLS). v1
 * returns the enum name for v2 API definitions and the v4 type (`api-key`, `key-less`) for v4 APIs.
 */
function normalizeSecurity(value: string | null | undefined): string | null {
  if (!value) return null;
  return value.trim().toUpperCase().replace(/-/g, '_');
}

export function v1ToSummary(subscription: V1Subscription): SubscriptionSummary {
  return {
    id: subscription.id,
    status: subscription.status,
    startingAt: isoFromEpoch(subscription.starting_at),
    endingAt: isoFromEpoch(subscription.ending_at),
    processedAt: isoFromEpoch(subscription.processed_at),
    publisherMessage: subscription.reason ?? null,
  };
}

export function v1ToDetails(subscription: V1Subscription): SubscriptionDetails {
  return {
    ...v1ToSummary(subscription),
    planName: subscription.plan?.name ?? null,
    planSecurity: normalizeSecurity(subscription.plan?.security),
  };
}

/**
 * Body of v1 `POST …/_process` (Gravitee's ProcessSubscriptionEntity). `accepted` is always sent,
 * because the server reads a missing value as false and rejects the subscription.
 */
export function v1ProcessBody(decision: { accepted: true; validity: ValidityPeriod; reason?: string } | { accepted: false; reason: string }): Record<string, unknown> {
  if (!decision.accepted) return { accepted: false, reason: decision.reason };
  const body: Record<string, unknown> = { accepted: true, starting_at: decision.validity.startingAt.getTime() };
  if (decision.validity.endingAt) body.ending_at = decision.validity.endingAt.getTime();
  if (decision.reason) body.reason = decision.reason;
  return body;
}

/**
 * Body of v1 `PUT` of a subscription (Gravitee's UpdateSubscriptionEntity). The PUT replaces the
 * dates, metadata and (on 3.20) the configuration, so every field read from the current record is
 * sent back with the new end date. A null end date is left out, which removes it.
 */
export function v1UpdateBody(current: V1Subscription, endingAt: Date | null): Record<string, unknown> {
  const body: Record<string, unknown> = { id: current.id };
  if (typeof current.starting_at === 'number') body.starting_at = current.starting_at;
  if (endingAt) body.ending_at = endingAt.getTime();
  if (current.metadata) body.metadata = current.metadata;
  if (current.configuration !== undefined && current.configuration !== null) body.configuration = current.configuration;
  return body;
}
