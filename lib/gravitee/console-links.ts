import type { PendingRequest } from './types';

/**
 * Builds the console address of one subscription request, the same page that Gravitee's "new
 * subscription" email links to. The console uses hash routing with a `#!` prefix, so any hash in
 * the configured console address is dropped first.
 *
 * NOTE: this is the route of console 4.3 and later. Consoles 4.0 to 4.2 use `#!/environments/…`
 * and, in places, the singular `subscription`, so the link may open the wrong page there.
 */
export function subscriptionConsoleUrl(
  consoleUrl: string,
  request: Pick<PendingRequest, 'referenceType' | 'environmentId' | 'apiId' | 'subscriptionId'>,
): string {
  const base = consoleUrl.split('#')[0] ?? consoleUrl;
  // Gravitee 3.x sends no environment id; its only environment is normally DEFAULT.
  const environment = encodeURIComponent(request.environmentId ?? 'DEFAULT');
  const apiId = encodeURIComponent(request.apiId);
  const subscriptionId = encodeURIComponent(request.subscriptionId);
  const route =
    request.referenceType === 'API_PRODUCT'
      ? `/${environment}/api-products/${apiId}/consumers/subscriptions/${subscriptionId}`
      : `/${environment}/apis/${apiId}/subscriptions/${subscriptionId}`;
  return `${base}#!${route}`;
}
