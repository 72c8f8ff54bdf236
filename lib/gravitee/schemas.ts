import { z } from 'zod/mini';

// Response shapes of the Gravitee Management API, reduced to the fields Gatekeeper reads. Objects
// are not strict: fields added by newer Gravitee versions are ignored rather than rejected.

/** `GET /organizations/{org}/user/tasks`: the envelope. Each task is parsed on its own. */
export const tasksEnvelopeSchema = z.object({
  data: z.array(z.unknown()),
  metadata: z.optional(z.record(z.string(), z.unknown())),
});

export const taskSchema = z.object({
  type: z.string(),
  data: z.unknown(),
  created_at: z.optional(z.number()),
});

/** `data` of a SUBSCRIPTION_APPROVAL task: a v1 SubscriptionEntity, dates in epoch milliseconds. */
export const subscriptionTaskDataSchema = z.object({
  id: z.string(),
  api: z.optional(z.string()),
  plan: z.string(),
  application: z.string(),
  applicationName: z.optional(z.string()),
  request: z.optional(z.nullable(z.string())),
  environmentId: z.optional(z.string()),
  referenceId: z.optional(z.string()),
  referenceType: z.optional(z.string()),
  created_at: z.optional(z.number()),
});

/** One entry of the tasks `metadata` map: an application, plan, API or API Product. */
export const metadataEntrySchema = z.object({
  name: z.optional(z.string()),
  api: z.optional(z.string()),
  environmentId: z.optional(z.string()),
});

const subscriptionStatusSchema = z.enum(['PENDING', 'ACCEPTED', 'REJECTED', 'CLOSED', 'PAUSED', 'RESUMED']);

/** v2 `Subscription`; nested objects hold only `id` unless expanded. */
export const subscriptionSchema = z.object({
  id: z.string(),
  status: subscriptionStatusSchema,
  startingAt: z.optional(z.nullable(z.string())),
  endingAt: z.optional(z.nullable(z.string())),
  processedAt: z.optional(z.nullable(z.string())),
  publisherMessage: z.optional(z.nullable(z.string())),
});

/**
 * v2 `Subscription` with the fields a full-replacement PUT must send back, and the plan's security
 * type (with `expands=plan`), which decides whether API keys expire with the subscription.
 */
export const subscriptionForUpdateSchema = z.object({
  id: z.string(),
  status: subscriptionStatusSchema,
  startingAt: z.optional(z.nullable(z.string())),
  endingAt: z.optional(z.nullable(z.string())),
  processedAt: z.optional(z.nullable(z.string())),
  publisherMessage: z.optional(z.nullable(z.string())),
  metadata: z.optional(z.nullable(z.record(z.string(), z.string()))),
  consumerConfiguration: z.optional(z.nullable(z.unknown())),
  plan: z.optional(
    z.object({
      id: z.string(),
      name: z.optional(z.string()),
      security: z.optional(z.object({ type: z.optional(z.string()) })),
    }),
  ),
});

/** `GET /organizations/{org}/user`. */
export const currentUserSchema = z.object({
  id: z.string(),
  displayName: z.optional(z.string()),
  firstname: z.optional(z.string()),
  lastname: z.optional(z.string()),
  email: z.optional(z.string()),
});

/** `GET /organizations/{org}/console`, public; `scheduler.tasks` is the console's poll interval in seconds. */
export const consoleSettingsSchema = z.object({
  scheduler: z.optional(
    z.object({
      tasks: z.optional(z.number()),
    }),
  ),
});

/** The console's `constants.json`; `baseURL` may be relative to the console address. */
export const consoleConstantsSchema = z.object({
  baseURL: z.string(),
  organizationId: z.optional(z.string()),
});

/**
 * v1 REST `Subscription`, returned by the v1 GET, PUT and `_process`: snake_case, dates in epoch
 * milliseconds, the publisher's message in `reason`, and the plan with its security type.
 */
export const v1SubscriptionSchema = z.object({
  id: z.string(),
  status: subscriptionStatusSchema,
  starting_at: z.optional(z.nullable(z.number())),
  ending_at: z.optional(z.nullable(z.number())),
  processed_at: z.optional(z.nullable(z.number())),
  reason: z.optional(z.nullable(z.string())),
  metadata: z.optional(z.nullable(z.record(z.string(), z.string()))),
  configuration: z.optional(z.nullable(z.unknown())),
  plan: z.optional(
    z.object({
      id: z.string(),
      name: z.optional(z.string()),
      security: z.optional(z.nullable(z.string())),
    }),
  ),
});

/** `GET /organizations/{org}/environments`: each environment's id and human-readable ids. */
export const environmentListSchema = z.array(
  z.object({
    id: z.string(),
    hrids: z.optional(z.array(z.string())),
    name: z.optional(z.string()),
  }),
);

/** `GET {mgmt}/v2/ui/bootstrap` (public, 4.2+): the absolute Management API base and the organization. */
export const bootstrapSchema = z.object({
  baseURL: z.optional(z.string()),
  organizationId: z.optional(z.string()),
});

/** `GET /organizations/{org}/environments/{env}/apis` (v1): the APIs of that environment the caller may see. */
export const apiListSchema = z.array(z.object({ id: z.string() }));
