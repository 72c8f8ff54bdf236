import { z } from 'zod/mini';
import { consoleDirectory } from './discovery';

/**
 * The version-dependent behaviour of one Gravitee installation that Gatekeeper relies on. It is
 * derived from the APIM version in the console's `build.json` when that is readable, and from a
 * probe of the Management API otherwise.
 */
export interface GraviteeCapabilities {
  /** APIM version from the console's `build.json`, e.g. `4.13.0`; null when it could not be read. */
  version: string | null;
  /** Management API v2 under `/management/v2` exists (APIM 4.0 and later). */
  v2: boolean;
  /** The public `GET /management/v2/ui/bootstrap` exists (APIM 4.2 and later). */
  bootstrap: boolean;
  /** API Products and their `/api-products/` endpoints exist (APIM 4.11 and later). */
  apiProducts: boolean;
  /**
   * Console route form of one subscription page: `env` is `#!/{env}/apis/…/subscriptions/{id}`
   * (4.3 and later), `environments-singular` is `#!/environments/{envId}/apis/…/subscription/{id}`
   * (4.0 to 4.2), and `environments` is `#!/environments/{envId}/apis/…/subscriptions/{id}` (3.x).
   */
  routeStyle: 'env' | 'environments' | 'environments-singular';
  /**
   * Failure form of accepting or rejecting a subscription that is no longer PENDING: HTTP 400
   * `subscription.processed` up to 4.3, HTTP 500 "Cannot accept subscription" from 4.4, or
   * `either` when the version is unknown. The client's error classification handles both forms.
   */
  processedAs: '400' | '500' | 'either';
}

/** Origin of detected capabilities, from the most to the least precise. */
export type CapabilitySource = 'build.json' | 'bootstrap' | 'probe' | 'unknown';

export interface DetectedCapabilities {
  capabilities: GraviteeCapabilities;
  source: CapabilitySource;
}

/**
 * Capabilities when nothing could be detected. The client then tries v2 first and falls back to
 * v1 when the server has no v2 module, and console links use the 4.3+ route form.
 */
export const UNKNOWN_CAPABILITIES: GraviteeCapabilities = {
  version: null,
  v2: true,
  bootstrap: false,
  apiProducts: false,
  routeStyle: 'env',
  processedAs: 'either',
};

/** Capabilities of a server without Management API v2, which means APIM 3.x. */
export const GRAVITEE_3_CAPABILITIES: GraviteeCapabilities = {
  version: null,
  v2: false,
  bootstrap: false,
  apiProducts: false,
  routeStyle: 'environments',
  processedAs: '400',
};

/** Returns the major and minor number of an APIM version such as `4.10.2` or `3.20.0-SNAPSHOT`. */
export function parseVersion(version: string): { major: number; minor: number } | null {
  const match = /^\s*v?(\d+)\.(\d+)/.exec(version);
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** Derives the capabilities from an APIM version; returns null when the version cannot be parsed. */
export function capabilitiesForVersion(version: string): GraviteeCapabilities | null {
  const parsed = parseVersion(version);
  if (!parsed) return null;
  // Versions are compared as major * 1000 + minor, so 4.13 is 4013 and 3.20 is 3020.
  const number = parsed.major * 1000 + parsed.minor;

  let routeStyle: GraviteeCapabilities['routeStyle'] = 'env';
  if (number < 4000) routeStyle = 'environments';
  else if (number < 4003) routeStyle = 'environments-singular';

  return {
    version: version.trim(),
    v2: number >= 4000,
    bootstrap: number >= 4002,
    apiProducts: number >= 4011,
    routeStyle,
    processedAs: number >= 4004 ? '500' : '400',
  };
}

/** Returns whether a response body is a Management API v2 error (`httpStatus`), as opposed to v1 (`http_status`) or none. */
export function isV2ErrorBody(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).httpStatus === 'number';
  } catch {
    return false;
  }
}

/**
 * Returns whether a 404 on a `/management/v2/…` path means the server has no v2 module at all
 * (APIM 3.x). A 4.x server returns a v2 error body with `httpStatus` for every unknown v2
 * resource. 3.x has no v2 servlet, so its 404 has an empty, HTML or v1-shaped body.
 */
export function isV2ModuleMissing(status: number, bodyText: string): boolean {
  return status === 404 && !isV2ErrorBody(bodyText);
}

const buildInfoSchema = z.object({ version: z.string() });

const DETECTION_TIMEOUT_MS = 10_000;

async function fetchText(url: string, fetchImpl: typeof fetch, init: RequestInit): Promise<{ status: number; text: string } | null> {
  try {
    const response = await fetchImpl(url, { ...init, signal: AbortSignal.timeout(DETECTION_TIMEOUT_MS) });
    return { status: response.status, text: await response.text() };
  } catch {
    return null;
  }
}

/**
 * Reads the APIM version from the console's `build.json`, which sits next to its `index.html`.
 * Returns null when the file cannot be fetched or has no `version`. The caller needs host access
 * to the console's origin.
 */
export async function readConsoleVersion(consoleUrl: string, fetchImpl: typeof fetch): Promise<string | null> {
  let url: string;
  try {
    url = new URL('build.json', consoleDirectory(consoleUrl)).href;
  } catch {
    return null;
  }
  // The file is public and static; a cached copy may be stale after an upgrade.
  const result = await fetchText(url, fetchImpl, { credentials: 'omit', cache: 'no-store', headers: { Accept: 'application/json' } });
  if (!result || result.status < 200 || result.status >= 300) return null;
  try {
    const parsed = buildInfoSchema.safeParse(JSON.parse(result.text));
    return parsed.success && parsed.data.version.trim() !== '' ? parsed.data.version.trim() : null;
  } catch {
    return null;
  }
}

/**
 * Probes `GET {mgmt}/v2/ui/bootstrap` without credentials, because the endpoint is public and a
 * stale token would turn its response into a 401. A success means 4.2 or later, a v2-shaped 404
 * means 4.0 or 4.1, and any other 404 means there is no v2 module (3.x). Anything else decides
 * nothing.
 */
async function probeBootstrap(managementUrl: string, organization: string, fetchImpl: typeof fetch): Promise<DetectedCapabilities> {
  const base = managementUrl.replace(/\/+$/, '');
  const url = `${base}/v2/ui/bootstrap?organizationId=${encodeURIComponent(organization)}`;
  const result = await fetchText(url, fetchImpl, { credentials: 'omit', headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
  if (!result) return { capabilities: UNKNOWN_CAPABILITIES, source: 'unknown' };

  if (result.status >= 200 && result.status < 300) {
    // NOTE: 4.2 and 4.3+ both serve the bootstrap, so without build.json a 4.2 console gets the
    // 4.3+ link form, and "already processed" may come as either a 400 or a 500.
    return { capabilities: { ...UNKNOWN_CAPABILITIES, bootstrap: true }, source: 'bootstrap' };
  }
  if (result.status === 400 && isV2ErrorBody(result.text)) {
    // The route exists but refused the organization: still a 4.2+ server.
    return { capabilities: { ...UNKNOWN_CAPABILITIES, bootstrap: true }, source: 'bootstrap' };
  }
  if (result.status === 404 && isV2ErrorBody(result.text)) {
    return { capabilities: { ...UNKNOWN_CAPABILITIES, routeStyle: 'environments-singular', processedAs: '400' }, source: 'probe' };
  }
  if (isV2ModuleMissing(result.status, result.text)) return { capabilities: GRAVITEE_3_CAPABILITIES, source: 'probe' };
  return { capabilities: UNKNOWN_CAPABILITIES, source: 'unknown' };
}

export interface DetectionTarget {
  consoleUrl: string;
  managementUrl: string;
  organization: string;
}

/**
 * Detects the capabilities of one Gravitee installation: from the console's `build.json` when it
 * is readable, else from the bootstrap probe. Fetch failures and unexpected responses do not
 * throw but give source `unknown` with UNKNOWN_CAPABILITIES.
 */
export async function detectCapabilities(target: DetectionTarget, fetchImpl: typeof fetch): Promise<DetectedCapabilities> {
  const version = await readConsoleVersion(target.consoleUrl, fetchImpl);
  const fromVersion = version === null ? null : capabilitiesForVersion(version);
  if (fromVersion) return { capabilities: fromVersion, source: 'build.json' };
  return probeBootstrap(target.managementUrl, target.organization, fetchImpl);
}
