import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimulatorContext } from './context.ts';
import type { Subscription } from './model.ts';
import { applyOpenCors } from './cors.ts';
import { InvalidFaultError, parseFaultSpec } from './faults.ts';
import { BodyTooLargeError, readBody, sendJson } from './http-util.ts';
import { SEED, SEED_CREDENTIALS } from './seed.ts';
import { createPendingSubscription } from './subscriptions.ts';

// Test and demo hooks under /_simulator on the API port. They are not part of Gravitee and never
// appear under /management.

/** Converts a subscription to its stored record: dates in ISO-8601, API keys without their values. */
export function subscriptionRecord(sim: SimulatorContext, subscription: Subscription): Record<string, unknown> {
  const iso = (value: Date | undefined) => value?.toISOString() ?? null;
  return {
    id: subscription.id,
    referenceType: subscription.referenceType,
    referenceId: subscription.referenceId,
    environmentId: subscription.environmentId,
    planId: subscription.planId,
    applicationId: subscription.applicationId,
    status: subscription.status,
    consumerStatus: subscription.consumerStatus,
    subscribedBy: subscription.subscribedBy,
    processedBy: subscription.processedBy ?? null,
    consumerMessage: subscription.consumerMessage ?? null,
    publisherMessage: subscription.publisherMessage ?? null,
    metadata: subscription.metadata ?? null,
    consumerConfiguration: subscription.consumerConfiguration ?? null,
    origin: subscription.origin,
    createdAt: iso(subscription.createdAt),
    updatedAt: iso(subscription.updatedAt),
    processedAt: iso(subscription.processedAt),
    startingAt: iso(subscription.startingAt),
    endingAt: iso(subscription.endingAt),
    closedAt: iso(subscription.closedAt),
    apiKeys: sim.store.data.apiKeys
      .filter((key) => key.subscriptionId === subscription.id)
      .map((key) => ({ id: key.id, expireAt: key.expireAt?.toISOString() ?? null, revoked: key.revoked })),
  };
}

/** Reseeds the data relative to the clock, restores the start options, and clears faults and the request log. */
export function resetSimulator(sim: SimulatorContext): void {
  sim.store.reset(sim.clock());
  Object.assign(sim.options, sim.initialOptions);
  sim.faults.clear();
  sim.requestLog.clear();
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  if (text.trim() === '') return {};
  return JSON.parse(text);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Applies option changes posted to /_simulator/options; returns an error message or null. */
function updateOptions(sim: SimulatorContext, input: Record<string, unknown>): string | null {
  if ('omitApplicationMetadata' in input) {
    if (typeof input.omitApplicationMetadata !== 'boolean') return '"omitApplicationMetadata" must be true or false';
    sim.options.omitApplicationMetadata = input.omitApplicationMetadata;
  }
  if ('schedulerTasksSeconds' in input) {
    const seconds = input.schedulerTasksSeconds;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1) return '"schedulerTasksSeconds" must be a positive integer (seconds)';
    sim.options.schedulerTasksSeconds = seconds;
  }
  if ('corsAllowOrigins' in input) {
    const origins = input.corsAllowOrigins;
    const valid = origins === '*' || (Array.isArray(origins) && origins.every((origin) => typeof origin === 'string'));
    if (!valid) return '"corsAllowOrigins" must be "*" or a list of origins';
    sim.options.corsAllowOrigins = origins as '*' | string[];
  }
  return null;
}

function info(sim: SimulatorContext): Record<string, unknown> {
  return {
    version: sim.profile.version,
    apiOrigin: sim.apiOrigin,
    managementUrl: `${sim.apiOrigin}/management`,
    consoleUrl: `${sim.consoleOrigin}/`,
    seed: SEED,
    credentials: SEED_CREDENTIALS,
    options: sim.options,
  };
}

async function route(sim: SimulatorContext, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const method = request.method ?? 'GET';
  const notFound = () => sendJson(response, 404, { message: `No simulator hook for ${method} ${path}` });

  if (path === '/_simulator/info' && method === 'GET') return sendJson(response, 200, info(sim));

  if (path === '/_simulator/requests') {
    if (method === 'GET') return sendJson(response, 200, sim.requestLog.list());
    if (method === 'DELETE') {
      sim.requestLog.clear();
      return sendJson(response, 200, { cleared: true });
    }
    return notFound();
  }

  if (path === '/_simulator/faults') {
    if (method === 'GET') return sendJson(response, 200, sim.faults.list());
    if (method === 'DELETE') {
      sim.faults.clear();
      return sendJson(response, 200, { cleared: true });
    }
    if (method === 'POST') return sendJson(response, 201, sim.faults.add(parseFaultSpec(await readJson(request))));
    return notFound();
  }

  if (path === '/_simulator/options') {
    if (method === 'GET') return sendJson(response, 200, sim.options);
    if (method === 'POST') {
      const input = await readJson(request);
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return sendJson(response, 400, { message: 'Expected a JSON object of options' });
      const problem = updateOptions(sim, input as Record<string, unknown>);
      if (problem) return sendJson(response, 400, { message: problem });
      return sendJson(response, 200, sim.options);
    }
    return notFound();
  }

  if (path === '/_simulator/reset' && method === 'POST') {
    resetSimulator(sim);
    return sendJson(response, 200, { reset: true });
  }

  if (path === '/_simulator/subscriptions') {
    if (method === 'GET') return sendJson(response, 200, sim.store.data.subscriptions.map((subscription) => subscriptionRecord(sim, subscription)));
    if (method === 'POST') {
      const input = await readJson(request);
      const body = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
      const referenceType = body.referenceType ?? 'API';
      if (referenceType !== 'API' && referenceType !== 'API_PRODUCT') return sendJson(response, 400, { message: `Invalid "referenceType" ${JSON.stringify(referenceType)}: expected "API" or "API_PRODUCT"` });
      const outcome = createPendingSubscription({ store: sim.store, profile: sim.profile, now: sim.clock() }, {
        referenceType,
        referenceId: optionalString(body.referenceId) ?? optionalString(body.apiId),
        planId: optionalString(body.planId),
        applicationId: optionalString(body.applicationId),
        subscribedBy: optionalString(body.subscribedBy),
        consumerMessage: optionalString(body.message) ?? optionalString(body.consumerMessage),
      });
      if (!outcome.ok) return sendJson(response, outcome.error.status, { message: outcome.error.message });
      return sendJson(response, 201, subscriptionRecord(sim, outcome.subscription));
    }
    return notFound();
  }

  const match = /^\/_simulator\/subscriptions\/([^/]+)$/.exec(path);
  if (match && method === 'GET') {
    const subscription = sim.store.findSubscription(decodeURIComponent(match[1] ?? ''));
    if (!subscription) return sendJson(response, 404, { message: `No subscription ${match[1]}` });
    return sendJson(response, 200, subscriptionRecord(sim, subscription));
  }

  return notFound();
}

/** Serves one /_simulator request. */
export async function handleControlRequest(sim: SimulatorContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  if (applyOpenCors(request, response) === 'handled') return;
  try {
    await route(sim, request, response, url.pathname.replace(/\/+$/, ''));
  } catch (error) {
    if (error instanceof InvalidFaultError || error instanceof SyntaxError || error instanceof BodyTooLargeError) {
      return sendJson(response, 400, { message: error.message });
    }
    console.error(`[simulator] control hook ${request.method} ${url.pathname} failed:`, error);
    if (!response.headersSent) sendJson(response, 500, { message: 'Control hook failed; see the simulator log' });
  }
}
