import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from './auth.ts';
import { headerValue } from './http-util.ts';
import { signJwt, verifyJwt } from './jwt.ts';

/** Cookie holding the signed CSRF token; the X-Xsrf-Token header carries the bare UUID. */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-Xsrf-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'TRACE', 'OPTIONS']);

// Paths Gravitee exempts from the check, relative to /management.
const EXEMPT_PATHS = [/^\/organizations\/[^/]+\/user\/login$/, /^\/organizations\/[^/]+\/auth\//, /^\/environments\/[^/]+\/auth\//];

/**
 * Gravitee's CSRF protection: the cookie is an HS256 JWT wrapping a random UUID, and a checked
 * request must send that UUID in the X-Xsrf-Token header as well.
 */
export class CsrfProtection {
  private readonly secret: Buffer;

  constructor(secret: Buffer) {
    this.secret = secret;
  }

  /** Returns the UUID inside a validly signed XSRF-TOKEN cookie, or null. */
  tokenFromCookie(cookies: Map<string, string>): string | null {
    const value = cookies.get(XSRF_COOKIE);
    if (!value) return null;
    const claims = verifyJwt(this.secret, decodeURIComponent(value), 0);
    return typeof claims?.jti === 'string' ? claims.jti : null;
  }

  /** Creates a token; returns the UUID for the header and the Set-Cookie value. */
  issue(): { token: string; setCookie: string } {
    const token = randomUUID();
    const signed = signJwt(this.secret, { jti: token });
    return { token, setCookie: `${XSRF_COOKIE}=${signed}; Path=/; HttpOnly` };
  }

  /**
   * Tells whether a request is checked: its method changes state and it carries a Referer, an
   * Origin or the session cookie. Browsers add those, while curl and servers send none.
   */
  requiresCheck(request: IncomingMessage, managementPath: string, cookies: Map<string, string>): boolean {
    if (SAFE_METHODS.has((request.method ?? 'GET').toUpperCase())) return false;
    if (EXEMPT_PATHS.some((pattern) => pattern.test(managementPath))) return false;
    return headerValue(request, 'referer') !== undefined || headerValue(request, 'origin') !== undefined || cookies.has(SESSION_COOKIE);
  }
}
