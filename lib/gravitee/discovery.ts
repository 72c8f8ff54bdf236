import { bootstrapSchema, consoleConstantsSchema } from './schemas';

export type DiscoveryFailure =
  /** The console address is not an absolute http(s) URL. */
  | 'invalid-console-url'
  /** The fetch itself failed: no network, no host access, or a CORS refusal. */
  | 'unreachable'
  /** The console responded to the constants.json request with an HTTP error, given in `status`. */
  | 'http-error'
  /** constants.json is not JSON or has no string `baseURL`. */
  | 'invalid-constants';

/** Error thrown by the discovery functions. Its `reason` selects the message the options page shows. */
export class DiscoveryError extends Error {
  readonly reason: DiscoveryFailure;
  readonly status: number | undefined;

  constructor(reason: DiscoveryFailure, message: string, status?: number) {
    super(message);
    this.name = 'DiscoveryError';
    this.reason = reason;
    this.status = status;
  }
}

export interface ConsoleDiscovery {
  /** Absolute Management API base, without a trailing slash, e.g. `https://apim.example.org/management`. */
  managementUrl: string;
  /** Organization named by constants.json, explicitly or inside `baseURL`, or null when it names none. */
  organization: string | null;
}

/**
 * Returns the console's own directory as a URL ending in `/`, so that relative paths resolve
 * inside it, because the console serves `constants.json` next to its `index.html`.
 */
export function consoleDirectory(consoleUrl: string): URL {
  let url: URL;
  try {
    url = new URL(consoleUrl.trim());
  } catch {
    throw new DiscoveryError('invalid-console-url', `Console URL is not an absolute URL: ${consoleUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DiscoveryError('invalid-console-url', `Console URL must use http or https: ${consoleUrl}`);
  }
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * Reduces the console's `baseURL` to the Management API base the way the console's own bootstrap
 * does: resolve it against the console address, drop a trailing `/`, and cut everything from
 * `/organizations` on.
 */
export function managementUrlFromBaseUrl(baseUrl: string, consoleUrl: string): ConsoleDiscovery {
  const resolved = new URL(baseUrl, consoleDirectory(consoleUrl));
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') {
    throw new DiscoveryError('invalid-constants', `baseURL does not resolve to an http(s) URL: ${baseUrl}`);
  }
  resolved.hash = '';
  resolved.search = '';
  const path = resolved.pathname.replace(/\/+$/, '');
  const organizationsAt = path.indexOf('/organizations');
  const basePath = organizationsAt === -1 ? path : path.slice(0, organizationsAt);
  const organizationInPath = organizationsAt === -1 ? null : /^\/organizations\/([^/]+)/.exec(path.slice(organizationsAt));
  const organization = organizationInPath?.[1] ? decodeURIComponent(organizationInPath[1]) : null;
  return { managementUrl: `${resolved.origin}${basePath.replace(/\/+$/, '')}`, organization };
}

/**
 * Reads `constants.json` from the console and returns the Management API base and, when the file
 * names one, the organization. Throws DiscoveryError. The caller must hold host access to the
 * console's origin, or the browser blocks the cross-origin fetch.
 */
export async function discoverConsole(consoleUrl: string, fetchImpl: typeof fetch): Promise<ConsoleDiscovery> {
  const constantsUrl = new URL('constants.json', consoleDirectory(consoleUrl)).href;

  let response: Response;
  let text: string;
  try {
    // The file is public and static, so cookies add nothing. A cached copy may be stale after a redeploy.
    response = await fetchImpl(constantsUrl, { credentials: 'omit', cache: 'no-store', headers: { Accept: 'application/json' } });
    text = await response.text();
  } catch (error) {
    throw new DiscoveryError('unreachable', `Fetching ${constantsUrl} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) {
    throw new DiscoveryError('http-error', `Fetching ${constantsUrl} failed with HTTP ${response.status}`, response.status);
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new DiscoveryError('invalid-constants', `${constantsUrl} is not JSON`);
  }
  const parsed = consoleConstantsSchema.safeParse(body);
  if (!parsed.success || parsed.data.baseURL.trim() === '') {
    throw new DiscoveryError('invalid-constants', `${constantsUrl} has no baseURL`);
  }

  let discovered: ConsoleDiscovery;
  try {
    discovered = managementUrlFromBaseUrl(parsed.data.baseURL.trim(), consoleUrl);
  } catch (error) {
    if (error instanceof DiscoveryError) throw error;
    throw new DiscoveryError('invalid-constants', `${constantsUrl} has a baseURL that is not a URL: ${parsed.data.baseURL}`);
  }
  // An explicit organizationId wins over one inside baseURL, as in the console's bootstrap.
  const organization = parsed.data.organizationId?.trim() || discovered.organization;
  return { managementUrl: discovered.managementUrl, organization };
}

/** Returns the Management API base that the console at `consoleUrl` uses. Throws DiscoveryError. */
export async function discoverManagementUrl(consoleUrl: string, fetchImpl: typeof fetch): Promise<string> {
  return (await discoverConsole(consoleUrl, fetchImpl)).managementUrl;
}

/**
 * Reads the public bootstrap of Gravitee 4.2 and later, `GET {mgmt}/v2/ui/bootstrap`, which names
 * the organization the console uses and the absolute Management API base. Returns null on older
 * versions and on any failure: the caller keeps the values from constants.json.
 * Source: ManagementUIResource.java in gravitee-apim-rest-api-management-v2-rest.
 */
export async function readBootstrap(managementUrl: string, fetchImpl: typeof fetch): Promise<{ managementUrl: string | null; organization: string | null } | null> {
  try {
    const response = await fetchImpl(`${managementUrl.replace(/\/+$/, '')}/v2/ui/bootstrap`, {
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      credentials: 'omit',
    });
    if (!response.ok) return null;
    const parsed = bootstrapSchema.safeParse(await response.json());
    if (!parsed.success) return null;
    return { managementUrl: parsed.data.baseURL?.replace(/\/+$/, '') ?? null, organization: parsed.data.organizationId ?? null };
  } catch {
    return null;
  }
}
