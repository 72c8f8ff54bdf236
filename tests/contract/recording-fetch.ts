import { vi } from 'vitest';

/** One request as a fake fetch received it. */
export interface RecordedRequest {
  method: string;
  /** The full URL. */
  url: string;
  /** The path after the Management API base (e.g. `/organizations/DEFAULT/user`), or the URL path for other hosts. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The JSON body, parsed; undefined when the request had none. */
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** Produces the response to one request; `init` is what the client passed to fetch. */
export type Answer = (request: RecordedRequest, init: RequestInit | undefined) => Response | Promise<Response>;

/** Builds a JSON response, with status 200 by default. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/**
 * Creates a fake fetch that records every request and responds with the first route whose pattern
 * matches. Patterns are regular expressions tested against `METHOD path`. An unmatched request
 * fails the test with its method and URL.
 */
export function recordingFetch(managementUrl: string, routes: Array<[RegExp, Answer]>) {
  const base = new URL(managementUrl.replace(/\/+$/, ''));
  const requests: RecordedRequest[] = [];

  const impl = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const inManagement = url.origin === base.origin && url.pathname.startsWith(base.pathname);
    const path = inManagement ? url.pathname.slice(base.pathname.length) : url.pathname;
    const method = (init?.method ?? 'GET').toUpperCase();
    const request: RecordedRequest = {
      method,
      url: url.href,
      path,
      query: Object.fromEntries(url.searchParams),
      headers: { ...((init?.headers ?? {}) as Record<string, string>) },
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init?.credentials,
    };
    requests.push(request);

    const route = routes.find(([pattern]) => pattern.test(`${method} ${path}`));
    if (!route) throw new Error(`Unexpected request ${method} ${url.href}`);
    return route[1](request, init);
  });

  return { requests, fetch: impl as unknown as typeof fetch };
}

/**
 * Creates a fetch that records every request like recordingFetch and passes it on to the real
 * fetch, e.g. to the simulator on 127.0.0.1.
 */
export function forwardingFetch(managementUrl: string) {
  return recordingFetch(managementUrl, [[/./, (request, init) => fetch(request.url, init)]]);
}
