import type { Subscription } from './model.ts';
import type { Store } from './store.ts';

// Management API v2 representation: camelCase, ISO-8601 dates in UTC, null fields left out. The
// nested api, apiProduct, plan, application and user objects hold only `id` unless expanded.
// No API key value is ever part of it.

export type SubscriptionExpand = 'api' | 'application' | 'plan' | 'subscribedBy';
export const SUBSCRIPTION_EXPANDS: readonly SubscriptionExpand[] = ['api', 'application', 'plan', 'subscribedBy'];

function isoDate(value: Date | undefined): string | undefined {
  return value?.toISOString();
}

/** Drops undefined fields, as Gravitee's mapper does for nulls. */
function compact<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}

function expandedReference(store: Store, subscription: Subscription, expand: boolean): Record<string, unknown> {
  if (!expand) return { id: subscription.referenceId };
  const source = subscription.referenceType === 'API' ? store.findApi(subscription.referenceId) : store.findApiProduct(subscription.referenceId);
  return compact({ id: subscription.referenceId, name: source?.name, description: source?.description });
}

function expandedPlan(store: Store, planId: string, expand: boolean): Record<string, unknown> {
  const plan = store.findPlan(planId);
  if (!expand || !plan) return { id: planId };
  return compact({
    id: plan.id,
    name: plan.name,
    description: plan.description,
    apiId: plan.referenceType === 'API' ? plan.referenceId : undefined,
    apiProductId: plan.referenceType === 'API_PRODUCT' ? plan.referenceId : undefined,
    security: { type: plan.security },
    mode: plan.mode,
  });
}

function expandedApplication(store: Store, applicationId: string, expand: boolean): Record<string, unknown> {
  const application = store.findApplication(applicationId);
  if (!expand || !application) return { id: applicationId };
  const owner = store.findUser(application.primaryOwnerId);
  return compact({
    id: application.id,
    name: application.name,
    description: application.description,
    domain: application.domain,
    type: application.type,
    primaryOwner: owner ? compact({ id: owner.id, displayName: owner.displayName, email: owner.email, type: 'USER' }) : undefined,
    apiKeyMode: application.apiKeyMode,
  });
}

function expandedUser(store: Store, userId: string, expand: boolean): Record<string, unknown> {
  const user = store.findUser(userId);
  if (!expand || !user) return { id: userId };
  return { id: user.id, displayName: user.displayName };
}

/** Converts a stored subscription to the v2 `Subscription` object. */
export function toV2Subscription(store: Store, subscription: Subscription, expands: ReadonlySet<SubscriptionExpand> = new Set()): Record<string, unknown> {
  const reference = expandedReference(store, subscription, expands.has('api'));
  return compact({
    id: subscription.id,
    api: subscription.referenceType === 'API' ? reference : undefined,
    apiProduct: subscription.referenceType === 'API_PRODUCT' ? reference : undefined,
    plan: expandedPlan(store, subscription.planId, expands.has('plan')),
    application: expandedApplication(store, subscription.applicationId, expands.has('application')),
    consumerMessage: subscription.consumerMessage,
    publisherMessage: subscription.publisherMessage,
    metadata: subscription.metadata,
    daysToExpirationOnLastNotification: subscription.daysToExpirationOnLastNotification,
    consumerConfiguration: subscription.consumerConfiguration,
    failureCause: subscription.failureCause,
    status: subscription.status,
    consumerStatus: subscription.consumerStatus,
    processedBy: subscription.processedBy ? { id: subscription.processedBy } : undefined,
    subscribedBy: expandedUser(store, subscription.subscribedBy, expands.has('subscribedBy')),
    processedAt: isoDate(subscription.processedAt),
    startingAt: isoDate(subscription.startingAt),
    endingAt: isoDate(subscription.endingAt),
    createdAt: isoDate(subscription.createdAt),
    updatedAt: isoDate(subscription.updatedAt),
    closedAt: isoDate(subscription.closedAt),
    pausedAt: isoDate(subscription.pausedAt),
    consumerPausedAt: isoDate(subscription.consumerPausedAt),
    origin: subscription.origin,
  });
}
