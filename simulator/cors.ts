import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue, sendText } from './http-util.ts';

/** Gravitee's `http.api.management.cors.*` settings with their defaults in code. */
export interface CorsPolicy {
  /** `'*'` allows any origin; with credentials the request's origin is echoed back. */
  allowOrigins: '*' | string[];
  allowHeaders: string[];
  allowMethods: string[];
  exposedHeaders: string[];
  maxAgeSeconds: number;
}

export function defaultCorsPolicy(allowOrigins: '*' | string[]): CorsPolicy {
  return {
    allowOrigins,
    allowHeaders: ['Cache-Control', 'Pragma', 'Origin', 'Authorization', 'Content-Type', 'X-Requested-With', 'If-Match', 'X-Xsrf-Token', 'X-Recaptcha-Token'],
    allowMethods: ['OPTIONS', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    exposedHeaders: ['ETag', 'X-Xsrf-Token'],
    maxAgeSeconds: 1_728_000,
  };
}

function isAllowedOrigin(policy: CorsPolicy, origin: string, alwaysAllowed: readonly string[]): boolean {
  if (policy.allowOrigins === '*') return true;
  return policy.allowOrigins.includes(origin) || alwaysAllowed.includes(origin);
}

function rejectCors(response: ServerResponse): 'handled' {
  sendText(response, 403, 'Invalid CORS request');
  return 'handled';
}

/**
 * Applies CORS the way Spring's CorsFilter does for the Management API. Responds to preflights and
 * rejects requests from origins that are not allowed with 403 "Invalid CORS request". Returns
 * 'handled' when the response has been sent. Configured console URLs are always allowed, so
 * `alwaysAllowed` contains the console stand-in's origin.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse, policy: CorsPolicy, ownOrigin: string, alwaysAllowed: readonly string[]): 'continue' | 'handled' {
  const origin = headerValue(request, 'origin');
  // A same-origin request with an Origin header is not a CORS request.
  if (!origin || origin === ownOrigin) return 'continue';

  response.setHeader('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
  if (!isAllowedOrigin(policy, origin, alwaysAllowed)) return rejectCors(response);

  const requestedMethod = headerValue(request, 'access-control-request-method');
  const isPreflight = request.method === 'OPTIONS' && requestedMethod !== undefined;
  if (!isPreflight) {
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Access-Control-Allow-Credentials', 'true');
    response.setHeader('Access-Control-Expose-Headers', policy.exposedHeaders.join(', '));
    return 'continue';
  }

  if (!policy.allowMethods.includes(requestedMethod.toUpperCase())) return rejectCors(response);
  const requestedHeaders = (headerValue(request, 'access-control-request-headers') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const allowedLower = policy.allowHeaders.map((name) => name.toLowerCase());
  if (requestedHeaders.some((name) => !allowedLower.includes(name.toLowerCase()))) return rejectCors(response);

  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Allow-Methods', policy.allowMethods.join(','));
  if (requestedHeaders.length > 0) response.setHeader('Access-Control-Allow-Headers', requestedHeaders.join(', '));
  response.setHeader('Access-Control-Max-Age', String(policy.maxAgeSeconds));
  response.statusCode = 200;
  response.setHeader('Content-Length', 0);
  response.end();
  return 'handled';
}

/** Permissive CORS for the simulator's own control hooks, so a test page may call them. */
export function applyOpenCors(request: IncomingMessage, response: ServerResponse): 'continue' | 'handled' {
  response.setHeader('Access-Control-Allow-Origin', '*');
  if (request.method !== 'OPTIONS') return 'continue';
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
  response.setHeader('Access-Control-Allow-Headers', headerValue(request, 'access-control-request-headers') ?? 'Content-Type');
  response.setHeader('Access-Control-Max-Age', '600');
  response.statusCode = 204;
  response.end();
  return 'handled';
}
