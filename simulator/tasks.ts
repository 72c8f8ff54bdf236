import type { Subscription, User } from './model.ts';
import type { GraviteeProfile } from './profile.ts';
import type { Store } from './store.ts';
import { toTaskSubscriptionData } from './json-v1.ts';

// `GET /organizations/{org}/user/tasks`: every task of the caller across all environments in one
// unpaginated response `{data, metadata, page}`, dates in epoch milliseconds.

export interface TaskOptions {
  /** Leaves the application entries out of `metadata`, to test clients against incomplete metadata. */
  omitApplicationMetadata: boolean;
}

interface Task {
  type: 'SUBSCRIPTION_APPROVAL' | 'IN_REVIEW' | 'REQUEST_FOR_CHANGES' | 'USER_REGISTRATION_APPROVAL';
  data: Record<string, unknown>;
  created_at: number;
}

type Metadata = Record<string, Record<string, string>>;

/**
 * Selects the PENDING subscriptions a user may process: those where a role gives SUBSCRIPTION
 * update on the API or API Product, directly or through a group. An environment admin gets every
 * API of every environment of the organization.
 */
function visibleSubscriptions(store: Store, profile: GraviteeProfile, user: User): Subscription[] {
  return store.data.subscriptions.filter((subscription) => {
    if (subscription.status !== 'PENDING') return false;
    if (subscription.referenceType === 'API_PRODUCT' && !profile.apiProducts) return false;
    return store.subscriptionActions(user, subscription.referenceType, subscription.referenceId).has('U');
  });
}

function addApiMetadata(store: Store, profile: GraviteeProfile, metadata: Metadata, apiId: string): void {
  const api = store.findApi(apiId);
  if (!api || metadata[apiId]) return;
  const entry: Record<string, string> = { name: api.name };
  if (profile.tasks.metadataEnvironmentId) entry.environmentId = api.environmentId;
  if (profile.tasks.metadataApiType && api.apiType) entry.apiType = api.apiType;
  metadata[apiId] = entry;
}

function addSubscriptionMetadata(store: Store, profile: GraviteeProfile, options: TaskOptions, metadata: Metadata, subscription: Subscription): void {
  const application = store.findApplication(subscription.applicationId);
  if (application && !options.omitApplicationMetadata && !metadata[application.id]) {
    const entry: Record<string, string> = { name: application.name };
    if (profile.tasks.metadataEnvironmentId) entry.environmentId = application.environmentId;
    metadata[application.id] = entry;
  }

  // The plan's `api` attribute holds the plan's reference id: an API id or an API Product id.
  const plan = store.findPlan(subscription.planId);
  if (plan && !metadata[plan.id]) metadata[plan.id] = { name: plan.name, api: plan.referenceId };

  if (subscription.referenceType === 'API') {
    addApiMetadata(store, profile, metadata, subscription.referenceId);
    return;
  }
  const product = store.findApiProduct(subscription.referenceId);
  if (product && !metadata[product.id]) metadata[product.id] = { name: product.name, environmentId: product.environmentId };
}

function reviewTasks(store: Store, profile: GraviteeProfile, user: User, metadata: Metadata): Task[] {
  // Only environment admins hold the review permission in the seed data.
  if (!user.environmentAdmin) return [];
  return store.data.workflows.map((workflow) => {
    addApiMetadata(store, profile, metadata, workflow.apiId);
    return {
      type: workflow.state,
      data: {
        id: workflow.id,
        referenceType: 'API',
        referenceId: workflow.apiId,
        type: 'REVIEW',
        state: workflow.state,
        comment: workflow.comment,
        user: workflow.userId,
        createdAt: workflow.createdAt.getTime(),
      },
      created_at: workflow.createdAt.getTime(),
    };
  });
}

function registrationTasks(store: Store, user: User): Task[] {
  if (!user.environmentAdmin) return [];
  return store.data.users
    .filter((candidate) => candidate.status === 'PENDING')
    .slice(0, 100)
    .map((pending) => {
      const data: Record<string, unknown> = { id: pending.id, displayName: pending.displayName, status: pending.status, source: 'gravitee', sourceId: pending.email ?? pending.username, created_at: pending.createdAt.getTime() };
      if (pending.firstname) data.firstname = pending.firstname;
      if (pending.lastname) data.lastname = pending.lastname;
      if (pending.email) data.email = pending.email;
      return { type: 'USER_REGISTRATION_APPROVAL', data, created_at: pending.createdAt.getTime() };
    });
}

/** Builds the tasks envelope for one user. */
export function buildTasksResponse(store: Store, profile: GraviteeProfile, options: TaskOptions, user: User): Record<string, unknown> {
  const metadata: Metadata = {};

  const subscriptionTasks: Task[] = visibleSubscriptions(store, profile, user).map((subscription) => {
    addSubscriptionMetadata(store, profile, options, metadata, subscription);
    return { type: 'SUBSCRIPTION_APPROVAL', data: toTaskSubscriptionData(store, profile, subscription), created_at: subscription.createdAt.getTime() };
  });

  // Newest first, as the MongoDB repository returns them.
  const tasks = [...subscriptionTasks, ...reviewTasks(store, profile, user, metadata), ...registrationTasks(store, user)].sort((a, b) => b.created_at - a.created_at);

  // The list is not paginated, but the page block is computed from the whole list, so an empty
  // list gives total_pages 0 (Gravitee divides 0 by 0 and casts to int).
  const total = tasks.length;
  return {
    data: tasks,
    metadata,
    page: { current: 1, per_page: total, size: total, total_pages: total === 0 ? 0 : 1, total_elements: total },
  };
}
