import type { ConsumerConfiguration, Environment, ReferenceType, Subscription } from '../model.ts';
import type { RequestContext, Route } from '../context.ts';
import { forbidden, INVALID_CONTEXT_BODY, invalidValue, subscriptionNotFound, v2ErrorBody, type ApiError } from '../errors.ts';
import { sendJson } from '../http-util.ts';
import { SUBSCRIPTION_EXPANDS, toV2Subscription, type SubscriptionExpand } from '../json-v2.ts';
import type { PermissionAction } from '../store.ts';
import { readJsonObject, readOffsetDateTime, readOptionalString, readStringMap } from '../request-body.ts';
import { acceptSubscription, closeSubscription, rejectSubscription, updateSubscription, type Outcome, type TransitionContext } from '../subscriptions.ts';

// Management API v2 subscription endpoints, for APIs and for API Products. Each route exists with
// and without the organization prefix; only the prefixed form takes an environment hrid.

const LIST_STATUSES: readonly string[] = ['PENDING', 'REJECTED', 'ACCEPTED', 'CLOSED', 'PAUSED', 'RESUMED'];

function sendError(context: RequestContext, error: ApiError): void {
  sendJson(context.response, error.status, v2ErrorBody(error));
}

function transitionContext(context: RequestContext): TransitionContext {
  return { store: context.sim.store, profile: context.sim.profile, now: context.sim.clock() };
}

function callerId(context: RequestContext): string {
  return context.authentication.kind === 'user' ? context.authentication.user.id : '';
}

/** Resolves the environment segment: an id, or also an hrid under the organization prefix. */
function resolveEnvironment(context: RequestContext, params: Record<string, string>): Environment | undefined {
  const { store } = context.sim;
  if (params.org !== undefined && params.org !== store.data.organizationId) return undefined;
  return store.findEnvironment(params.env ?? '', params.org !== undefined);
}

/** Splits comma-separated and repeated query values into one list. */
function queryList(url: URL, name: string): string[] {
  return url.searchParams.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

function parseExpands(url: URL): Set<SubscriptionExpand> {
  return new Set(queryList(url, 'expands').filter((value): value is SubscriptionExpand => (SUBSCRIPTION_EXPANDS as readonly string[]).includes(value)));
}

function readPositiveInteger(url: URL, name: string, fallback: number): number | ApiError {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) return invalidValue(name, raw, `${name} must be greater than or equal to 1`);
  return value;
}

function pageLink(context: RequestContext, page: number): string {
  const url = new URL(context.url.pathname + context.url.search, context.sim.apiOrigin);
  url.searchParams.set('page', String(page));
  return url.toString();
}

/**
 * Computes the links as Gravitee does. A single page or an empty result gets only `self`. Longer
 * results also get first, last, previous (not on page 1) and next (not on the last page). A page
 * out of range gets no links at all.
 */
function paginationLinks(context: RequestContext, page: number, pageCount: number): Record<string, string> | undefined {
  const self = new URL(context.url.pathname + context.url.search, context.sim.apiOrigin).toString();
  if (pageCount <= 1) return page <= 1 ? { self } : undefined;
  if (page > pageCount) return undefined;

  const links: Record<string, string> = { self, first: pageLink(context, 1), last: pageLink(context, pageCount) };
  if (page > 1) links.previous = pageLink(context, page - 1);
  if (page < pageCount) links.next = pageLink(context, page + 1);
  return links;
}

function hasApiKey(context: RequestContext, subscription: Subscription, apiKey: string): boolean {
  return context.sim.store.data.apiKeys.some((key) => key.subscriptionId === subscription.id && key.key === apiKey);
}

function listSubscriptions(context: RequestContext, referenceType: ReferenceType, referenceId: string): void {
  const { url } = context;
  const statuses = queryList(url, 'statuses');
  const unknownStatus = statuses.find((status) => !LIST_STATUSES.includes(status));
  if (unknownStatus) return sendError(context, invalidValue('statuses', unknownStatus, `Unknown subscription status "${unknownStatus}"`));

  const page = readPositiveInteger(url, 'page', 1);
  if (typeof page !== 'number') return sendError(context, page);
  const perPage = readPositiveInteger(url, 'perPage', 10);
  if (typeof perPage !== 'number') return sendError(context, perPage);

  // Without `statuses`, Gravitee lists ACCEPTED subscriptions only.
  const listedStatuses = new Set(statuses.length > 0 ? statuses : ['ACCEPTED']);
  const applicationIds = queryList(url, 'applicationIds');
  const planIds = queryList(url, 'planIds');
  const apiKey = url.searchParams.get('apiKey');

  const matching = context.sim.store.data.subscriptions
    .filter((subscription) => subscription.referenceType === referenceType && subscription.referenceId === referenceId)
    .filter((subscription) => listedStatuses.has(subscription.status))
    .filter((subscription) => applicationIds.length === 0 || applicationIds.includes(subscription.applicationId))
    .filter((subscription) => planIds.length === 0 || planIds.includes(subscription.planId))
    .filter((subscription) => !apiKey || hasApiKey(context, subscription, apiKey))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

  const expands = parseExpands(url);
  const pageItems = matching.slice((page - 1) * perPage, page * perPage);
  const pageCount = Math.ceil(matching.length / perPage);
  const body: Record<string, unknown> = {
    data: pageItems.map((subscription) => toV2Subscription(context.sim.store, subscription, expands)),
    pagination: { page, perPage, pageCount, pageItemsCount: pageItems.length, totalCount: matching.length },
  };
  const links = paginationLinks(context, page, pageCount);
  if (links) body.links = links;
  sendJson(context.response, 200, body);
}

/** Finds the subscription, or null when it is unknown or belongs to another API or API Product. */
function findOwnedSubscription(context: RequestContext, referenceType: ReferenceType, referenceId: string, subscriptionId: string): Subscription | null {
  const subscription = context.sim.store.findSubscription(subscriptionId);
  if (!subscription || subscription.referenceType !== referenceType || subscription.referenceId !== referenceId) return null;
  return subscription;
}

function sendOutcome(context: RequestContext, outcome: Outcome): void {
  if (!outcome.ok) return sendError(context, outcome.error);
  sendJson(context.response, 200, toV2Subscription(context.sim.store, outcome.subscription));
}

async function accept(context: RequestContext, subscriptionId: string, referenceType: ReferenceType, referenceId: string): Promise<void> {
  const body = await readJsonObject(context.request, true);
  if (!body.ok) return sendError(context, body.error);
  const input = body.value ?? {};

  const startingAt = readOffsetDateTime(input, 'startingAt');
  if (!startingAt.ok) return sendError(context, startingAt.error);
  const endingAt = readOffsetDateTime(input, 'endingAt');
  if (!endingAt.ok) return sendError(context, endingAt.error);
  const reason = readOptionalString(input, 'reason');
  if (!reason.ok) return sendError(context, reason.error);
  const customApiKey = readOptionalString(input, 'customApiKey');
  if (!customApiKey.ok) return sendError(context, customApiKey.error);

  const subscription = findOwnedSubscription(context, referenceType, referenceId, subscriptionId);
  if (!subscription) return sendError(context, subscriptionNotFound(subscriptionId));

  const outcome = acceptSubscription(transitionContext(context), subscription, {
    startingAt: startingAt.value,
    endingAt: endingAt.value,
    reason: reason.value,
    customApiKey: customApiKey.value,
  }, callerId(context));
  sendOutcome(context, outcome);
}

async function reject(context: RequestContext, subscriptionId: string, referenceType: ReferenceType, referenceId: string): Promise<void> {
  const body = await readJsonObject(context.request, true);
  if (!body.ok) return sendError(context, body.error);
  const reason = readOptionalString(body.value ?? {}, 'reason');
  if (!reason.ok) return sendError(context, reason.error);

  const subscription = findOwnedSubscription(context, referenceType, referenceId, subscriptionId);
  if (!subscription) return sendError(context, subscriptionNotFound(subscriptionId));
  sendOutcome(context, rejectSubscription(transitionContext(context), subscription, reason.value, callerId(context)));
}

function readConsumerConfiguration(input: Record<string, unknown>): { ok: true; value: ConsumerConfiguration | undefined } | { ok: false; error: ApiError } {
  const value = input.consumerConfiguration;
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'object' || Array.isArray(value) || typeof (value as Record<string, unknown>).entrypointId !== 'string') {
    return { ok: false, error: invalidValue('consumerConfiguration', value, '"consumerConfiguration" must be an object with a string "entrypointId"') };
  }
  return { ok: true, value: value as ConsumerConfiguration };
}

async function update(context: RequestContext, subscriptionId: string, referenceType: ReferenceType, referenceId: string): Promise<void> {
  const body = await readJsonObject(context.request, true);
  if (!body.ok) return sendError(context, body.error);
  const input = body.value ?? {};

  const startingAt = readOffsetDateTime(input, 'startingAt');
  if (!startingAt.ok) return sendError(context, startingAt.error);
  const endingAt = readOffsetDateTime(input, 'endingAt');
  if (!endingAt.ok) return sendError(context, endingAt.error);
  const metadata = readStringMap(input, 'metadata');
  if (!metadata.ok) return sendError(context, metadata.error);
  const consumerConfiguration = readConsumerConfiguration(input);
  if (!consumerConfiguration.ok) return sendError(context, consumerConfiguration.error);

  const subscription = findOwnedSubscription(context, referenceType, referenceId, subscriptionId);
  if (!subscription) return sendError(context, subscriptionNotFound(subscriptionId));

  sendOutcome(context, updateSubscription(transitionContext(context), subscription, {
    startingAt: startingAt.value,
    endingAt: endingAt.value,
    metadata: metadata.value,
    consumerConfiguration: consumerConfiguration.value,
  }));
}

type Handler = (context: RequestContext, params: Record<string, string>, referenceType: ReferenceType, referenceId: string) => Promise<void> | void;

/**
 * Wraps a handler with the checks Gravitee runs before the resource method: the environment of the
 * path, then the caller's right on the API or API Product named in the path.
 */
function guarded(referenceType: ReferenceType, action: PermissionAction, handler: Handler): Route['handle'] {
  return async (context, params) => {
    const environment = resolveEnvironment(context, params);
    if (!environment) return sendJson(context.response, 400, INVALID_CONTEXT_BODY);

    const referenceId = params.ref ?? '';
    const user = context.authentication.kind === 'user' ? context.authentication.user : undefined;
    if (!user || !context.sim.store.subscriptionActions(user, referenceType, referenceId).has(action)) return sendError(context, forbidden());

    await handler(context, params, referenceType, referenceId);
  };
}

function routesFor(prefix: string, collection: 'apis' | 'api-products', referenceType: ReferenceType): Route[] {
  const base = `${prefix}/environments/:env/${collection}/:ref/subscriptions`;
  return [
    { method: 'GET', pattern: base, handle: guarded(referenceType, 'R', (context, _params, type, id) => listSubscriptions(context, type, id)) },
    {
      method: 'GET',
      pattern: `${base}/:sub`,
      handle: guarded(referenceType, 'R', (context, params, type, id) => {
        const subscription = findOwnedSubscription(context, type, id, params.sub ?? '');
        if (!subscription) return sendError(context, subscriptionNotFound(params.sub ?? ''));
        sendJson(context.response, 200, toV2Subscription(context.sim.store, subscription, parseExpands(context.url)));
      }),
    },
    { method: 'PUT', pattern: `${base}/:sub`, handle: guarded(referenceType, 'U', (context, params, type, id) => update(context, params.sub ?? '', type, id)) },
    { method: 'POST', pattern: `${base}/:sub/_accept`, handle: guarded(referenceType, 'U', (context, params, type, id) => accept(context, params.sub ?? '', type, id)) },
    { method: 'POST', pattern: `${base}/:sub/_reject`, handle: guarded(referenceType, 'U', (context, params, type, id) => reject(context, params.sub ?? '', type, id)) },
    {
      method: 'POST',
      pattern: `${base}/:sub/_close`,
      handle: guarded(referenceType, 'U', (context, params, type, id) => {
        const subscription = findOwnedSubscription(context, type, id, params.sub ?? '');
        if (!subscription) return sendError(context, subscriptionNotFound(params.sub ?? ''));
        sendOutcome(context, closeSubscription(transitionContext(context), subscription, callerId(context)));
      }),
    },
  ];
}

function bootstrapRoute(): Route {
  return {
    method: 'GET',
    pattern: '/v2/ui/bootstrap',
    public: true,
    handle(context) {
      const { sim, url } = context;
      const organizationId = url.searchParams.get('organizationId') ?? sim.store.data.organizationId;
      if (organizationId !== sim.store.data.organizationId) return sendJson(context.response, 400, INVALID_CONTEXT_BODY);
      sendJson(context.response, 200, { baseURL: `${sim.apiOrigin}/management`, organizationId });
    },
  };
}

/** Lists the v2 routes for the given features, as patterns relative to /management. */
export function v2Routes(options: { apiProducts: boolean; uiBootstrap: boolean }): Route[] {
  const routes: Route[] = [];
  for (const prefix of ['/v2', '/v2/organizations/:org']) {
    routes.push(...routesFor(prefix, 'apis', 'API'));
    if (options.apiProducts) routes.push(...routesFor(prefix, 'api-products', 'API_PRODUCT'));
  }
  if (options.uiBootstrap) routes.push(bootstrapRoute());
  return routes;
}

