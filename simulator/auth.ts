import type { IncomingMessage } from 'node:http';
import type { User } from './model.ts';
import type { Store } from './store.ts';
import { headerValue } from './http-util.ts';
import { signJwt, verifyJwt } from './jwt.ts';

/** Name of the console session cookie; its value is `Bearer%20<jwt>`. */
export const SESSION_COOKIE = 'Auth-Graviteeio-APIM';

/** Lifetime of a console session token and cookie: Gravitee's `jwt.expire-after` default, 7 days. */
export const SESSION_SECONDS = 604_800;

export type AuthScheme = 'bearer' | 'cookie' | 'basic' | 'none';

export type Authentication =
  | { kind: 'anonymous'; scheme: 'none' }
  | { kind: 'user'; scheme: AuthScheme; user: User }
  /** An unknown PAT, or a session token that is forged, expired or names no user. */
  | { kind: 'invalid-token'; scheme: AuthScheme }
  /** HTTP Basic with an unknown user name or a wrong password. */
  | { kind: 'bad-credentials'; scheme: 'basic' };

/** Returns which credential a request presents, without checking it; the Authorization header wins over the cookie. */
export function presentedScheme(request: IncomingMessage, cookies: Map<string, string>): AuthScheme {
  const authorization = headerValue(request, 'authorization') ?? '';
  if (/^bearer\s/i.test(authorization)) return 'bearer';
  if (/^basic\s/i.test(authorization)) return 'basic';
  if (cookies.has(SESSION_COOKIE)) return 'cookie';
  return 'none';
}

/**
 * Resolves the caller of a Management API request. A token containing a dot is a console session
 * JWT; any other bearer token is a personal access token.
 */
export class Authenticator {
  private readonly store: Store;
  private readonly secret: Buffer;

  constructor(store: Store, secret: Buffer) {
    this.store = store;
    this.secret = secret;
  }

  authenticate(request: IncomingMessage, cookies: Map<string, string>, nowMs: number): Authentication {
    const authorization = headerValue(request, 'authorization') ?? '';
    const scheme = presentedScheme(request, cookies);

    if (scheme === 'bearer') return this.fromToken(authorization.replace(/^bearer\s+/i, '').trim(), 'bearer', nowMs);
    if (scheme === 'basic') return this.fromBasic(authorization.replace(/^basic\s+/i, '').trim());
    if (scheme === 'cookie') {
      const raw = decodeURIComponent(cookies.get(SESSION_COOKIE) ?? '');
      const token = raw.replace(/^bearer\s+/i, '').trim();
      return this.fromToken(token, 'cookie', nowMs);
    }
    return { kind: 'anonymous', scheme: 'none' };
  }

  /** Issues a console session token for the user (the body of a successful login). */
  issueSessionToken(user: User, nowMs: number): string {
    const issuedAt = Math.floor(nowMs / 1000);
    return signJwt(this.secret, {
      sub: user.id,
      iss: 'gravitee-management-auth',
      iat: issuedAt,
      exp: issuedAt + SESSION_SECONDS,
      firstname: user.firstname ?? null,
      lastname: user.lastname ?? null,
      email: user.email ?? null,
    });
  }

  private fromToken(token: string, scheme: AuthScheme, nowMs: number): Authentication {
    if (!token) return { kind: 'invalid-token', scheme };

    if (token.includes('.')) {
      const claims = verifyJwt(this.secret, token, nowMs);
      const user = typeof claims?.sub === 'string' ? this.store.findUser(claims.sub) : undefined;
      return user && user.status === 'ACTIVE' ? { kind: 'user', scheme, user } : { kind: 'invalid-token', scheme };
    }

    const user = this.store.data.users.find((candidate) => candidate.personalAccessToken === token && candidate.status === 'ACTIVE');
    return user ? { kind: 'user', scheme, user } : { kind: 'invalid-token', scheme };
  }

  private fromBasic(encoded: string): Authentication {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator < 0) return { kind: 'bad-credentials', scheme: 'basic' };

    const username = decoded.slice(0, separator);
    const password = decoded.slice(separator + 1);
    const user = this.store.data.users.find((candidate) => candidate.username === username && candidate.status === 'ACTIVE');
    if (!user || user.password === undefined || user.password !== password) return { kind: 'bad-credentials', scheme: 'basic' };
    return { kind: 'user', scheme: 'basic', user };
  }
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(`Bearer ${token}`)}; Path=/; Max-Age=${SESSION_SECONDS}; HttpOnly`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly`;
}
