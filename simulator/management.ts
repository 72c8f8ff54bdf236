import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext, Route, SimulatorContext } from './context.ts';
import { matchPath } from './context.ts';
import { clearedSessionCookie, presentedScheme, SESSION_COOKIE } from './auth.ts';
import { applyCors, defaultCorsPolicy } from './cors.ts';
import { XSRF_COOKIE, XSRF_HEADER } from './csrf.ts';
import { httpNotFound, methodNotAllowed, v1ErrorBody, v2ErrorBody, type ApiError } from './errors.ts';
import { performFault } from './faults.ts';
import { appendSetCookie, BodyTooLargeError, headerValue, parseCookies, sendEmpty, sendJson, sendText } from './http-util.ts';
import { queryObject, type RequestLogEntry } from './request-log.ts';
import { v1Routes } from './routes/v1.ts';
import { v2Routes } from './routes/v2.ts';

// The request pipeline of the simulated Management API, in the order of Gravitee's filter chain:
// CORS, CSRF, authentication, then the resource with its permission check. Injected faults act
// right after CORS, so that a browser can still read the faulty response.

/** Lists the routes of the simulated Management API for the simulator's profile. */
export function managementRoutes(sim: SimulatorContext): Route[] {
  const routes = v1Routes();
  if (sim.profile.managementV2) routes.push(...v2Routes({ apiProducts: sim.profile.apiProducts, uiBootstrap: sim.profile.uiBootstrap }));
  return routes;
}

function sendShapedError(response: ServerResponse, managementPath: string, error: ApiError): void {
  if (managementPath.startsWith('/v2/')) sendJson(response, error.status, v2ErrorBody(error));
  else sendJson(response, error.status, v1ErrorBody(error), true);
}

/**
 * Sends 401 for a missing or rejected Basic credential. Spring adds the Basic challenge unless the
 * request carries X-Requested-With: XMLHttpRequest, which keeps browsers from showing their login
 * prompt. Gravitee's error handler writes no body.
 */
function sendUnauthorized(request: IncomingMessage, response: ServerResponse): void {
  if (headerValue(request, 'x-requested-with') !== 'XMLHttpRequest') response.setHeader('WWW-Authenticate', 'Basic realm="Gravitee.io Management API"');
  sendEmpty(response, 401);
}

function startLogEntry(sim: SimulatorContext, request: IncomingMessage, url: URL, cookies: Map<string, string>): RequestLogEntry {
  return sim.requestLog.add({
    time: sim.clock().toISOString(),
    method: request.method ?? 'GET',
    path: url.pathname,
    query: queryObject(url.searchParams),
    authScheme: presentedScheme(request, cookies),
    xsrfHeader: headerValue(request, XSRF_HEADER) !== undefined,
    xsrfCookie: cookies.has(XSRF_COOKIE),
    sessionCookie: cookies.has(SESSION_COOKIE),
    origin: headerValue(request, 'origin') ?? null,
    referer: headerValue(request, 'referer') !== undefined,
    status: null,
    outcome: 'pending',
    faultId: null,
    durationMs: null,
  });
}

/** Sets X-Xsrf-Token on the response, and a fresh XSRF-TOKEN cookie when the request had no valid one. Returns the cookie's token. */
function provideCsrfToken(sim: SimulatorContext, response: ServerResponse, cookies: Map<string, string>): string | null {
  const cookieToken = sim.csrf.tokenFromCookie(cookies);
  if (cookieToken) {
    response.setHeader(XSRF_HEADER, cookieToken);
    return cookieToken;
  }
  const issued = sim.csrf.issue();
  appendSetCookie(response, issued.setCookie);
  response.setHeader(XSRF_HEADER, issued.token);
  return null;
}

function findRoute(routes: Route[], method: string, managementPath: string): { route?: Route; params?: Record<string, string>; pathExists: boolean } {
  let pathExists = false;
  for (const route of routes) {
    const params = matchPath(route.pattern, managementPath);
    if (!params) continue;
    pathExists = true;
    if (route.method === method) return { route, params, pathExists };
  }
  return { pathExists };
}

export async function handleManagementRequest(sim: SimulatorContext, routes: Route[], request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const method = (request.method ?? 'GET').toUpperCase();
  const managementPath = url.pathname.slice('/management'.length) || '/';
  const cookies = parseCookies(request);
  const startedAt = performance.now();

  const entry = startLogEntry(sim, request, url, cookies);
  response.on('finish', () => {
    entry.status = response.statusCode;
    entry.outcome = 'responded';
    entry.durationMs = Math.round(performance.now() - startedAt);
  });

  const corsPolicy = defaultCorsPolicy(sim.options.corsAllowOrigins);
  if (applyCors(request, response, corsPolicy, sim.apiOrigin, [sim.consoleOrigin]) === 'handled') return;

  const fault = sim.faults.take(method, url.pathname);
  if (fault) {
    entry.faultId = fault.id;
    if (fault.hang) entry.outcome = 'hang';
    if (fault.destroy) entry.outcome = 'destroyed';
    if ((await performFault(fault, request, response)) === 'done') return;
  }

  if (managementPath.startsWith('/v2/') && !sim.profile.managementV2) return sendText(response, 404, '');

  const cookieToken = provideCsrfToken(sim, response, cookies);
  if (sim.csrf.requiresCheck(request, managementPath, cookies)) {
    const headerToken = headerValue(request, XSRF_HEADER);
    // Spring Security's access-denied response, not a Gravitee error body.
    if (!cookieToken || headerToken !== cookieToken) return sendEmpty(response, 403);
  }

  const authentication = sim.authenticator.authenticate(request, cookies, sim.clock().getTime());
  if (authentication.kind === 'invalid-token') {
    appendSetCookie(response, clearedSessionCookie());
    return sendEmpty(response, 401);
  }
  if (authentication.kind === 'bad-credentials') return sendUnauthorized(request, response);

  const { route, params, pathExists } = findRoute(routes, method, managementPath);
  const anonymous = authentication.kind === 'anonymous';
  if (!route || !params) {
    if (anonymous) return sendUnauthorized(request, response);
    return sendShapedError(response, managementPath, pathExists ? methodNotAllowed() : httpNotFound());
  }
  if (!route.public && anonymous) return sendUnauthorized(request, response);

  const context: RequestContext = { sim, request, response, url, authentication };
  try {
    await route.handle(context, params);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendShapedError(response, managementPath, { status: 413, message: error.message });
    console.error(`[simulator] ${method} ${url.pathname} failed:`, error);
    if (!response.headersSent) sendShapedError(response, managementPath, { status: 500, message: 'Internal Server Error' });
  }
}
