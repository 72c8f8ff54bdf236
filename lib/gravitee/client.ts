import type { z } from 'zod/mini';
import type { Connection, CurrentUser, PendingRequest, SubscriptionDetails, SubscriptionSummary, SubscriptionTarget, ValidityPeriod } from './types';
import { classifyFetchException, classifyHttpFailure } from './classify';
import { GraviteeError } from './errors';
import { consoleSettingsSchema, currentUserSchema, subscriptionForUpdateSchema, subscriptionSchema } from './schemas';
import { parseTasks, type ParsedTasks } from './tasks';

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
}

type Method = 'GET' | 'POST' | 'PUT';

const DEFAULT_TIMEOUT_MS = 15_000;

function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

/** Path of one subscription under the v2 API, for an API or an API Product request. */
export function subscriptionPath(request: Omit<SubscriptionTarget, 'connectionId'>): string {
  // Gravitee 3.x sends no environmentId; its only environment is normally DEFAULT.
  const environment = request.environmentId ?? 'DEFAULT';
  const collection = request.referenceType === 'API_PRODUCT' ? 'api-products' : 'apis';
  return `/v2/environments/${segment(environment)}/${collection}/${segment(request.apiId)}/subscriptions/${segment(request.subscriptionId)}`;
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

/**
 * Typed client for the parts of the Gravitee Management API that Gatekeeper uses. Every failure
 * is thrown as a GraviteeError of one closed kind; responses are parsed with zod.
 */
export function createGraviteeClient(options: GraviteeClientOptions) {
  const baseUrl = trimTrailingSlash(options.connection.managementUrl);
  const organizationPath = `/organizations/${segment(options.connection.organization)}`;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

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

    if (!response.ok) throw classifyHttpFailure(response.status, response.headers, text, label);

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
   * one first. A 403 from the CSRF filter means the change was not applied, so after refreshing the
   * token the request is sent once more; any other failure is never retried here.
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

  return {
    async getCurrentUser(): Promise<CurrentUser> {
      const user = await get(`${organizationPath}/user`, currentUserSchema);
      const fullName = [user.firstname, user.lastname].filter(Boolean).join(' ');
      return { id: user.id, displayName: user.displayName ?? (fullName || user.id), email: user.email ?? null };
    },

    /** Returns the console's task poll interval in seconds, or null when the organization sets none. */
    async getTaskPollSeconds(): Promise<number | null> {
      const settings = await get(`${organizationPath}/console`, consoleSettingsSchema);
      const seconds = settings.scheduler?.tasks;
      return typeof seconds === 'number' && seconds > 0 ? seconds : null;
    },

    async getPendingRequests(): Promise<ParsedTasks> {
      const body = await send('GET', `${organizationPath}/user/tasks`);
      try {
        return parseTasks(body);
      } catch (error) {
        if (error instanceof GraviteeError) throw new GraviteeError(error.kind, { ...error.details, request: `GET ${organizationPath}/user/tasks` });
        throw error;
      }
    },

    async getSubscription(request: Omit<SubscriptionTarget, 'connectionId'>): Promise<SubscriptionSummary> {
      return toSummary(await get(subscriptionPath(request), subscriptionSchema));
    },

    /** Reads a subscription with its plan, as shown before an end-date change. */
    async getSubscriptionDetails(target: Omit<SubscriptionTarget, 'connectionId'>): Promise<SubscriptionDetails> {
      return toDetails(await get(`${subscriptionPath(target)}?expands=plan`, subscriptionForUpdateSchema));
    },

    /**
     * Changes the end date of a subscription; null removes it. Gravitee's PUT replaces the whole
     * record, so the current one is read first and every field is sent back. The subscription is
     * then read again: a server that answers 2xx but stored something else is reported as
     * 'not-applied' rather than trusted.
     */
    async changeEndDate(target: Omit<SubscriptionTarget, 'connectionId'>, endingAt: Date | null): Promise<SubscriptionDetails> {
      const path = subscriptionPath(target);
      const current = await get(path, subscriptionForUpdateSchema);

      const body: Record<string, unknown> = {};
      if (current.startingAt) body.startingAt = current.startingAt;
      if (endingAt) body.endingAt = endingAt.toISOString();
      if (current.metadata) body.metadata = current.metadata;
      if (current.consumerConfiguration !== undefined && current.consumerConfiguration !== null) body.consumerConfiguration = current.consumerConfiguration;
      await change('PUT', path, body, subscriptionSchema);

      const stored = await get(`${path}?expands=plan`, subscriptionForUpdateSchema);
      const wanted = endingAt ? endingAt.toISOString() : null;
      if (stored.status !== current.status || !sameInstant(stored.endingAt ?? null, wanted)) {
        throw new GraviteeError('not-applied', {
          request: `PUT ${path}`,
          serverMessage: `Gravitee reports status ${stored.status} and end date ${stored.endingAt ?? 'none'}, expected ${current.status} and ${wanted ?? 'none'}.`,
        });
      }
      return toDetails(stored);
    },

    /** Accepts with the given validity period. Never sends customApiKey: Gravitee generates the key. */
    async acceptSubscription(request: PendingRequest, validity: ValidityPeriod, reason?: string): Promise<SubscriptionSummary> {
      const body: Record<string, string> = { startingAt: validity.startingAt.toISOString() };
      if (validity.endingAt) body.endingAt = validity.endingAt.toISOString();
      if (reason?.trim()) body.reason = reason.trim();
      return toSummary(await change('POST', `${subscriptionPath(request)}/_accept`, body, subscriptionSchema));
    },

    async rejectSubscription(request: PendingRequest, reason: string): Promise<SubscriptionSummary> {
      return toSummary(await change('POST', `${subscriptionPath(request)}/_reject`, { reason }, subscriptionSchema));
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
