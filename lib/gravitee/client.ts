import type { z } from 'zod/mini';
import type { Connection, CurrentUser, PendingRequest, SubscriptionDetails, SubscriptionSummary, SubscriptionTarget, ValidityPeriod } from './types';
import { classifyFetchException, classifyHttpFailure } from './classify';
import { createMemoryEnvironmentCache, findApiEnvironment, type EnvironmentCache } from './environments';
import { GraviteeError } from './errors';
import { organizationPath as organizationPathOf, v1SubscriptionPath, v2SubscriptionPath } from './paths';
import { consoleSettingsSchema, currentUserSchema, environmentListSchema, subscriptionForUpdateSchema, subscriptionSchema, v1SubscriptionSchema } from './schemas';
import { parseTasks, type ParsedTasks } from './tasks';
import { v1ProcessBody, v1ToDetails, v1ToSummary, v1UpdateBody } from './v1';
import { GRAVITEE_3_CAPABILITIES, isV2ModuleMissing, UNKNOWN_CAPABILITIES, type GraviteeCapabilities } from './version';

/** Where the client keeps the CSRF token that Gravitee echoes in `X-Xsrf-Token` on every response. */
export interface CsrfTokenStore {
  get(): Promise<string | null>;
  set(token: string): Promise<void>;
}

export function createMemoryCsrfStore(): CsrfTokenStore {
  let token: string | null = null;
  return {
    get: async () => token,
    set: async (value) => {
      token = value;
    },
  };
}

export interface GraviteeClientOptions {
  connection: Connection;
  /** Personal access token; without one the browser's console session cookie is used. */
  token: string | null;
  csrf: CsrfTokenStore;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /**
   * The installation's version-dependent behaviour, or a function that finds it. It is read once,
   * on the first call that depends on it; without it the client assumes UNKNOWN_CAPABILITIES.
   */
  capabilities?: GraviteeCapabilities | (() => Promise<GraviteeCapabilities>);
  /** Called when a v2 request shows that the server has no Management API v2, so the caller can remember it. */
  onV2Missing?: () => Promise<void>;
  /** Environments of APIs whose tasks name none (APIM 3.x); kept in memory when absent. */
  environments?: EnvironmentCache;
}

type Method = 'GET' | 'POST' | 'PUT';

/** A subscription target without its connection id, because the client belongs to one connection. */
type Target = Omit<SubscriptionTarget, 'connectionId'>;

const DEFAULT_TIMEOUT_MS = 15_000;

/** A 404 on a v2 path from a server that has no Management API v2 at all (APIM 3.x). */
class V2ModuleMissingError extends GraviteeError {
  constructor(request: string) {
    super('not-found', { status: 404, request, serverMessage: 'The server has no Management API v2.' });
  }
}

function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return Date.parse(a) === Date.parse(b);
}

function toDetails(subscription: z.infer<typeof subscriptionForUpdateSchema>): SubscriptionDetails {
  return {
    ...toSummary(subscription),
    planName: subscription.plan?.name ?? null,
    planSecurity: subscription.plan?.security?.type ?? null,
  };
}

function toSummary(subscription: z.infer<typeof subscriptionSchema>): SubscriptionSummary {
  return {
    id: subscription.id,
    status: subscription.status,
    startingAt: subscription.startingAt ?? null,
    endingAt: subscription.endingAt ?? null,
    processedAt: subscription.processedAt ?? null,
    publisherMessage: subscription.publisherMessage ?? null,
  };
}

/** Throws 'not-applied' unless the stored subscription kept its status and has the wanted end date. */
function verifyEndDate(request: string, before: SubscriptionSummary, stored: SubscriptionSummary, endingAt: Date | null): void {
  const wanted = endingAt ? endingAt.toISOString() : null;
  if (stored.status === before.status && sameInstant(stored.endingAt, wanted)) return;
  throw new GraviteeError('not-applied', {
    request,
    serverMessage: `Gravitee reports status ${stored.status} and end date ${stored.endingAt ?? 'none'}, expected ${before.status} and ${wanted ?? 'none'}.`,
  });
}

/**
 * Typed client for the parts of the Gravitee Management API that Gatekeeper uses, from APIM 3.20
 * to 4.13. Subscription calls use Management API v2 where the installation has it and v1 where it
 * does not. Every failure is thrown as a GraviteeError of one closed kind; responses are parsed
 * with zod.
 */
export function createGraviteeClient(options: GraviteeClientOptions) {
  const baseUrl = trimTrailingSlash(options.connection.managementUrl);
  const organization = options.connection.organization;
  const organizationPath = organizationPathOf(organization);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const environments = options.environments ?? createMemoryEnvironmentCache();

  let capabilities: Promise<GraviteeCapabilities> | null = null;

  function readCapabilities(): Promise<GraviteeCapabilities> {
    if (!capabilities) {
      const source = options.capabilities;
      capabilities = typeof source === 'function' ? source().catch(() => UNKNOWN_CAPABILITIES) : Promise.resolve(source ?? UNKNOWN_CAPABILITIES);
    }
    return capabilities;
  }

  async function send(method: Method, path: string, body?: unknown): Promise<unknown> {
    const label = `${method} ${path}`;
    const headers: Record<string, string> = {
      Accept: 'application/json',
      // Without it Gravitee adds WWW-Authenticate to a 401, and the browser shows a login prompt.
      'X-Requested-With': 'XMLHttpRequest',
    };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') {
      const csrfToken = await options.csrf.get();
      if (csrfToken) headers['X-Xsrf-Token'] = csrfToken;
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);

    let response: Response;
    let text: string;
    try {
      // 'include' makes the browser store and send Gravitee's XSRF-TOKEN cookie, the other half of
      // the CSRF pair, and the console session cookie when no token is configured.
      response = await fetchImpl(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'include',
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      throw classifyFetchException(error, label, timedOut);
    } finally {
      clearTimeout(timer);
    }

    const echoedCsrfToken = response.headers.get('X-Xsrf-Token');
    if (echoedCsrfToken) await options.csrf.set(echoedCsrfToken);

    if (!response.ok) {
      if (path.startsWith('/v2/') && isV2ModuleMissing(response.status, text)) throw new V2ModuleMissingError(label);
      throw classifyHttpFailure(response.status, response.headers, text, label);
    }

    try {
      return text === '' ? null : JSON.parse(text);
    } catch {
      throw new GraviteeError('invalid-response', { status: response.status, request: label, serverMessage: 'The response is not JSON.' });
    }
  }

  async function get<T>(path: string, schema: z.ZodMiniType<T>): Promise<T> {
    const body = await send('GET', path);
    return parseWith(schema, body, `GET ${path}`);
  }

  /**
   * Sends a POST or PUT with the CSRF pair. Without a token yet, a GET of the current user fetches
   * one first. A 403 from the CSRF filter means the change was not applied, so the request is
   * sent once more after the token is refreshed. No other failure is retried here.
   */
  async function change<T>(method: 'POST' | 'PUT', path: string, body: unknown, schema: z.ZodMiniType<T>): Promise<T> {
    if (!(await options.csrf.get())) await send('GET', `${organizationPath}/user`);
    try {
      return parseWith(schema, await send(method, path, body), `${method} ${path}`);
    } catch (error) {
      if (!(error instanceof GraviteeError) || error.kind !== 'csrf-or-cors') throw error;
      await send('GET', `${organizationPath}/user`);
      return parseWith(schema, await send(method, path, body), `${method} ${path}`);
    }
  }

  /** Returns the environment id of a target: its own, or for a task without one, the environment of its API. */
  async function environmentOf(target: Target): Promise<string> {
    if (target.environmentId) return target.environmentId;
    return findApiEnvironment({ organization, cache: environments, read: get }, target);
  }

  /**
   * Runs a call through Management API v2 where the installation has it, else through v1. API
   * Product subscriptions exist only in v2 (4.11+). When a v2 request reaches a server without the
   * v2 module, nothing was applied, so the call is repeated through v1 and onV2Missing is called.
   */
  async function either<T>(target: Target, throughV2: (environmentId: string) => Promise<T>, throughV1: (environmentId: string) => Promise<T>): Promise<T> {
    const environmentId = await environmentOf(target);
    if (target.referenceType === 'API_PRODUCT') return throughV2(environmentId);
    if (!(await readCapabilities()).v2) return throughV1(environmentId);
    try {
      return await throughV2(environmentId);
    } catch (error) {
      if (!(error instanceof V2ModuleMissingError)) throw error;
      capabilities = Promise.resolve(GRAVITEE_3_CAPABILITIES);
      await options.onV2Missing?.().catch(() => undefined);
      return throughV1(environmentId);
    }
  }

  const v1Path = (environmentId: string, target: Target) => v1SubscriptionPath(organization, environmentId, target);

  return {
    async getCurrentUser(): Promise<CurrentUser> {
      const user = await get(`${organizationPath}/user`, currentUserSchema);
      const fullName = [user.firstname, user.lastname].filter(Boolean).join(' ');
      return { id: user.id, displayName: user.displayName ?? (fullName || user.id), email: user.email ?? null };
    },

    /** Returns the console's task poll interval in seconds, or null when the organization sets none. */
    /** Lists the organization's environments: id, human-readable ids and name. */
    async getEnvironments(): Promise<Array<{ id: string; hrids: string[]; name: string }>> {
      const environments = await get(`${organizationPath}/environments`, environmentListSchema);
      return environments.map((environment) => ({ id: environment.id, hrids: environment.hrids ?? [], name: environment.name ?? environment.id }));
    },

    async getTaskPollSeconds(): Promise<number | null> {
      const settings = await get(`${organizationPath}/console`, consoleSettingsSchema);
      const seconds = settings.scheduler?.tasks;
      return typeof seconds === 'number' && seconds > 0 ? seconds : null;
    },

    /**
     * Reads the pending subscription requests. A request whose task names no environment (3.x)
     * gets the environment of its API from the environment cache, if an earlier action found it.
     * This sends no extra request.
     */
    async getPendingRequests(): Promise<ParsedTasks> {
      const body = await send('GET', `${organizationPath}/user/tasks`);
      let parsed: ParsedTasks;
      try {
        parsed = parseTasks(body);
      } catch (error) {
        if (error instanceof GraviteeError) throw new GraviteeError(error.kind, { ...error.details, request: `GET ${organizationPath}/user/tasks` });
        throw error;
      }
      const requests = await Promise.all(
        parsed.requests.map(async (request) => (request.environmentId ? request : { ...request, environmentId: await environments.get(request.apiId) })),
      );
      return { ...parsed, requests };
    },

    /** Finds the environment id of a request. For a task without one it looks the environment up in Gravitee and caches it. */
    resolveEnvironment(target: Target): Promise<string> {
      return environmentOf(target);
    },

    async getSubscription(target: Target): Promise<SubscriptionSummary> {
      return either(
        target,
        async (environmentId) => toSummary(await get(v2SubscriptionPath(environmentId, target), subscriptionSchema)),
        async (environmentId) => v1ToSummary(await get(v1Path(environmentId, target), v1SubscriptionSchema)),
      );
    },

    /** Reads a subscription with its plan, as shown before an end-date change. */
    async getSubscriptionDetails(target: Target): Promise<SubscriptionDetails> {
      return either(
        target,
        async (environmentId) => toDetails(await get(`${v2SubscriptionPath(environmentId, target)}?expands=plan`, subscriptionForUpdateSchema)),
        // The v1 subscription always carries its plan's name and security type.
        async (environmentId) => v1ToDetails(await get(v1Path(environmentId, target), v1SubscriptionSchema)),
      );
    },

    /**
     * Changes the end date of a subscription; null removes it. Gravitee's PUT replaces the whole
     * record, so the current one is read first and every field is sent back. The subscription is
     * then read again: a server that returns 2xx but stored something else is reported as
     * 'not-applied' rather than trusted. APIM 3.x changes only ACCEPTED subscriptions and returns 400
     * `subscription.notUpdatable` for any other status.
     */
    async changeEndDate(target: Target, endingAt: Date | null): Promise<SubscriptionDetails> {
      return either(
        target,
        async (environmentId) => {
          const path = v2SubscriptionPath(environmentId, target);
          const current = await get(path, subscriptionForUpdateSchema);
          const body: Record<string, unknown> = {};
          if (current.startingAt) body.startingAt = current.startingAt;
          if (endingAt) body.endingAt = endingAt.toISOString();
          if (current.metadata) body.metadata = current.metadata;
          if (current.consumerConfiguration !== undefined && current.consumerConfiguration !== null) body.consumerConfiguration = current.consumerConfiguration;
          await change('PUT', path, body, subscriptionSchema);

          const stored = toDetails(await get(`${path}?expands=plan`, subscriptionForUpdateSchema));
          verifyEndDate(`PUT ${path}`, toSummary(current), stored, endingAt);
          return stored;
        },
        async (environmentId) => {
          const path = v1Path(environmentId, target);
          const current = await get(path, v1SubscriptionSchema);
          await change('PUT', path, v1UpdateBody(current, endingAt), v1SubscriptionSchema);

          const stored = v1ToDetails(await get(path, v1SubscriptionSchema));
          verifyEndDate(`PUT ${path}`, v1ToSummary(current), stored, endingAt);
          return stored;
        },
      );
    },

    /** Accepts with the given validity period. Never sends customApiKey: Gravitee generates the key. */
    async acceptSubscription(request: PendingRequest, validity: ValidityPeriod, reason?: string): Promise<SubscriptionSummary> {
      const message = reason?.trim() || undefined;
      return either(
        request,
        async (environmentId) => {
          const body: Record<string, string> = { startingAt: validity.startingAt.toISOString() };
          if (validity.endingAt) body.endingAt = validity.endingAt.toISOString();
          if (message) body.reason = message;
          return toSummary(await change('POST', `${v2SubscriptionPath(environmentId, request)}/_accept`, body, subscriptionSchema));
        },
        async (environmentId) => {
          const body = v1ProcessBody({ accepted: true, validity, reason: message });
          return v1ToSummary(await change('POST', `${v1Path(environmentId, request)}/_process`, body, v1SubscriptionSchema));
        },
      );
    },

    async rejectSubscription(request: PendingRequest, reason: string): Promise<SubscriptionSummary> {
      return either(
        request,
        async (environmentId) => toSummary(await change('POST', `${v2SubscriptionPath(environmentId, request)}/_reject`, { reason }, subscriptionSchema)),
        async (environmentId) => v1ToSummary(await change('POST', `${v1Path(environmentId, request)}/_process`, v1ProcessBody({ accepted: false, reason }), v1SubscriptionSchema)),
      );
    },
  };
}

export type GraviteeClient = ReturnType<typeof createGraviteeClient>;

function parseWith<T>(schema: z.ZodMiniType<T>, body: unknown, request: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new GraviteeError('invalid-response', { request, serverMessage: `Unexpected response${where}: ${issue?.message ?? 'invalid'}` });
}
