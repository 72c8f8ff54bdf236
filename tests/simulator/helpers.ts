import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../simulator/server.ts';

/** Fixed simulator clock for tests: 2026-03-02T10:00:00Z, movable with `advance`. */
export function createTestClock(start = Date.parse('2026-03-02T10:00:00Z')) {
  let current = start;
  return {
    now: () => new Date(current),
    advance(milliseconds: number) {
      current += milliseconds;
    },
  };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Raw body text, sent as is (for malformed or non-JSON bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Cookie header value. */
  cookie?: string;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: any;
}

/** Sends one request to the simulator's API origin; `path` starts with /management or /_simulator. */
export async function call(sim: RunningSimulator, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.Cookie = options.cookie;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }

  const response = await fetch(sim.apiOrigin + path, { method, headers, body, signal: options.signal });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Returns the `name=value` part of a Set-Cookie header for the given cookie, or undefined. */
export function cookieFrom(headers: Headers, name: string): string | undefined {
  const cookie = headers.getSetCookie().find((candidate) => candidate.startsWith(`${name}=`));
  return cookie?.split(';')[0];
}

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ apiPort: 0, consolePort: 0, ...options });
}

/** Path of a v2 subscription (or the collection when `subscriptionId` is absent) of an API. */
export function v2ApiSubscriptionPath(environmentId: string, apiId: string, subscriptionId?: string): string {
  const base = `/management/v2/environments/${environmentId}/apis/${apiId}/subscriptions`;
  return subscriptionId ? `${base}/${subscriptionId}` : base;
}

/** Walks a JSON value and returns the paths of every null inside it. */
export function nullPaths(value: unknown, path = '$'): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => nullPaths(item, `${path}[${index}]`));
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => nullPaths(item, `${path}.${key}`));
  return [];
}
