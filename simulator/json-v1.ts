import type { Subscription } from './model.ts';
import type { GraviteeProfile } from './profile.ts';
import type { Store } from './store.ts';

// Management API v1 representations: snake_case where Gravitee's v1 model uses it, dates as epoch
// milliseconds, null fields left out. No API key value is ever part of them.

function epoch(value: Date | undefined): number | undefined {
  return value?.getTime();
}

function compact<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * Converts a subscription to the v1 `SubscriptionEntity` that forms a SUBSCRIPTION_APPROVAL task's
 * `data`. Which optional fields appear depends on the version profile.
 */
export function toTaskSubscriptionData(store: Store, profile: GraviteeProfile, subscription: Subscription): Record<string, unknown> {
  const isApi = subscription.referenceType === 'API';
  const plan = store.findPlan(subscription.planId);
  const application = store.findApplication(subscription.applicationId);
  const usesClientId = plan?.security === 'JWT' || plan?.security === 'OAUTH2';
  return compact({
    id: subscription.id,
    api: isApi ? subscription.referenceId : undefined,
    environmentId: profile.tasks.dataEnvironmentId ? subscription.environmentId : undefined,
    plan: subscription.planId,
    application: subscription.applicationId,
    applicationName: profile.tasks.dataApplicationName ? application?.name : undefined,
    client_id: usesClientId ? application?.clientId : undefined,
    status: subscription.status,
    consumerStatus: subscription.consumerStatus,
    subscribed_by: subscription.subscribedBy,
    request: subscription.consumerMessage,
    metadata: subscription.metadata,
    created_at: epoch(subscription.createdAt),
    updated_at: epoch(subscription.updatedAt),
    origin: profile.tasks.dataOrigin ? subscription.origin : undefined,
    referenceId: profile.apiProducts ? subscription.referenceId : undefined,
    referenceType: profile.apiProducts ? subscription.referenceType : undefined,
  });
}

/** Converts a subscription to the v1 REST `Subscription` that GET, PUT and `_process` return. */
export function toV1Subscription(store: Store, profile: GraviteeProfile, subscription: Subscription): Record<string, unknown> {
  const plan = store.findPlan(subscription.planId);
  const application = store.findApplication(subscription.applicationId);
  const subscriber = store.findUser(subscription.subscribedBy);
  const applicationOwner = application ? store.findUser(application.primaryOwnerId) : undefined;
  const usesClientId = plan?.security === 'JWT' || plan?.security === 'OAUTH2';

  return compact({
    id: subscription.id,
    status: subscription.status,
    consumerStatus: subscription.consumerStatus,
    processed_at: epoch(subscription.processedAt),
    processed_by: subscription.processedBy,
    subscribed_by: { id: subscription.subscribedBy, displayName: subscriber?.displayName },
    request: subscription.consumerMessage,
    reason: subscription.publisherMessage,
    starting_at: epoch(subscription.startingAt),
    ending_at: epoch(subscription.endingAt),
    created_at: epoch(subscription.createdAt),
    updated_at: epoch(subscription.updatedAt),
    closed_at: epoch(subscription.closedAt),
    paused_at: epoch(subscription.pausedAt),
    consumerPausedAt: epoch(subscription.consumerPausedAt),
    client_id: usesClientId ? application?.clientId : undefined,
    metadata: subscription.metadata,
    configuration: subscription.consumerConfiguration,
    failureCause: subscription.failureCause,
    origin: profile.tasks.dataOrigin ? subscription.origin : undefined,
    plan: plan ? { id: plan.id, name: plan.name, security: plan.security } : { id: subscription.planId },
    application: application
      ? compact({
          id: application.id,
          name: application.name,
          type: application.type,
          description: application.description,
          domain: application.domain,
          owner: applicationOwner ? { id: applicationOwner.id, displayName: applicationOwner.displayName } : undefined,
          apiKeyMode: application.apiKeyMode,
        })
      : { id: subscription.applicationId },
  });
}
