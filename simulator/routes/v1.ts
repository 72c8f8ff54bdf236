import type { Environment, User } from '../model.ts';
import type { RequestContext, Route } from '../context.ts';
import { clearedSessionCookie, sessionCookie } from '../auth.ts';
import { forbidden, INVALID_CONTEXT_BODY, subscriptionNotFound, v1ErrorBody, type ApiError } from '../errors.ts';
import { appendSetCookie, sendJson, sendText } from '../http-util.ts';
import { toV1Subscription } from '../json-v1.ts';
import { readJsonObject, readLegacyDate, readOptionalString, readStringMap } from '../request-body.ts';
import { acceptSubscription, rejectSubscription, updateSubscription, type Outcome, type TransitionContext } from '../subscriptions.ts';
import { buildTasksResponse } from '../tasks.ts';

// Management API v1 endpoints used around the tasks list and the console: current user, login,
// organization settings, environments, and one API subscription (get, update, process). v1 JSON
// is pretty-printed, uses epoch milliseconds and leaves nulls out.

function sendV1(context: RequestContext, status: number, body: unknown): void {
  sendJson(context.response, status, body, true);
}

function sendError(context: RequestContext, error: ApiError): void {
  sendV1(context, error.status, v1ErrorBody(error));
}

function currentUser(context: RequestContext): User {
  if (context.authentication.kind !== 'user') throw new Error('Route reached without an authenticated user');
  return context.authentication.user;
}

function transitionContext(context: RequestContext): TransitionContext {
  return { store: context.sim.store, profile: context.sim.profile, now: context.sim.clock() };
}

/** Checks the organization segment and, when present, the environment segment (id or hrid on v1). */
function resolveContext(context: RequestContext, params: Record<string, string>): { environment?: Environment } | null {
  const { store } = context.sim;
  if (params.org !== store.data.organizationId) return null;
  if (params.env === undefined) return {};
  const environment = store.findEnvironment(params.env, true);
  return environment ? { environment } : null;
}

type Handler = (context: RequestContext, params: Record<string, string>, environment: Environment | undefined) => Promise<void> | void;

function inContext(handler: Handler): Route['handle'] {
  return async (context, params) => {
    const resolved = resolveContext(context, params);
    if (!resolved) return sendJson(context.response, 400, INVALID_CONTEXT_BODY);
    await handler(context, params, resolved.environment);
  };
}

function userJson(context: RequestContext, user: User): Record<string, unknown> {
  const { store } = context.sim;
  const body: Record<string, unknown> = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    source: user.password === undefined ? 'gravitee' : 'memory',
    sourceId: user.username,
    status: user.status,
    roles: [{ scope: 'ORGANIZATION', name: user.environmentAdmin ? 'ADMIN' : 'USER' }],
    envRoles: Object.fromEntries(store.data.environments.map((environment) => [environment.id, [{ scope: 'ENVIRONMENT', name: user.environmentAdmin ? 'ADMIN' : 'USER' }]])),
    displayNewsletterSubscription: false,
    created_at: user.createdAt.getTime(),
    updated_at: user.createdAt.getTime(),
  };
  if (user.firstname) body.firstname = user.firstname;
  if (user.lastname) body.lastname = user.lastname;
  if (user.email) body.email = user.email;
  return body;
}

function consoleSettings(context: RequestContext): Record<string, unknown> {
  const { options } = context.sim;
  return {
    scheduler: { tasks: options.schedulerTasksSeconds, notifications: 10 },
    alert: { enabled: false },
    authentication: { localLogin: { enabled: true } },
    reCaptcha: { enabled: false },
    maintenance: { enabled: false },
    management: { title: 'Gravitee.io', support: { enabled: true }, userCreation: { enabled: false }, automaticValidation: { enabled: false } },
    newsletter: { enabled: false },
    analyticsPendo: { enabled: false },
    cors: {
      allowOrigin: options.corsAllowOrigins === '*' ? ['*'] : options.corsAllowOrigins,
      exposedHeaders: ['ETag', 'X-Xsrf-Token'],
      maxAge: 1728000,
    },
  };
}

function apiListItem(context: RequestContext, apiId: string): Record<string, unknown> | undefined {
  const { store } = context.sim;
  const api = store.findApi(apiId);
  if (!api) return undefined;
  const owner = store.findUser(api.primaryOwnerId);
  const item: Record<string, unknown> = {
    id: api.id,
    name: api.name,
    version: api.apiVersion,
    description: api.description,
    visibility: 'PUBLIC',
    state: 'STARTED',
    lifecycle_state: 'PUBLISHED',
    definition_version: '4.0.0',
    owner: owner ? { id: owner.id, displayName: owner.displayName, email: owner.email } : undefined,
    created_at: api.createdAt.getTime(),
    updated_at: api.createdAt.getTime(),
  };
  if (api.apiType) item.type = api.apiType;
  return item;
}

async function processSubscription(context: RequestContext, params: Record<string, string>): Promise<void> {
  const subscriptionId = params.sub ?? '';
  const body = await readJsonObject(context.request, true);
  if (!body.ok) return sendError(context, body.error);
  const input = body.value ?? {};

  // An id in the body must name the subscription of the path. Gravitee reports a mismatch in plain text.
  if (input.id !== undefined && input.id !== null && input.id !== subscriptionId) {
    return sendText(context.response, 400, "'subscription' parameter does not correspond to the subscription to process");
  }
  const startingAt = readLegacyDate(input, 'starting_at');
  if (!startingAt.ok) return sendError(context, startingAt.error);
  const endingAt = readLegacyDate(input, 'ending_at');
  if (!endingAt.ok) return sendError(context, endingAt.error);
  const reason = readOptionalString(input, 'reason');
  if (!reason.ok) return sendError(context, reason.error);
  const customApiKey = readOptionalString(input, 'customApiKey');
  if (!customApiKey.ok) return sendError(context, customApiKey.error);

  const subscription = context.sim.store.findSubscription(subscriptionId);
  if (!subscription || subscription.referenceType !== 'API' || subscription.referenceId !== params.api) return sendError(context, subscriptionNotFound(subscriptionId));

  // `accepted` is a primitive boolean in Gravitee's model: leaving it out means false, a rejection.
  const accepted = input.accepted === true;
  const outcome: Outcome = accepted
    ? acceptSubscription(transitionContext(context), subscription, { startingAt: startingAt.value, endingAt: endingAt.value, reason: reason.value, customApiKey: customApiKey.value }, currentUser(context).id)
    : rejectSubscription(transitionContext(context), subscription, reason.value, currentUser(context).id);
  if (!outcome.ok) return sendError(context, outcome.error);
  sendV1(context, 200, toV1Subscription(context.sim.store, context.sim.profile, outcome.subscription));
}

async function updateLegacySubscription(context: RequestContext, params: Record<string, string>): Promise<void> {
  const subscriptionId = params.sub ?? '';
  const body = await readJsonObject(context.request, true);
  if (!body.ok) return sendError(context, body.error);
  const input = body.value ?? {};

  if (input.id !== undefined && input.id !== null && input.id !== subscriptionId) {
    return sendText(context.response, 400, "'subscription' parameter does not correspond to the subscription to update");
  }
  const startingAt = readLegacyDate(input, 'starting_at');
  if (!startingAt.ok) return sendError(context, startingAt.error);
  const endingAt = readLegacyDate(input, 'ending_at');
  if (!endingAt.ok) return sendError(context, endingAt.error);
  const metadata = readStringMap(input, 'metadata');
  if (!metadata.ok) return sendError(context, metadata.error);
  const configuration = input.configuration;
  const consumerConfiguration = typeof configuration === 'object' && configuration !== null && typeof (configuration as Record<string, unknown>).entrypointId === 'string'
    ? (configuration as { entrypointId: string })
    : undefined;

  const subscription = context.sim.store.findSubscription(subscriptionId);
  if (!subscription || subscription.referenceType !== 'API' || subscription.referenceId !== params.api) return sendError(context, subscriptionNotFound(subscriptionId));

  const outcome = updateSubscription(transitionContext(context), subscription, { startingAt: startingAt.value, endingAt: endingAt.value, metadata: metadata.value, consumerConfiguration });
  if (!outcome.ok) return sendError(context, outcome.error);
  sendV1(context, 200, toV1Subscription(context.sim.store, context.sim.profile, outcome.subscription));
}

/** Wraps an API-scoped handler with the API_SUBSCRIPTION permission check of the path's API. */
function withApiPermission(action: 'R' | 'U', handler: (context: RequestContext, params: Record<string, string>) => Promise<void> | void): Handler {
  return async (context, params) => {
    if (!context.sim.store.subscriptionActions(currentUser(context), 'API', params.api ?? '').has(action)) return sendError(context, forbidden());
    await handler(context, params);
  };
}

const ORG = '/organizations/:org';
const SUBSCRIPTION = `${ORG}/environments/:env/apis/:api/subscriptions/:sub`;

export function v1Routes(): Route[] {
  return [
    {
      method: 'POST',
      pattern: `${ORG}/user/login`,
      handle: inContext((context) => {
        const user = currentUser(context);
        const token = context.sim.authenticator.issueSessionToken(user, context.sim.clock().getTime());
        appendSetCookie(context.response, sessionCookie(token));
        sendV1(context, 200, { type: 'BEARER', token });
      }),
    },
    {
      method: 'POST',
      pattern: `${ORG}/user/logout`,
      public: true,
      handle: inContext((context) => {
        appendSetCookie(context.response, clearedSessionCookie());
        context.response.statusCode = 200;
        context.response.setHeader('Content-Length', 0);
        context.response.end();
      }),
    },
    { method: 'GET', pattern: `${ORG}/user`, handle: inContext((context) => sendV1(context, 200, userJson(context, currentUser(context)))) },
    {
      method: 'GET',
      pattern: `${ORG}/user/tasks`,
      handle: inContext((context) => sendV1(context, 200, buildTasksResponse(context.sim.store, context.sim.profile, context.sim.options, currentUser(context)))),
    },
    {
      // Deprecated environment-level mount of the same organization-wide list.
      method: 'GET',
      pattern: `${ORG}/environments/:env/user/tasks`,
      handle: inContext((context) => sendV1(context, 200, buildTasksResponse(context.sim.store, context.sim.profile, context.sim.options, currentUser(context)))),
    },
    { method: 'GET', pattern: `${ORG}/console`, public: true, handle: inContext((context) => sendV1(context, 200, consoleSettings(context))) },
    { method: 'GET', pattern: `${ORG}/social-identities`, public: true, handle: inContext((context) => sendV1(context, 200, [])) },
    {
      method: 'GET',
      pattern: `${ORG}/environments`,
      handle: inContext((context) => sendV1(context, 200, context.sim.store.data.environments.map((environment) => ({ ...environment, hrids: [...environment.hrids] })))),
    },
    {
      method: 'GET',
      pattern: `${ORG}/environments/:env/apis`,
      handle: inContext((context, _params, environment) => {
        const apis = context.sim.store.readableApis(currentUser(context), environment?.id ?? '');
        sendV1(context, 200, apis.map((api) => apiListItem(context, api.id)));
      }),
    },
    {
      method: 'GET',
      pattern: `${ORG}/environments/:env/apis/:api/members/permissions`,
      handle: inContext((context, params) => {
        const actions = [...context.sim.store.subscriptionActions(currentUser(context), 'API', params.api ?? '')];
        if (actions.length === 0) return sendV1(context, 200, {});
        const canChange = actions.includes('U');
        sendV1(context, 200, { DEFINITION: canChange ? ['C', 'R', 'U', 'D'] : ['R'], PLAN: canChange ? ['C', 'R', 'U', 'D'] : ['R'], SUBSCRIPTION: actions });
      }),
    },
    {
      method: 'GET',
      pattern: SUBSCRIPTION,
      handle: inContext(withApiPermission('R', (context, params) => {
        const subscription = context.sim.store.findSubscription(params.sub ?? '');
        if (!subscription || subscription.referenceType !== 'API' || subscription.referenceId !== params.api) return sendError(context, subscriptionNotFound(params.sub ?? ''));
        sendV1(context, 200, toV1Subscription(context.sim.store, context.sim.profile, subscription));
      })),
    },
    { method: 'PUT', pattern: SUBSCRIPTION, handle: inContext(withApiPermission('U', updateLegacySubscription)) },
    { method: 'POST', pattern: `${SUBSCRIPTION}/_process`, handle: inContext(withApiPermission('U', processSubscription)) },
  ];
}
