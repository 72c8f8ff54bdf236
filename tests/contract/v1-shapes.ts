// Management API v1 request and response shapes that Gatekeeper depends on, written down as JSON
// Schema 2020-12, because Gravitee publishes no OpenAPI file for v1. Each schema names the Gravitee
// Java class it restates (paths inside the gravitee-io/gravitee-api-management repository).
//
// Request bodies are strict (additionalProperties false) although Gravitee ignores unknown input
// properties: a misspelt field such as a camelCase `startingAt` would be dropped silently by the
// server, so the contract must reject it.

type Schema = Record<string, unknown>;

/** v1 reads `java.util.Date` from epoch milliseconds or an ISO-8601 string, and writes epoch milliseconds. */
const V1_DATE_INPUT: Schema = { anyOf: [{ type: 'integer' }, { type: 'string', format: 'date-time' }] };
const V1_DATE_OUTPUT: Schema = { type: 'integer' };
const STRING_MAP: Schema = { type: 'object', additionalProperties: { type: 'string' } };

export const V1_SCHEMAS: Record<string, Schema> = {
  ProcessSubscriptionEntity: {
    $comment:
      'io.gravitee.rest.api.model.ProcessSubscriptionEntity (gravitee-apim-rest-api-model), body of POST …/subscriptions/{id}/_process. ' +
      '`accepted` is a primitive boolean there, so a body without it rejects the subscription; this contract therefore requires it.',
    type: 'object',
    properties: {
      id: { type: 'string' },
      accepted: { type: 'boolean' },
      reason: { type: 'string' },
      starting_at: V1_DATE_INPUT,
      ending_at: V1_DATE_INPUT,
      // CustomApiKey.java: 8 to 128 characters, none of ^ # % @ \ / ; = ? | ~ , or space.
      customApiKey: { type: 'string', minLength: 8, maxLength: 128, pattern: '^[^\\^#%@\\\\/;=?|~, ]*$' },
    },
    required: ['accepted'],
    additionalProperties: false,
  },

  UpdateSubscriptionEntity: {
    $comment: 'io.gravitee.rest.api.model.UpdateSubscriptionEntity (gravitee-apim-rest-api-model), body of PUT …/subscriptions/{id}.',
    type: 'object',
    properties: {
      id: { type: 'string' },
      starting_at: V1_DATE_INPUT,
      ending_at: V1_DATE_INPUT,
      metadata: STRING_MAP,
      configuration: { type: 'object' },
    },
    additionalProperties: false,
  },

  Subscription: {
    $comment: 'io.gravitee.rest.api.management.rest.model.Subscription (v1 REST model), returned by GET, PUT and _process of one subscription. Null fields are left out.',
    type: 'object',
    properties: {
      id: { type: 'string' },
      status: { enum: ['PENDING', 'ACCEPTED', 'REJECTED', 'CLOSED', 'PAUSED', 'RESUMED'] },
      consumerStatus: { enum: ['STARTED', 'STOPPED', 'FAILURE'] },
      processed_at: V1_DATE_OUTPUT,
      processed_by: { type: 'string' },
      subscribed_by: { type: 'object', properties: { id: { type: 'string' }, displayName: { type: 'string' } }, required: ['id'], additionalProperties: false },
      request: { type: 'string' },
      reason: { type: 'string' },
      starting_at: V1_DATE_OUTPUT,
      ending_at: V1_DATE_OUTPUT,
      created_at: V1_DATE_OUTPUT,
      updated_at: V1_DATE_OUTPUT,
      closed_at: V1_DATE_OUTPUT,
      paused_at: V1_DATE_OUTPUT,
      consumerPausedAt: V1_DATE_OUTPUT,
      client_id: { type: 'string' },
      metadata: STRING_MAP,
      configuration: { type: 'object' },
      failureCause: { type: 'string' },
      origin: { type: 'string' },
      plan: {
        type: 'object',
        properties: { id: { type: 'string' }, name: { type: 'string' }, security: { type: 'string' } },
        required: ['id'],
        additionalProperties: false,
      },
      application: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          type: { type: 'string' },
          description: { type: 'string' },
          domain: { type: 'string' },
          owner: { type: 'object', properties: { id: { type: 'string' }, displayName: { type: 'string' } }, required: ['id'], additionalProperties: false },
          apiKeyMode: { type: 'string' },
        },
        required: ['id'],
        additionalProperties: false,
      },
    },
    required: ['id', 'status'],
    additionalProperties: false,
  },

  SubscriptionEntity: {
    $comment: 'io.gravitee.rest.api.model.SubscriptionEntity, the `data` of a SUBSCRIPTION_APPROVAL task. Dates in epoch milliseconds; fields by version: environmentId 4.4+, origin 4.6+, applicationName and client_certificate 4.7+, referenceId and referenceType 4.11+ (no `api` for API Products).',
    type: 'object',
    properties: {
      id: { type: 'string' },
      api: { type: 'string' },
      plan: { type: 'string' },
      application: { type: 'string' },
      applicationName: { type: 'string' },
      status: { const: 'PENDING' },
      consumerStatus: { enum: ['STARTED', 'STOPPED', 'FAILURE'] },
      subscribed_by: { type: 'string' },
      request: { type: 'string' },
      environmentId: { type: 'string' },
      configuration: { type: 'object' },
      metadata: STRING_MAP,
      client_id: { type: 'string' },
      client_certificate: { type: 'string' },
      failureCause: { type: 'string' },
      daysToExpirationOnLastNotification: { type: 'integer' },
      created_at: V1_DATE_OUTPUT,
      updated_at: V1_DATE_OUTPUT,
      origin: { enum: ['MANAGEMENT', 'KUBERNETES'] },
      referenceId: { type: 'string' },
      referenceType: { enum: ['API', 'API_PRODUCT'] },
    },
    required: ['id', 'plan', 'application', 'status'],
    additionalProperties: false,
  },

  TaskEntityPagedResult: {
    $comment: 'io.gravitee.rest.api.management.rest.model.wrapper.TaskEntityPagedResult with TaskEntity items (io.gravitee.rest.api.model.TaskEntity), returned by GET /organizations/{org}/user/tasks.',
    type: 'object',
    properties: {
      data: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            type: { enum: ['SUBSCRIPTION_APPROVAL', 'IN_REVIEW', 'REQUEST_FOR_CHANGES', 'USER_REGISTRATION_APPROVAL', 'PROMOTION_APPROVAL'] },
            data: { type: 'object' },
            created_at: V1_DATE_OUTPUT,
          },
          required: ['type', 'data'],
          additionalProperties: false,
          if: { properties: { type: { const: 'SUBSCRIPTION_APPROVAL' } } },
          then: { properties: { data: { $ref: 'SubscriptionEntity' } } },
        },
      },
      metadata: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          properties: { name: { type: 'string' }, api: { type: 'string' }, environmentId: { type: 'string' }, apiType: { type: 'string' } },
          additionalProperties: false,
        },
      },
      page: {
        type: 'object',
        properties: {
          current: { type: 'integer' },
          per_page: { type: 'integer' },
          size: { type: 'integer' },
          total_pages: { type: 'integer' },
          total_elements: { type: 'integer' },
        },
        required: ['current', 'per_page', 'size', 'total_pages', 'total_elements'],
        additionalProperties: false,
      },
    },
    required: ['data', 'metadata', 'page'],
    additionalProperties: false,
  },

  ErrorEntity: {
    $comment: 'io.gravitee.rest.api.management.rest.model.ErrorEntity, the v1 error body (`http_status`, unlike v2 `httpStatus`).',
    type: 'object',
    properties: {
      message: { type: 'string' },
      http_status: { type: 'integer' },
      parameters: STRING_MAP,
      technicalCode: { type: 'string' },
    },
    required: ['message', 'http_status'],
    additionalProperties: false,
  },

  CurrentUser: {
    $comment: 'GET /organizations/{org}/user (CurrentUserResource.java): the signed-in user. Only the fields Gatekeeper reads are constrained.',
    type: 'object',
    properties: { id: { type: 'string' }, displayName: { type: 'string' }, firstname: { type: 'string' }, lastname: { type: 'string' }, email: { type: 'string' } },
    required: ['id'],
  },

  ConsoleSettings: {
    $comment: 'GET /organizations/{org}/console (ConsoleResource.java), public; `scheduler` is io.gravitee.rest.api.model.settings.ConsoleScheduler, in seconds.',
    type: 'object',
    properties: {
      scheduler: { type: 'object', properties: { tasks: { type: 'integer' }, notifications: { type: 'integer' } } },
    },
  },

  EnvironmentList: {
    $comment: 'GET /organizations/{org}/environments: [{id, hrids, name, description, organizationId}], as the console reads it (gravitee-apim-console-webui/src/entities/environment/environment.ts).',
    type: 'array',
    items: {
      type: 'object',
      properties: { id: { type: 'string' }, hrids: { type: 'array', items: { type: 'string' } }, name: { type: 'string' }, description: { type: 'string' }, organizationId: { type: 'string' } },
      required: ['id'],
    },
  },

  ApiList: {
    $comment: 'GET /organizations/{org}/environments/{env}/apis (ApisResource.java): io.gravitee.rest.api.model.api.ApiListItem items. Only `id` is read.',
    type: 'array',
    items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } }, required: ['id'] },
  },
};

/** One v1 operation Gatekeeper may call, relative to the `/management` base. */
export interface V1Operation {
  method: 'GET' | 'POST' | 'PUT';
  /** Path template; `{name}` matches one segment. */
  path: string;
  /** Query parameters Gravitee declares for it and Gatekeeper may send, with their JSON schema. */
  query: Record<string, Schema>;
  /** Name of the request body schema in V1_SCHEMAS; absent means the operation takes no body. */
  body?: string;
  /** Name of the response schema in V1_SCHEMAS. */
  response: string;
}

const SUBSCRIPTION = '/organizations/{orgId}/environments/{envId}/apis/{api}/subscriptions/{subscription}';

/**
 * The v1 operations Gatekeeper may call. Paths and parameters come from Gravitee's v1 resources:
 * CurrentUserResource.java (user, tasks), ConsoleResource.java, EnvironmentsResource.java,
 * ApisResource.java (`ids` is a repeated query parameter) and ApiSubscriptionResource.java.
 */
export const V1_OPERATIONS: V1Operation[] = [
  { method: 'GET', path: '/organizations/{orgId}/user/tasks', query: {}, response: 'TaskEntityPagedResult' },
  { method: 'GET', path: '/organizations/{orgId}/user', query: {}, response: 'CurrentUser' },
  { method: 'GET', path: '/organizations/{orgId}/console', query: {}, response: 'ConsoleSettings' },
  { method: 'GET', path: '/organizations/{orgId}/environments', query: {}, response: 'EnvironmentList' },
  { method: 'GET', path: '/organizations/{orgId}/environments/{envId}/apis', query: { ids: { type: 'string', minLength: 1 } }, response: 'ApiList' },
  { method: 'GET', path: SUBSCRIPTION, query: {}, response: 'Subscription' },
  { method: 'PUT', path: SUBSCRIPTION, query: {}, body: 'UpdateSubscriptionEntity', response: 'Subscription' },
  { method: 'POST', path: `${SUBSCRIPTION}/_process`, query: {}, body: 'ProcessSubscriptionEntity', response: 'Subscription' },
];
