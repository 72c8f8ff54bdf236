import { randomUUID } from 'node:crypto';
import type { ConsumerConfiguration, ReferenceType, Subscription } from './model.ts';
import type { GraviteeProfile } from './profile.ts';
import type { Store } from './store.ts';
import { alreadyProcessed, apiKeyAlreadyExists, planClosed, subscriptionClosed, subscriptionNotUpdatable, type ApiError } from './errors.ts';

// State transitions of subscriptions, restating Gravitee's accept, reject, close and update use
// cases. None of them validates the validity period: an end before the start, or a start in the
// past, is stored as sent, as Gravitee does.

export interface TransitionContext {
  store: Store;
  profile: GraviteeProfile;
  now: Date;
}

export type Outcome = { ok: true; subscription: Subscription } | { ok: false; error: ApiError };

export interface AcceptInput {
  startingAt?: Date;
  endingAt?: Date;
  reason?: string;
  customApiKey?: string;
}

export interface UpdateInput {
  startingAt?: Date;
  endingAt?: Date;
  metadata?: Record<string, string>;
  consumerConfiguration?: ConsumerConfiguration;
}

/**
 * Accepts a PENDING subscription: startingAt defaults to now, a missing endingAt means it never
 * ends, and the reason becomes the publisher message. On API key plans a key is generated that
 * expires at endingAt. Key generation rejects an endingAt already in the past, and because the key
 * comes first, the subscription then stays PENDING.
 */
export function acceptSubscription(context: TransitionContext, subscription: Subscription, input: AcceptInput, userId: string): Outcome {
  const { store, profile, now } = context;
  if (subscription.status !== 'PENDING') return { ok: false, error: alreadyProcessed(profile, 'accept', subscription.id) };

  const plan = store.findPlan(subscription.planId);
  if (plan?.status === 'CLOSED') return { ok: false, error: planClosed(plan.id) };

  const application = store.findApplication(subscription.applicationId);
  const generatesOwnKey = plan?.security === 'API_KEY' && application?.apiKeyMode !== 'SHARED';
  if (generatesOwnKey) {
    if (input.endingAt && input.endingAt.getTime() < now.getTime()) return { ok: false, error: subscriptionClosed(subscription.id) };
    if (input.customApiKey && store.data.apiKeys.some((key) => key.key === input.customApiKey)) return { ok: false, error: apiKeyAlreadyExists() };
    store.data.apiKeys.push({
      id: randomUUID(),
      key: input.customApiKey ?? randomUUID(),
      subscriptionId: subscription.id,
      expireAt: input.endingAt ?? null,
      revoked: false,
      createdAt: now,
    });
  }

  subscription.status = 'ACCEPTED';
  subscription.startingAt = input.startingAt ?? now;
  subscription.endingAt = input.endingAt;
  subscription.processedAt = now;
  subscription.updatedAt = now;
  subscription.processedBy = userId;
  subscription.publisherMessage = input.reason;
  return { ok: true, subscription };
}

/** Rejects a PENDING subscription; closedAt is set together with processedAt. */
export function rejectSubscription(context: TransitionContext, subscription: Subscription, reason: string | undefined, userId: string): Outcome {
  const { store, profile, now } = context;
  if (subscription.status !== 'PENDING') return { ok: false, error: alreadyProcessed(profile, 'reject', subscription.id) };

  const plan = store.findPlan(subscription.planId);
  if (plan?.status === 'CLOSED') return { ok: false, error: planClosed(plan.id) };

  subscription.status = 'REJECTED';
  subscription.processedAt = now;
  subscription.updatedAt = now;
  subscription.closedAt = now;
  subscription.processedBy = userId;
  subscription.publisherMessage = reason;
  return { ok: true, subscription };
}

/**
 * Closes a subscription. ACCEPTED or PAUSED become CLOSED and lose their API keys; PENDING becomes
 * REJECTED with a fixed reason; CLOSED and REJECTED come back unchanged.
 */
export function closeSubscription(context: TransitionContext, subscription: Subscription, userId: string): Outcome {
  const { store, now } = context;

  if (subscription.status === 'ACCEPTED' || subscription.status === 'PAUSED') {
    subscription.status = 'CLOSED';
    subscription.closedAt = now;
    subscription.updatedAt = now;
    for (const key of store.data.apiKeys) if (key.subscriptionId === subscription.id) key.revoked = true;
  } else if (subscription.status === 'PENDING') {
    subscription.status = 'REJECTED';
    subscription.processedAt = now;
    subscription.processedBy = userId;
    subscription.closedAt = now;
    subscription.updatedAt = now;
    subscription.publisherMessage = 'Subscription has been closed.';
  }
  return { ok: true, subscription };
}

/**
 * Replaces the validity period and metadata, as Gravitee's PUT does: omitted dates and metadata
 * are cleared, while the consumer configuration changes only when one is sent. A non-null endingAt
 * also becomes the expiry of the subscription's active API keys, unless the application shares
 * one key across subscriptions.
 */
export function updateSubscription(context: TransitionContext, subscription: Subscription, input: UpdateInput): Outcome {
  const { store, profile, now } = context;
  if (!profile.updatableStatuses.includes(subscription.status)) {
    return { ok: false, error: subscriptionNotUpdatable(subscription.id, subscription.status) };
  }

  const plan = store.findPlan(subscription.planId);
  if (plan?.mode === 'PUSH' && !input.consumerConfiguration?.entrypointId) {
    return { ok: false, error: { status: 400, message: 'The consumer configuration of a push plan subscription needs an entrypoint id.', technicalCode: 'subscription.consumerConfiguration.invalid' } };
  }

  subscription.startingAt = input.startingAt;
  subscription.endingAt = input.endingAt;
  subscription.metadata = input.metadata;
  if (input.consumerConfiguration) subscription.consumerConfiguration = input.consumerConfiguration;
  subscription.daysToExpirationOnLastNotification = undefined;
  subscription.updatedAt = now;

  const application = store.findApplication(subscription.applicationId);
  if (plan?.security === 'API_KEY' && input.endingAt && application?.apiKeyMode !== 'SHARED') {
    for (const key of store.data.apiKeys) {
      if (key.subscriptionId === subscription.id && !key.revoked) key.expireAt = input.endingAt;
    }
  }
  return { ok: true, subscription };
}

export interface NewSubscriptionInput {
  referenceType?: ReferenceType;
  referenceId?: string;
  planId?: string;
  applicationId?: string;
  subscribedBy?: string;
  consumerMessage?: string;
}

/**
 * Creates a PENDING subscription, as a consumer's request on a MANUAL plan does. Missing fields
 * default to the first published plan of the reference and to an application of its environment.
 */
export function createPendingSubscription(context: TransitionContext, input: NewSubscriptionInput): Outcome {
  const { store, now } = context;
  const data = store.data;

  const requestedPlan = input.planId ? store.findPlan(input.planId) : undefined;
  if (input.planId && !requestedPlan) return { ok: false, error: { status: 400, message: `Plan [${input.planId}] does not exist.` } };

  const referenceType = requestedPlan?.referenceType ?? input.referenceType ?? 'API';
  const referenceId = requestedPlan?.referenceId ?? input.referenceId ?? data.apis[0]?.id;
  const environmentId = referenceType === 'API' ? store.findApi(referenceId ?? '')?.environmentId : store.findApiProduct(referenceId ?? '')?.environmentId;
  if (!referenceId || !environmentId) return { ok: false, error: { status: 400, message: `${referenceType} [${referenceId}] does not exist.` } };

  const plan = requestedPlan ?? data.plans.find((candidate) => candidate.referenceId === referenceId && candidate.status === 'PUBLISHED');
  if (!plan || plan.referenceId !== referenceId) return { ok: false, error: { status: 400, message: `No published plan of ${referenceType} [${referenceId}] matches.` } };

  const application = input.applicationId ? store.findApplication(input.applicationId) : data.applications.find((candidate) => candidate.environmentId === environmentId);
  if (!application) return { ok: false, error: { status: 400, message: `Application [${input.applicationId ?? ''}] does not exist.` } };

  const subscribedBy = input.subscribedBy ?? application.primaryOwnerId;
  if (!store.findUser(subscribedBy)) return { ok: false, error: { status: 400, message: `User [${subscribedBy}] does not exist.` } };

  const subscription: Subscription = {
    id: randomUUID(),
    referenceType,
    referenceId,
    environmentId,
    planId: plan.id,
    applicationId: application.id,
    status: 'PENDING',
    consumerStatus: 'STARTED',
    subscribedBy,
    consumerMessage: input.consumerMessage,
    origin: 'MANAGEMENT',
    createdAt: now,
    updatedAt: now,
  };
  data.subscriptions.push(subscription);
  return { ok: true, subscription };
}
