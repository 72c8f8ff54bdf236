import type { PendingRequest } from './types';
import { metadataEntrySchema, subscriptionTaskDataSchema, taskSchema, tasksEnvelopeSchema } from './schemas';
import { GraviteeError } from './errors';

export interface ParsedTasks {
  /** Subscription requests, oldest first. */
  requests: PendingRequest[];
  /** SUBSCRIPTION_APPROVAL tasks that could not be read; they are counted, never silently dropped. */
  malformedCount: number;
}

type MetadataEntry = { name?: string; api?: string; environmentId?: string };

function readMetadata(metadata: Record<string, unknown> | undefined, id: string | undefined): MetadataEntry {
  if (!metadata || !id) return {};
  const parsed = metadataEntrySchema.safeParse(metadata[id]);
  return parsed.success ? parsed.data : {};
}

/**
 * Parses the user's tasks into pending subscription requests. Other task types (reviews, user
 * registrations, promotions) are dropped, so the count can be lower than the console's own.
 * A task that fails to parse is counted in malformedCount and does not hide the others.
 */
export function parseTasks(body: unknown): ParsedTasks {
  const envelope = tasksEnvelopeSchema.safeParse(body);
  if (!envelope.success) throw new GraviteeError('invalid-response', { serverMessage: 'The tasks response has no data array.' });

  const metadata = envelope.data.metadata;
  const requests: PendingRequest[] = [];
  let malformedCount = 0;

  for (const rawTask of envelope.data.data) {
    const task = taskSchema.safeParse(rawTask);
    if (!task.success) {
      malformedCount += 1;
      continue;
    }
    if (task.data.type !== 'SUBSCRIPTION_APPROVAL') continue;

    const data = subscriptionTaskDataSchema.safeParse(task.data.data);
    if (!data.success) {
      malformedCount += 1;
      continue;
    }
    const subscription = data.data;

    const plan = readMetadata(metadata, subscription.plan);
    const referenceType = subscription.referenceType === 'API_PRODUCT' ? 'API_PRODUCT' : 'API';
    const apiId = subscription.referenceId ?? subscription.api ?? plan.api;
    if (!apiId) {
      malformedCount += 1;
      continue;
    }
    const api = readMetadata(metadata, apiId);
    const application = readMetadata(metadata, subscription.application);

    requests.push({
      connectionId: '',
      subscriptionId: subscription.id,
      referenceType,
      apiId,
      apiName: api.name ?? apiId,
      planId: subscription.plan,
      planName: plan.name ?? subscription.plan,
      applicationId: subscription.application,
      applicationName: application.name ?? subscription.applicationName ?? subscription.application,
      environmentId: api.environmentId ?? subscription.environmentId ?? application.environmentId ?? null,
      consumerMessage: subscription.request ?? null,
      createdAt: subscription.created_at ?? task.data.created_at ?? 0,
    });
  }

  requests.sort((a, b) => a.createdAt - b.createdAt);
  return { requests, malformedCount };
}
