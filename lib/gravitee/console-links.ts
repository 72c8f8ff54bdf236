import type { PendingRequest } from './types';
import type { GraviteeCapabilities } from './version';

/** Console route form of one subscription page; see GraviteeCapabilities.routeStyle. */
export type ConsoleRouteStyle = GraviteeCapabilities['routeStyle'];

/**
 * Builds the console address of one subscription request in the route form of the console's
 * version. The console uses hash routing with a `#!` prefix in every version, so any hash in the
 * configured console address is dropped first.
 *
 * - `env` (4.3 and later, also the default when the version is unknown):
 *   `#!/{envId}/apis/{apiId}/subscriptions/{id}`, the page Gravitee's "new subscription" email
 *   links to, and `#!/{envId}/api-products/{productId}/consumers/subscriptions/{id}` for API
 *   Products.
 * - `environments-singular` (4.0 to 4.2): `#!/environments/{envId}/apis/{apiId}/subscription/{id}`.
 * - `environments` (3.x): `#!/environments/{envId}/apis/{apiId}/subscriptions/{id}`.
 *
 * API Products exist from 4.11 only, so their link always has the 4.3+ form.
 */
export function subscriptionConsoleUrl(
  consoleUrl: string,
  request: Pick<PendingRequest, 'referenceType' | 'environmentId' | 'apiId' | 'subscriptionId'>,
  routeStyle: ConsoleRouteStyle | null = 'env',
): string {
  const base = consoleUrl.split('#')[0] ?? consoleUrl;
  // A 3.x task names no environment; until its environment is resolved, DEFAULT is the usual one.
  const environment = encodeURIComponent(request.environmentId ?? 'DEFAULT');
  const apiId = encodeURIComponent(request.apiId);
  const subscriptionId = encodeURIComponent(request.subscriptionId);

  if (request.referenceType === 'API_PRODUCT') return `${base}#!/${environment}/api-products/${apiId}/consumers/subscriptions/${subscriptionId}`;

  switch (routeStyle ?? 'env') {
    case 'environments':
      return `${base}#!/environments/${environment}/apis/${apiId}/subscriptions/${subscriptionId}`;
    case 'environments-singular':
      // NOTE: consoles 4.0 and 4.1 route v4 APIs under `apis/ng/{apiId}`, and the tasks do not
      // say which APIs are v4, so such a link may open the wrong page there.
      return `${base}#!/environments/${environment}/apis/${apiId}/subscription/${subscriptionId}`;
    case 'env':
      return `${base}#!/${environment}/apis/${apiId}/subscriptions/${subscriptionId}`;
  }
}
