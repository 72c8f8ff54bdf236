import { createHmac, timingSafeEqual } from 'node:crypto';

// Minimal HS256 JSON Web Tokens, used for the console session token and for the signed CSRF
// cookie. Gravitee signs both with HS256 as well; the secret here is random per simulator start.

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signature(secret: Buffer, signingInput: string): string {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

/** Signs `claims` as a compact HS256 JWT (three dot-separated base64url segments). */
export function signJwt(secret: Buffer, claims: Record<string, unknown>): string {
  const signingInput = `${encodeSegment({ alg: 'HS256', typ: 'JWT' })}.${encodeSegment(claims)}`;
  return `${signingInput}.${signature(secret, signingInput)}`;
}

/**
 * Returns the claims of a JWT whose HS256 signature matches and whose `exp` (seconds) is after
 * `nowMs`, or null for anything else.
 */
export function verifyJwt(secret: Buffer, token: string, nowMs: number): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, givenSignature] = parts as [string, string, string];

  const expected = Buffer.from(signature(secret, `${header}.${payload}`));
  const given = Buffer.from(givenSignature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;

  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null) return null;

  const record = claims as Record<string, unknown>;
  if (typeof record.exp === 'number' && record.exp * 1000 <= nowMs) return null;
  return record;
}
