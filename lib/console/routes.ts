/** A Gravitee console page that Gatekeeper enhances, parsed from the console's `#!` hash route. */
export type ConsoleRoute =
  | {
      page: 'subscription';
      /** The environment segment as the URL has it: an environment id or one of its hrids. */
      environment: string;
      referenceType: 'API' | 'API_PRODUCT';
      apiId: string;
      subscriptionId: string;
    }
  | { page: 'other' };

// Subscription pages in each console generation (Gravitee's console routing modules):
// 4.3 and later: #!/{env}/apis/{apiId}/subscriptions/{id}, and API Products (4.11+)
//   #!/{env}/api-products/{productId}/consumers/subscriptions/{id};
// 4.0 to 4.2: #!/environments/{envId}/apis/{apiId}/subscription/{id}, v4 APIs in 4.0 and 4.1
//   under #!/environments/{envId}/apis/ng/{apiId}/subscription/{id};
// 3.x: #!/environments/{envId}/apis/{apiId}/subscriptions/{id}.
const API_SUBSCRIPTION = /^\/(?:environments\/)?([^/]+)\/apis\/(?:ng\/)?([^/]+)\/subscriptions?\/([^/]+)$/;
const PRODUCT_SUBSCRIPTION = /^\/([^/]+)\/api-products\/([^/]+)\/consumers\/subscriptions\/([^/]+)$/;

/** Parses a console URL hash such as `#!/default/apis/a1/subscriptions/s1?tab=x`. */
export function parseConsoleRoute(hash: string): ConsoleRoute {
  if (!hash.startsWith('#!/')) return { page: 'other' };
  const path = (hash.slice(2).split('?')[0] ?? '').replace(/\/+$/, '');

  const product = PRODUCT_SUBSCRIPTION.exec(path);
  if (product?.[1] && product[2] && product[3]) {
    return { page: 'subscription', environment: decodeURIComponent(product[1]), referenceType: 'API_PRODUCT', apiId: decodeURIComponent(product[2]), subscriptionId: decodeURIComponent(product[3]) };
  }

  const api = API_SUBSCRIPTION.exec(path);
  if (api?.[1] && api[2] && api[3] && api[1] !== 'environments') {
    return { page: 'subscription', environment: decodeURIComponent(api[1]), referenceType: 'API', apiId: decodeURIComponent(api[2]), subscriptionId: decodeURIComponent(api[3]) };
  }
  return { page: 'other' };
}
